// Acceptance (issue 11): an event costs two statements, whichever door it comes in by. The API's
// bearer check reads the token with the candidate and their journey, the staff page's session
// check reads the session with its user, the candidate and their journey; then the front door
// dispatches from that row and the engine commits in one statement. Counted at the driver, on
// PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { createUser } from '../../src/services/users/manage.js';
import { type StatementLog, watchStatements } from '../support/statements.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let log: StatementLog;
let staff: { cookie: string; csrf: string };

beforeAll(async () => {
  t = await startTestIntake();
  const now = t.clock.now();
  const { user } = await createUser(t.intake.app.db, { email: 'recruiter@example.nhs.uk', name: 'Rae Cruiter', role: 'recruiter', password: 'correct horse battery staple' }, null, now);
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, now);
  staff = { cookie: `intake_session=${session.value}`, csrf: session.csrf };
  log = watchStatements(t.intake.database);
});
afterAll(async () => { await t?.close(); });

async function newCandidate(): Promise<{ id: string; version: number }> {
  const res = await t.post('/api/candidates', applicant());
  expect(res.status).toBe(201);
  return { id: res.body.id, version: res.body.journey.version };
}

const viaApi = (id: string) => t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' });

const viaPage = (id: string, version: number) => t.intake.http.request(`/candidates/${id}/events`, {
  method: 'POST',
  body: new URLSearchParams({ _csrf: staff.csrf, _type: 'screeningStarted', _version: String(version) }),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: staff.cookie },
});

/** The statements one request sent, after a first request of its kind has warmed the connection up. */
async function statementsOf(send: (c: { id: string; version: number }) => Promise<{ status: number }>, expected: number) {
  expect((await send(await newCandidate())).status).toBe(expected);
  const candidate = await newCandidate();
  log.clear();
  expect((await send(candidate)).status).toBe(expected);
  const sent = [...log.texts];
  const { body } = await t.get(`/api/candidates/${candidate.id}`);
  expect(body.journey).toMatchObject({ state: 'screening', version: candidate.version + 1 });
  return sent;
}

describe('the cost of an event', () => {
  it('is two statements from the API: the token with the candidate, then the commit', async () => {
    const sent = await statementsOf(({ id }) => viaApi(id), 200);
    expect(sent, sent.join('\n---\n')).toHaveLength(2);
    expect(sent[0]).toMatch(/api_tokens/);
    expect(sent[1]).toMatch(/update journeys/);
  });

  it('is two statements from a staff page: the session with the candidate, then the commit', async () => {
    const sent = await statementsOf(async ({ id, version }) => viaPage(id, version), 303);
    expect(sent, sent.join('\n---\n')).toHaveLength(2);
    expect(sent[0]).toMatch(/sessions/);
    expect(sent[1]).toMatch(/update journeys/);
  });
});
