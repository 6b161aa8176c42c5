// The applicant does their own steps in the portal, each an event in the history with the
// applicant as actor, and the recruiter's record shows what they sent; another applicant's session
// can neither read nor act on any of it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicantWaits } from '../../src/services/reports/applicant-waits.js';
import { dayFrom, valueScores } from '../support/evidence.js';
import { received } from '../support/inbox.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { HOUR, portalSignIn, toInterview } from '../support/portal.js';

const ORIGIN = 'http://intake.test';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PDF = readFileSync(new URL('../../../shared/fixtures/cvs/a01.pdf', import.meta.url));

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: ORIGIN } }); });
afterAll(async () => { await t?.close(); });

async function page(path: string, cookie: string) {
  const res = await t.intake.http.request(path, { headers: { cookie } });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const versionOf = (html: string) => /name="_version" value="(\d+)"/.exec(html)?.[1] ?? '';

async function post(path: string, cookie: string, fields: Record<string, string | File>, multipart = false) {
  const app = /^\/portal\/applications\/([\w-]+)/.exec(path)![1]!;
  // The session's own token (another applicant's session has one too; it is not what stops them).
  const csrf = csrfOf((await page('/portal', cookie)).text);
  const html = (await page(`/portal/applications/${app}`, cookie)).text;
  const all = { _csrf: csrf, _version: versionOf(html), ...fields };
  let body: BodyInit;
  const headers: Record<string, string> = { cookie, origin: ORIGIN };
  if (multipart) {
    const f = new FormData();
    for (const [k, v] of Object.entries(all)) f.set(k, v);
    body = f;
  } else {
    body = new URLSearchParams(all as Record<string, string>);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await t.intake.http.request(path, { method: 'POST', body, headers });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

describe('the applicant’s own steps in the portal', () => {
  it('chooses an interview time, accepts the offer, names referees, gives a share code, uploads documents and answers a query; the recruiter sees each', async () => {
    const me = await t.post('/api/candidates', applicant({ fullName: 'Grace Adeyemi', email: 'grace@example.com' }));
    const other = await t.post('/api/candidates', applicant({ fullName: 'Oscar Other', email: 'oscar@example.com' }));
    const id = me.body.id as string;
    let mine = await portalSignIn(t, 'grace@example.com', ORIGIN);
    let theirs = await portalSignIn(t, 'oscar@example.com', ORIGIN);
    const url = `/portal/applications/${id}`;

    // The home page lists the application and links to it; another applicant cannot open it.
    expect((await page('/portal', mine)).text).toContain(url);
    expect((await page(url, theirs)).status).toBe(404);
    expect((await page(`/portal/applications/${other.body.id}`, theirs)).status).toBe(200);

    // Interview times: offered by the recruiter, chosen by the applicant; invitations to both.
    await toInterview(t, id);
    // Days passed: the sessions have lapsed; the applicants sign in again.
    mine = await portalSignIn(t, 'grace@example.com', ORIGIN);
    theirs = await portalSignIn(t, 'oscar@example.com', ORIGIN);
    const slot = new Date(t.clock.now().getTime() + 3 * 24 * HOUR).toISOString();
    const offered = await t.post(`/api/candidates/${id}/events`, { type: 'interviewSlotsOffered', slots: [{ at: slot, location: 'Bank office, Level 2' }, { at: new Date(t.clock.now().getTime() + 4 * 24 * HOUR).toISOString(), location: 'Bank office, Level 2' }] });
    expect(offered.status).toBe(200);
    expect((await page(url, mine)).text).toContain('Choose your interview time');
    expect((await post(`${url}/interview`, theirs, { interviewAt: slot })).status).toBe(404);
    const none = await post(`${url}/interview`, mine, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain('There is a problem');
    expect(none.text).toContain('href="#interviewAt"');
    const chose = await post(`${url}/interview`, mine, { interviewAt: slot });
    expect(chose.status).toBe(303);
    await drainDueJobs(t.intake.app);
    const invite = await received(t, 'grace@example.com', 'interviewInvitation');
    expect(invite.text).toContain('interview');
    const staffInvite = await received(t, 'bank.recruitment@example.nhs.uk', 'interviewBooked');
    expect(staffInvite.subject).toContain('Grace Adeyemi');

    // The recruiter passes the interview and makes the offer.
    t.clock.advance(4 * 24 * HOUR);
    expect((await t.post(`/api/candidates/${id}/events`, { type: 'interviewPassed', scores: valueScores })).status).toBe(200);
    expect((await t.post(`/api/candidates/${id}/events`, { type: 'offerMade', band: 'Bank' })).status).toBe(200);
    mine = await portalSignIn(t, 'grace@example.com', ORIGIN);
    theirs = await portalSignIn(t, 'oscar@example.com', ORIGIN);

    // The offer: refused for another applicant; a decline needs a reason; accepted.
    expect((await post(`${url}/offer`, theirs, { decision: 'accept' })).status).toBe(404);
    const noReason = await post(`${url}/offer`, mine, { decision: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('href="#reason"');
    expect((await post(`${url}/offer`, mine, { decision: 'accept' })).location).toBe(`${url}?done=offerAccepted`);

    // Referees: coverage shown as they go, then requests sent at once.
    const now = t.clock.now();
    const referees = {
      rows: '2', gapRows: '1',
      'referees.0.name': 'Ruth Manager', 'referees.0.email': 'ruth@trust.example', 'referees.0.organisation': 'Leeds Trust', 'referees.0.relationship': 'line_manager', 'referees.0.coversFrom': dayFrom(now, -700),
      'referees.1.name': 'Sam Previous', 'referees.1.email': 'sam@care.example', 'referees.1.organisation': 'Northfield Care', 'referees.1.relationship': 'employer', 'referees.1.coversFrom': dayFrom(now, -2000), 'referees.1.coversTo': dayFrom(now, -900),
    };
    const check = await post(`${url}/referees`, mine, { ...referees, intent: 'check' });
    expect(check.text).toContain('not covered');
    const refused = await post(`${url}/referees`, mine, { ...referees, intent: 'send' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('There is a problem');
    const withGap = { ...referees, 'gaps.0.from': dayFrom(now, -899), 'gaps.0.to': dayFrom(now, -701), 'gaps.0.reason': 'caring', 'gaps.0.explanation': 'Caring for my mother' };
    expect((await post(`${url}/referees`, theirs, { ...withGap, intent: 'send' })).status).toBe(404);
    const sent = await post(`${url}/referees`, mine, { ...withGap, intent: 'send' });
    expect(sent.location).toBe(`${url}?done=referees`);
    await drainDueJobs(t.intake.app);
    await received(t, 'ruth@trust.example', 'referenceRequest');

    // Right to work by share code and date of birth.
    const badCode = await post(`${url}/right-to-work`, mine, { route: 'share_code', shareCode: 'ABC', dateOfBirth: '1990-05-04' });
    expect(badCode.status).toBe(400);
    expect(badCode.text).toContain('href="#shareCode"');
    expect((await post(`${url}/right-to-work`, theirs, { route: 'share_code', shareCode: 'W9K 4X2 P7Q', dateOfBirth: '1990-05-04' })).status).toBe(404);
    expect((await post(`${url}/right-to-work`, mine, { route: 'share_code', shareCode: 'W9K 4X2 P7Q', dateOfBirth: '1990-05-04' })).status).toBe(303);

    // Documents: a passport photo and a utility bill for identity; a DBS certificate and a
    // renamed text file are refused with reasons.
    const passport = await post(`${url}/documents`, mine, { document: 'identity/passport', file: new File([JPEG], 'passport.jpg', { type: 'image/jpeg' }) }, true);
    expect(passport.status).toBe(303);
    expect((await post(`${url}/documents`, mine, { document: 'identity/utility_bill', file: new File([PDF], 'bill.pdf', { type: 'application/pdf' }) }, true)).status).toBe(303);
    const fake = await post(`${url}/documents`, mine, { document: 'identity/utility_bill', file: new File(['hello'], 'bill.pdf', { type: 'application/pdf' }) }, true);
    expect(fake.status).toBe(415);
    expect(fake.text).toContain('PDF, JPEG or PNG');
    const huge = Buffer.alloc(10 * 1024 * 1024 + 100 * 1024, 1);
    JPEG.copy(huge);
    const tooBig = await post(`${url}/documents`, mine, { document: 'identity/passport', file: new File([huge], 'huge.jpg') }, true);
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toContain('href="#file"');
    expect(tooBig.text).toContain('smaller than 10 MB');
    const dbs = await post(`${url}/documents`, mine, { document: 'dbs/dbs_certificate', file: new File([PDF], 'dbs.pdf') }, true);
    expect(dbs.status).toBe(422);
    expect(dbs.text).toContain('never a copy');
    expect((await post(`${url}/documents`, theirs, { document: 'identity/passport', file: new File([JPEG], 'x.jpg') }, true)).status).toBe(404);
    const listed = (await page(url, mine)).text;
    const docLink = new RegExp(`${url}/documents/([\\w-]+)`).exec(listed)![0];
    expect((await page(docLink, mine)).status).toBe(200);
    expect((await page(docLink, theirs)).status).toBe(404);
    expect((await post(`${url}/documents/done`, mine, { check: 'identity' })).status).toBe(303);

    // A query on identity: answered with words and a document.
    expect((await t.post(`/api/candidates/${id}/events`, { type: 'identity.queryRaised', question: 'Please send a clearer photo of your passport.' })).status).toBe(200);
    const asked = await page(url, mine);
    expect(asked.text).toContain('Please send a clearer photo of your passport.');
    expect((await post(`${url}/queries/identity`, theirs, { answer: 'x' }, true)).status).toBe(404);
    // An answer too long is refused on the field, not cut short without a word.
    const tooLong = await post(`${url}/queries/identity`, mine, { answer: 'a'.repeat(2001) }, true);
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('at most 2,000');
    const answered = await post(`${url}/queries/identity`, mine, { answer: 'Here is a sharper photo.', file: new File([JPEG], 'passport-2.jpg') }, true);
    expect(answered.status).toBe(303);

    // Each was an event with the applicant as actor.
    const history = (await t.get(`/api/candidates/${id}/history`)).body.items as { type: string; actor: { type: string } }[];
    const byApplicant = history.filter((h) => h.actor.type === 'applicant').map((h) => h.type);
    expect(byApplicant).toEqual(['interviewSlotChosen', 'offerAccepted', 'references.refereesProvided', 'rightToWork.submitted', 'identity.submitted', 'identity.submitted']);

    // The reports count how long each of these waited on the applicant.
    const waits = await applicantWaits(t.intake.app.db, { from: '2026-01', to: '2026-12', programmes: ['domestic', 'international', 'hcswd'] });
    expect(waits.map((w) => w.step)).toEqual(['offerAccepted', 'interviewSlotChosen', 'references.refereesProvided', 'identity.submitted', 'rightToWork.submitted']);
    expect(waits.find((w) => w.step === 'interviewSlotChosen')).toMatchObject({ count: 1 });

    // The recruiter's record shows each.
    const staff = await t.intake.http.request(`/candidates/${id}`, { headers: { cookie: await staffCookie() } });
    const record = await staff.text();
    for (const seen of ['W9K 4X2 P7Q', 'Ruth Manager', 'Caring for my mother', 'Here is a sharper photo.', 'passport.jpg', 'bill.pdf', 'passport-2.jpg', 'Offer accepted', 'Interview time chosen']) expect(record).toContain(seen);
  });
});

async function staffCookie(): Promise<string> {
  const { createUser } = await import('../../src/services/users/manage.js');
  await createUser(t.intake.app.db, { email: 'rec@example.nhs.uk', name: 'Rec', role: 'recruiter', password: 'a long enough password' }, null, t.clock.now());
  const res = await t.intake.http.request('/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'rec@example.nhs.uk', password: 'a long enough password' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
