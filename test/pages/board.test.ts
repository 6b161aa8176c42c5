// The pipeline board page: filters, paging, and bad input answered as a page, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { createUser } from '../../src/services/users/manage.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let cookie: string;
beforeAll(async () => {
  t = await startTestIntake();
  const { user } = await createUser(t.intake.app.db, { email: 'board@example.nhs.uk', name: 'Board', role: 'recruiter', password: 'a long enough password' }, null, t.clock.now());
  cookie = `intake_session=${(await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, t.clock.now())).value}`;
  for (const name of ['Ada 100% Lovelace', 'Bea Smith', 'Cy Smith']) await t.post('/api/candidates', applicant({ fullName: name }));
});
afterAll(async () => { await t?.close(); });

const page = async (path: string) => {
  const res = await t.intake.http.request(path, { headers: { cookie } });
  return { status: res.status, text: await res.text() };
};
const cards = (html: string) => [...html.matchAll(/<a href="\/candidates\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('the board page', () => {
  it('searches by name, with % taken literally', async () => {
    expect(cards((await page('/board?programme=domestic&q=smith')).text).sort()).toEqual(['Bea Smith', 'Cy Smith']);
    expect(cards((await page('/board?programme=domestic&q=100%25')).text)).toEqual(['Ada 100% Lovelace']);
  });

  it('pages a column and answers a forged cursor with 400, not a database error', async () => {
    const first = await page('/board/column?programme=domestic&stage=application');
    expect(first.status).toBe(200);
    expect(cards(first.text)).toHaveLength(3);
    const forged = Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await page(`/board/column?programme=domestic&stage=application&cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('cursor');
  });
});
