// Issue 12, finding 2: staff never see a live one-time link. Before, /mailbox/:id and
// /api/mailbox/:id expanded the real sign-in and referee links of any email, whatever the
// transport and whatever the reader's programme scope: a coordinator could sign in as a domestic
// applicant, a recruiter could answer a reference in the referee's name. Now stored emails hold
// placeholders, readers see them redacted, the mailbox follows the candidate's programme scope,
// and a member of staff may send a new link but never read one.
import { refereesCovering } from '../support/evidence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../db/schema/index.js';
import { createSession } from '../../src/auth/session.js';
import type { StaffPrincipal } from '../../src/auth/principal.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';
import { inbox, received } from '../support/inbox.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { ORIGIN, act, toChecks } from '../privacy/support.js';

/** Anything in a text that looks like a one-time link. */
const LIVE = /\/(portal\/link|references)\/[A-Za-z0-9_-]{20,}/;

let t: TestIntake;
interface Reader { role: 'recruiter' | 'coordinator' | 'admin'; bearer: string; cookie: string; csrf: string }
const readers: Reader[] = [];
let domestic: string;
let international: string;

async function reader(role: Reader['role']): Promise<Reader> {
  const now = t.clock.now();
  const { user } = await createUser(t.intake.app.db, { email: `${role}.mail@example.nhs.uk`, name: `Mail ${role}`, role, password: 'correct horse battery staple' }, null, now);
  const principal: StaffPrincipal = { kind: 'staff', role, userId: user.id, tokenId: null, via: 'token' };
  const { token } = await createPersonalToken(t.intake.app.db, principal, 'mailbox', now);
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, now);
  return { role, bearer: `Bearer ${token}`, cookie: `intake_session=${session.value}`, csrf: session.csrf };
}

beforeAll(async () => {
  t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } });
  domestic = (await t.post('/api/candidates', applicant({ email: 'dora.domestic@example.com' }))).body.id;
  international = (await t.post('/api/candidates', applicant({ programme: 'international', email: 'ines.international@example.com' }))).body.id;
  // A domestic journey that has asked a referee for a reference: a referee link in the mailbox.
  await toChecks(t, domestic);
  await act(t, domestic, 'references.refereesProvided', {
    referees: refereesCovering(t.clock.now(), ['rhona.referee@example.org', 'sunil.second@example.org'], ['Rhona Referee', 'Sunil Second']),
  });
  // Both applicants ask for a sign-in link.
  for (const email of ['dora.domestic@example.com', 'ines.international@example.com']) {
    const res = await t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
    expect(res.status).toBe(200);
  }
  await drainDueJobs(t.intake.app);
  for (const role of ['recruiter', 'coordinator', 'admin'] as const) readers.push(await reader(role));
}, 120_000);
afterAll(async () => { await t?.close(); });

/** Every message a reader can open, by the API and by the page, as they see it. */
async function whatReaderSees(r: Reader): Promise<{ ids: string[]; bodies: string[] }> {
  const list = await t.get('/api/mailbox?limit=200', { authorization: r.bearer });
  expect(list.status).toBe(200);
  const ids = (list.body.items as { id: string }[]).map((m) => m.id);
  const bodies: string[] = [];
  for (const id of ids) {
    const api = await t.get(`/api/mailbox/${id}`, { authorization: r.bearer });
    expect(api.status).toBe(200);
    bodies.push(api.body.text, api.body.html);
    const page = await t.intake.http.request(`/mailbox/${id}`, { headers: { cookie: r.cookie } });
    expect(page.status).toBe(200);
    bodies.push(await page.text());
  }
  return { ids, bodies };
}

describe('one-time links in the mailbox', () => {
  it('works for the recipients: the links they received sign in and open the reference form', async () => {
    const signIn = /http:\/\/intake\.test(\/portal\/link\/[\w-]+)/.exec((await received(t, 'dora.domestic@example.com', 'magicLink')).text)![1]!;
    expect((await t.intake.http.request(signIn)).status).toBe(200);
    const reference = /http:\/\/intake\.test(\/references\/[\w-]+)/.exec((await received(t, 'rhona.referee@example.org', 'referenceRequest')).text)![1]!;
    expect((await t.intake.http.request(reference)).status).toBe(200);
  });

  it.each(['recruiter', 'coordinator', 'admin'] as const)('never shows a %s a link that works, by page or API', async (role) => {
    const r = readers.find((x) => x.role === role)!;
    const { ids, bodies } = await whatReaderSees(r);
    expect(ids.length).toBeGreaterThan(0);
    const live = [...(await inbox(t, 'dora.domestic@example.com')), ...(await inbox(t, 'ines.international@example.com')), ...(await inbox(t, 'rhona.referee@example.org'))]
      .flatMap((m) => [...m.text.matchAll(/http:\/\/intake\.test(\/(?:portal\/link|references)\/[\w-]+)/g)].map((x) => x[1]!));
    expect(live.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      expect(body).not.toMatch(LIVE);
      for (const link of live) expect(body).not.toContain(link);
    }
    expect(bodies.join('\n')).toMatch(/one-time (sign-in|reference form) link: sent only to the recipient/);
  });

  it('keeps no working link in the database copy of any email', async () => {
    const rows = await t.intake.app.db.select().from(emails);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row.text).not.toMatch(LIVE);
      expect(row.html).not.toMatch(LIVE);
    }
  });

  it('follows the candidate’s programme scope: a coordinator reads only international candidates’ emails', async () => {
    const coordinator = readers.find((x) => x.role === 'coordinator')!;
    const { ids } = await whatReaderSees(coordinator);
    const domesticIds = (await t.intake.app.db.select({ id: emails.id, candidateId: emails.candidateId }).from(emails)).filter((e) => e.candidateId === domestic).map((e) => e.id);
    expect(domesticIds.length).toBeGreaterThan(0);
    expect(ids.filter((id) => domesticIds.includes(id))).toEqual([]);
    expect((await t.get(`/api/mailbox/${domesticIds[0]}`, { authorization: coordinator.bearer })).status).toBe(404);
    expect((await t.intake.http.request(`/mailbox/${domesticIds[0]}`, { headers: { cookie: coordinator.cookie } })).status).toBe(404);
    const internationalIds = (await t.intake.app.db.select({ id: emails.id, candidateId: emails.candidateId }).from(emails)).filter((e) => e.candidateId === international).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(internationalIds));
  });

  it('says the local mailbox is for development', async () => {
    const page = await t.intake.http.request('/mailbox', { headers: { cookie: readers[0]!.cookie } });
    const html = await page.text();
    expect(html).toContain('This mailbox is for development');
    // The kind of each email in words, never its template key.
    expect(html).toMatch(/<td>Magic link<\/td>|<td>Reference request<\/td>/);
    expect(html).not.toMatch(/<td>(magicLink|referenceRequest|applicationReceived)<\/td>/);
    const empty = await t.intake.http.request('/mailbox?to=nobody%40example.org', { headers: { cookie: readers[0]!.cookie } });
    expect(await empty.text()).toContain('No emails to this address.');
  });
});

describe('sending a new sign-in link', () => {
  it('lets staff who work the candidate send one, and never shows it to them', async () => {
    const recruiter = readers.find((x) => x.role === 'recruiter')!;
    const before = (await inbox(t, 'dora.domestic@example.com')).length;
    const res = await t.post(`/api/candidates/${domestic}/sign-in-link`, undefined, { authorization: recruiter.bearer });
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.body)).not.toMatch(LIVE);
    const page = await t.intake.http.request(`/candidates/${domestic}/sign-in-link`, {
      method: 'POST', body: new URLSearchParams({ _csrf: recruiter.csrf }), headers: { cookie: recruiter.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://intake.test' },
    });
    expect(page.status).toBe(303);
    const record = await t.intake.http.request(page.headers.get('location')!, { headers: { cookie: recruiter.cookie } });
    const html = await record.text();
    expect(html).toContain('a new sign-in link is on its way');
    expect(html).not.toMatch(LIVE);
    await drainDueJobs(t.intake.app);
    const mine = await inbox(t, 'dora.domestic@example.com');
    expect(mine.length).toBe(before + 2);
    // The applicant's link works: it signs them in.
    const link = /http:\/\/intake\.test(\/portal\/link\/[\w-]+)/.exec(mine[0]!.text)![1]!;
    const spent = await t.intake.http.request(link, { method: 'POST', headers: ORIGIN });
    expect(spent.status).toBe(303);
    expect(spent.headers.get('location')).toBe('/portal');
  });

  it('refuses a coordinator for a domestic candidate (not theirs to read), and a sixth link in 15 minutes', async () => {
    const coordinator = readers.find((x) => x.role === 'coordinator')!;
    expect((await t.post(`/api/candidates/${domestic}/sign-in-link`, undefined, { authorization: coordinator.bearer })).status).toBe(404);
    const admin = readers.find((x) => x.role === 'admin')!;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.post(`/api/candidates/${international}/sign-in-link`, undefined, { authorization: admin.bearer })).status);
    // One link was asked for by the applicant already: four more, then 429.
    expect(statuses).toEqual([202, 202, 202, 202, 429, 429]);
  });
});

describe('with an email provider (Resend)', () => {
  let fake: FakeResend;
  let r: TestIntake;
  beforeAll(async () => {
    fake = await startFakeResend();
    r = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test', RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url } });
  });
  afterAll(async () => { await r?.close(); await fake?.close(); });

  it('delivers the live link to the recipient and shows staff none, by any id', async () => {
    await r.post('/api/candidates', applicant({ email: 'rosa.resend@example.com' }));
    await r.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'rosa.resend@example.com' }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
    await drainDueJobs(r.intake.app);
    const delivered = fake.delivered.find((d) => d.body.subject === 'Your sign-in link')!;
    expect(delivered.body.text).toMatch(LIVE);
    for (const row of await r.intake.app.db.select().from(emails)) {
      const api = await r.get(`/api/mailbox/${row.id}`);
      expect(api.status).toBe(404); // sent by the provider: not in the development mailbox
      expect(JSON.stringify(api.body)).not.toMatch(LIVE);
      expect(row.text).not.toMatch(LIVE);
    }
  });
});
