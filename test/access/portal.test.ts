// The applicant's side: apply with a CV on the public form, sign in with the emailed one-time
// link, see only their own status, watch it change when the recruiter acts, and withdraw.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { received } from '../support/inbox.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

const ORIGIN = { origin: 'http://intake.test' };
const PDF = readFileSync(new URL('../../../shared/fixtures/cvs/a01.pdf', import.meta.url));

async function page(path: string, cookie?: string) {
  const res = await t.intake.http.request(path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

/** Asks for a sign-in link, reads it from the mailbox as the applicant would, and follows it. */
async function signInByEmail(email: string): Promise<string> {
  t.clock.advance(1000); // this link's email is the newest in the inbox
  const asked = await t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
  expect(asked.status).toBe(200);
  await drainDueJobs(t.intake.app);
  const message = await received(t, email, 'magicLink');
  const link = /http:\/\/intake\.test(\/portal\/link\/[\w-]+)/.exec(message.text)![1]!;
  const landing = await page(link);
  expect(landing.text).toContain('Continue');
  const spent = await t.intake.http.request(link, { method: 'POST', headers: ORIGIN });
  expect(spent.status).toBe(303);
  expect((await t.intake.http.request(link, { method: 'POST', headers: ORIGIN })).status).toBe(410);
  return spent.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the applicant portal', () => {
  it('takes an application with a CV, signs the applicant in by email link, and shows their own status as it changes', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ programme: 'domestic', profession: 'registered_nurse', fullName: 'Priya Nair', email: 'priya.nair@example.com', phone: '07700 900123', postcode: 'LS1 4AB' })) body.set(k, v);
    body.set('file', new File([PDF], 'priya-cv.pdf', { type: 'application/pdf' }));
    const applied = await t.intake.http.request('/apply', { method: 'POST', body, headers: ORIGIN });
    expect(applied.status).toBe(201);
    expect(await applied.text()).toContain('Application sent');

    const cookie = await signInByEmail('priya.nair@example.com');
    const first = await page('/portal', cookie);
    expect(first.status).toBe(200);
    expect(first.text).toContain('Hello Priya');
    expect(first.text).toContain('Application received');
    expect(first.text).toContain('priya-cv.pdf');
    expect(first.text).toContain('We have received your application'); // the email, listed
    expect(first.text).not.toMatch(/screeningStarted|applied</); // plain words, not state names

    const listed = (await t.get('/api/candidates?q=priya.nair')).body.items[0];
    await t.post(`/api/candidates/${listed.id}/events`, { type: 'screeningStarted' });
    const after = await page('/portal', cookie);
    expect(after.text).toContain('Checking your eligibility');
  });

  it('never shows one applicant another’s record', async () => {
    const a = await t.post('/api/candidates', applicant({ fullName: 'Alice Aardvark', email: 'alice@example.com' }));
    const b = await t.post('/api/candidates', applicant({ fullName: 'Bola Badmus', email: 'bola@example.com' }));
    const cookieA = await signInByEmail('alice@example.com');
    const view = await page('/portal', cookieA);
    expect(view.text).toContain('Hello Alice');
    expect(view.text).not.toContain('Bola');
    // The API is not the applicant's: no bearer token, no access, whatever the cookie.
    for (const path of [`/api/candidates/${b.body.id}`, `/api/candidates/${b.body.id}/history`, `/api/candidates/${a.body.id}`, '/api/candidates']) {
      expect((await t.intake.http.request(path, { headers: { cookie: cookieA } })).status).toBe(401);
    }
  });

  it('lets the applicant withdraw with a reason, and confirms by email', async () => {
    const c = await t.post('/api/candidates', applicant({ fullName: 'Wendy Withdraw', email: 'wendy@example.com' }));
    const cookie = await signInByEmail('wendy@example.com');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await page('/portal', cookie)).text)![1]!;
    const forged = await t.intake.http.request('/portal/withdraw', { method: 'POST', body: new URLSearchParams({ application: c.body.id, reason: 'x', confirm: 'yes', _csrf: 'wrong' }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...ORIGIN } });
    expect(forged.status).toBe(403);
    const res = await t.intake.http.request('/portal/withdraw', { method: 'POST', body: new URLSearchParams({ application: c.body.id, reason: 'I took a permanent post', confirm: 'yes', _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...ORIGIN } });
    expect(res.status).toBe(303);
    const journey = (await t.get(`/api/candidates/${c.body.id}`)).body.journey;
    expect(journey).toMatchObject({ status: 'withdrawn', exit: { reason: 'I took a permanent post' } });
    const history = (await t.get(`/api/candidates/${c.body.id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'withdrawn', actor: { type: 'applicant', id: c.body.id } });
    await drainDueJobs(t.intake.app);
    const emails = (await t.get(`/api/candidates/${c.body.id}/emails`)).body.items.map((e: { template: string }) => e.template);
    expect(emails).toContain('withdrawalConfirmed');
    expect((await page('/portal', cookie)).text).not.toContain('Withdraw application');
  });

  it('answers a sign-in request the same way whether or not the address is known', async () => {
    const ask = (email: string) => t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
    const known = await ask('alice@example.com');
    const unknown = await ask('nobody.here@example.com');
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
  });

  it('expires a sign-in link after 15 minutes', async () => {
    await t.post('/api/candidates', applicant({ email: 'slowpoke@example.com' }));
    await t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'slowpoke@example.com' }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
    await drainDueJobs(t.intake.app);
    const link = /http:\/\/intake\.test(\/portal\/link\/[\w-]+)/.exec((await received(t, 'slowpoke@example.com', 'magicLink')).text)![1]!;
    t.clock.advance(15 * 60_000 + 1000);
    const res = await t.intake.http.request(link, { method: 'POST', headers: ORIGIN });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('expired');
  });

  // Issue 12: typing an address into an application proves nothing. Before, the portal signed a
  // person in to the newest record for their address, so anyone applying with their email took
  // over what they saw.
  it('signs a person in to every application made with their address, and lets them withdraw the right one', async () => {
    const mine = await t.post('/api/candidates', applicant({ fullName: 'Tamsin Realperson', email: 'tamsin@example.com', programme: 'domestic' }));
    const first = await signInByEmail('tamsin@example.com');
    // Later someone else applies with Tamsin's address: the newest record for it.
    const forged = await t.post('/api/candidates', applicant({ fullName: 'Mallory Impostor', email: 'TAMSIN@example.com', programme: 'hcswd', profession: 'healthcare_assistant' }));
    const staffView = (id: string) => t.get(`/api/candidates/${id}`).then((r) => r.body.emailConfirmed);
    expect(await staffView(mine.body.id)).toBe(true); // a link sent to the address was used
    expect(await staffView(forged.body.id)).toBe(false); // nobody holding the address has signed in since
    // The person who holds the mailbox sees both applications, each with its own status, under
    // the same session as before — nobody is moved to the newest record.
    const view = (await page('/portal', first)).text;
    expect(view).toContain('Your applications');
    expect(view).toContain('Staff bank ·');
    expect(view).toMatch(/Healthcare Support Worker/);
    expect(view).toContain('as Mallory Impostor');
    expect(view.match(/name="application" value="([^"]+)"/g)).toHaveLength(2);
    // Withdrawing the impostor's application leaves Tamsin's own alone.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(view)![1]!;
    const withdraw = (application: string, cookie: string) => t.intake.http.request('/portal/withdraw', {
      method: 'POST', body: new URLSearchParams({ application, reason: 'Not made by me', confirm: 'yes', _csrf: csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...ORIGIN },
    });
    expect((await withdraw(forged.body.id, first)).status).toBe(303);
    expect((await t.get(`/api/candidates/${forged.body.id}`)).body.journey.status).toBe('withdrawn');
    expect((await t.get(`/api/candidates/${mine.body.id}`)).body.journey.status).toBe('in_progress');
    // The next sign-in confirms every application for the address.
    await signInByEmail('tamsin@example.com');
    expect(await staffView(forged.body.id)).toBe(true);
  });

  it('never lets an applicant act on an application made with another address', async () => {
    const other = await t.post('/api/candidates', applicant({ email: 'someone.else@example.com' }));
    await t.post('/api/candidates', applicant({ email: 'ursula@example.com' }));
    const cookie = await signInByEmail('ursula@example.com');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await page('/portal', cookie)).text)![1]!;
    const res = await t.intake.http.request('/portal/withdraw', {
      method: 'POST', body: new URLSearchParams({ application: other.body.id, reason: 'x', confirm: 'yes', _csrf: csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...ORIGIN },
    });
    expect(res.status).toBe(404);
    expect((await t.get(`/api/candidates/${other.body.id}`)).body.journey.status).toBe('in_progress');
  });

  it('keeps occupational health questions out of reach until an offer is accepted', async () => {
    const c = await t.post('/api/candidates', applicant());
    for (const type of ['workHealth.submitted', 'workHealth.cleared']) {
      const res = await t.post(`/api/candidates/${c.body.id}/events`, type === 'workHealth.cleared' ? { type, outcome: 'fit' } : { type });
      expect(res.status).toBe(422);
    }
  });
});
