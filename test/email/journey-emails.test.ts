// A domestic journey walked to hired through the API, with the worker delivering to the local
// mailbox: the right emails, in order, to the right people, with links that work (the referee's
// one-time link is followed and the form submitted, as a referee would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { dbsEvidence, identityEvidence, periods, registrationEvidence, rightToWorkEvidence, valueScores } from '../support/evidence.js';
import { inbox, received } from '../support/inbox.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

const ORIGIN = { origin: 'http://intake.test' };

async function act(id: string, type: string, payload: Record<string, unknown> = {}) {
  t.clock.advance(60 * 60 * 1000);
  const res = await t.post(`/api/candidates/${id}/events`, { type, ...payload });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await drainDueJobs(t.intake.app);
  return res.body;
}

/** Moves the test clock to `iso` if it is not there yet: an interview is passed after it happens. */
const notBefore = (iso: string) => { if (t.clock.now() < new Date(iso)) t.clock.set(new Date(iso)); };

const linkIn = (text: string) => /(http:\/\/intake\.test\/references\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('emails along a domestic journey', () => {
  it('sends each step’s email to the right person, and the referee’s link takes a reference', async () => {
    const created = await t.post('/api/candidates', applicant({ fullName: 'Grace Okafor', email: 'grace.okafor@example.com' }));
    const id = created.body.id as string;
    await drainDueJobs(t.intake.app);
    await act(id, 'screeningStarted');
    await act(id, 'screeningPassed', { careExperienceMonths: 24, body: 'NMC', number: '71A2998E' });
    await act(id, 'interviewScheduled', { interviewAt: '2026-03-10T10:00:00Z', location: 'Bank office, Level 2' });
    notBefore('2026-03-10T10:00:00Z');
    await act(id, 'interviewPassed', { scores: valueScores });
    await act(id, 'offerMade', { band: 'Bank' });
    await act(id, 'offerAccepted');
    for (const check of ['identity', 'rightToWork', 'dbs', 'workHealth']) await act(id, `${check}.submitted`);
    await act(id, 'references.refereesProvided', { referees: [
      { name: 'Amelia Hughes', email: 'amelia.hughes@example.org', organisation: 'Leeds General', relationship: 'line_manager', ...periods(t.clock.now())[0] },
      { name: 'Joseph Mensah', email: 'joseph.mensah@example.org', organisation: 'St James', relationship: 'employer', ...periods(t.clock.now())[1] },
    ] });

    // Each referee got their own one-time link; follow both, as the referees would.
    for (const referee of ['amelia.hughes@example.org', 'joseph.mensah@example.org']) {
      const message = await received(t, referee, 'referenceRequest');
      const link = linkIn(message.text)!;
      expect(message.html).toContain(link);
      const path = new URL(link).pathname;
      const form = await t.intake.http.request(path);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('Reference for Grace Okafor');
      const body = new URLSearchParams({ refereeName: 'Ref', refereePosition: 'Ward manager', jobTitle: 'Staff nurse', employedFrom: '2021-01', employedTo: '', datesConfirmed: 'yes', roleConfirmed: 'yes', reemploy: 'yes', concerns: '', declaration: 'yes' });
      const sent = await t.intake.http.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
      expect(sent.status).toBe(200);
      expect(await sent.text()).toContain('Your reference has been received');
      const again = await t.intake.http.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('already');
    }
    await drainDueJobs(t.intake.app);
    const mid = (await t.get(`/api/candidates/${id}`)).body.journey;
    expect(mid.checks.find((c: { name: string }) => c.name === 'references').status).toBe('received');

    await act(id, 'identity.cleared', identityEvidence(t.clock.now()));
    await act(id, 'rightToWork.cleared', rightToWorkEvidence);
    await act(id, 'registration.cleared', registrationEvidence(t.clock.now()));
    await act(id, 'references.cleared');
    await act(id, 'dbs.cleared', dbsEvidence(t.clock.now()));
    await act(id, 'workHealth.cleared', { outcome: 'fit' });
    await act(id, 'agreementSigned');
    await act(id, 'enrolled');
    const training = (await t.get(`/api/candidates/${id}`)).body.journey.allowedEvents.find((e: { type: string }) => e.type === 'trainingModuleCompleted').schema.properties.module.enum as string[];
    for (const module of training) await act(id, 'trainingModuleCompleted', { module });
    await act(id, 'firstShiftBooked', { date: '2026-04-01', ward: 'Ward 12, Acute Medicine' });
    notBefore('2026-04-01T08:00:00Z'); // worked on the day it was booked for
    const done = await act(id, 'firstShiftWorked');
    expect(done.journey.status).toBe('hired');

    const sent = (await t.get(`/api/candidates/${id}/emails`)).body.items as { template: string; to: string; status: string }[];
    expect(sent.every((e) => e.status === 'sent')).toBe(true);
    expect(sent.map((e) => `${e.template} → ${e.to}`)).toEqual([
      'applicationReceived → grace.okafor@example.com',
      'interviewInvitation → grace.okafor@example.com',
      'conditionalOffer → grace.okafor@example.com',
      'checksStarted → grace.okafor@example.com',
      'referenceRequest → amelia.hughes@example.org',
      'referenceRequest → joseph.mensah@example.org',
      'checksCleared → grace.okafor@example.com',
      'trainingDue → grace.okafor@example.com',
      'readyToWork → grace.okafor@example.com',
      'firstShiftBooked → grace.okafor@example.com',
    ]);

    const invite = (await t.get('/api/mailbox?to=grace.okafor@example.com&limit=200')).body.items.find((m: { template: string }) => m.template === 'interviewInvitation');
    const message = (await t.get(`/api/mailbox/${invite.id}`)).body;
    expect(message.subject).toBe('Your interview on Tuesday 10 March 2026');
    expect(message.attachments).toEqual([{ filename: 'interview.ics', contentType: 'text/calendar; method=REQUEST' }]);
    expect(message.text).toContain('http://intake.test/portal');
  });

  it('chases referees on day 3, alerts candidate and recruiter on day 6, asks the HR contact on day 10', async () => {
    const created = await t.post('/api/candidates', applicant({ email: 'chase.me@example.com' }));
    const id = created.body.id as string;
    for (const [type, payload] of [
      ['screeningStarted', {}], ['screeningPassed', { careExperienceMonths: 24, body: 'NMC', number: '71A2998E' }],
      ['interviewScheduled', { interviewAt: '2026-03-10T10:00:00Z', location: 'Room 1' }], ['interviewPassed', { scores: valueScores }], ['offerMade', {}], ['offerAccepted', {}],
      ['references.refereesProvided', { referees: [
        { name: 'Slow Referee', email: 'slow@example.org', organisation: 'Old Trust', relationship: 'line_manager', ...periods(t.clock.now())[0] },
        { name: 'Fast Referee', email: 'fast@example.org', organisation: 'New Trust', relationship: 'employer', ...periods(t.clock.now())[1] },
      ] }],
    ] as const) {
      if (type === 'interviewPassed') notBefore('2026-03-10T10:00:00Z');
      await act(id, type, payload);
    }
    const path = new URL(linkIn((await received(t, 'fast@example.org', 'referenceRequest')).text)!).pathname;
    const body = new URLSearchParams({ refereeName: 'F', refereePosition: 'Manager', jobTitle: 'Nurse', employedFrom: '2020-01', datesConfirmed: 'yes', roleConfirmed: 'yes', reemploy: 'yes', declaration: 'yes' });
    expect((await t.intake.http.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } })).status).toBe(200);

    const DAY = 24 * 60 * 60 * 1000;
    for (let day = 1; day <= 10; day++) { t.clock.advance(DAY); await drainDueJobs(t.intake.app); }
    const all = (await t.get(`/api/candidates/${id}/emails`)).body.items as { template: string; to: string }[];
    const chasers = all.filter((e) => e.template === 'referenceChaser');
    expect(chasers.map((e) => e.to)).toEqual(['slow@example.org', 'slow@example.org', 'slow@example.org']);
    expect(all.filter((e) => e.template === 'referenceDelayed').map((e) => e.to).sort()).toEqual(['bank.recruitment@example.nhs.uk', 'bank.recruitment@example.nhs.uk', 'chase.me@example.com', 'chase.me@example.com']);
    expect(all.filter((e) => e.template === 'referenceEscalated').map((e) => e.to)).toEqual(['hr.references@example.nhs.uk']);
    // The chaser carries the same one-time link as the request.
    const links = (await inbox(t, 'slow@example.org')).map((m) => linkIn(m.text));
    expect(new Set(links).size).toBe(1);
    for (let day = 11; day <= 12; day++) { t.clock.advance(DAY); await drainDueJobs(t.intake.app); }
    const after = (await t.get(`/api/candidates/${id}/emails`)).body.items as { template: string }[];
    expect(after.map((e) => e.template)).toContain('anotherRefereeNeeded');
  });

  it('renders a name with markup inert in the HTML part', async () => {
    const created = await t.post('/api/candidates', applicant({ fullName: '<script>alert("x")</script> Evans', email: 'xss@example.com' }));
    await drainDueJobs(t.intake.app);
    const item = (await t.get('/api/mailbox?to=xss@example.com')).body.items[0];
    const message = (await t.get(`/api/mailbox/${item.id}`)).body;
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(created.status).toBe(201);
  });

  it('shows clear pages for unknown links and refuses a form posted from another site', async () => {
    const unknown = await t.intake.http.request('/references/not-a-real-token');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This link is not valid');
    const forged = await t.intake.http.request('/references/not-a-real-token', { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
  });
});

describe('one-time links at rest', () => {
  it('stores no usable referee link: stored emails hold a placeholder, expanded only when sent', async () => {
    const { emails } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    const rows = await t.intake.app.db.select().from(emails).where(eq(emails.toRole, 'referees'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.text).not.toMatch(/\/references\/[A-Za-z0-9_-]{20,}/);
      expect(row.text).toMatch(/\{\{link:reference:[0-9a-f-]{36}\}\}/);
    }
  });
});

describe('check queries', () => {
  it('emails the candidate the recruiter’s question when a query is raised on a check', async () => {
    const created = await t.post('/api/candidates', applicant({ email: 'query.me@example.com' }));
    const id = created.body.id as string;
    for (const [type, payload] of [
      ['screeningStarted', {}], ['screeningPassed', { careExperienceMonths: 24, body: 'NMC', number: '71A2998E' }],
      ['interviewScheduled', { interviewAt: '2026-03-10T10:00:00Z', location: 'Room 1' }], ['interviewPassed', { scores: valueScores }], ['offerMade', {}], ['offerAccepted', {}],
      ['identity.submitted', {}], ['identity.queryRaised', { question: 'Your utility bill is older than 3 months: please bring a newer one.' }],
    ] as const) {
      if (type === 'interviewPassed') notBefore('2026-03-10T10:00:00Z');
      await act(id, type, payload);
    }
    const mail = (await t.get('/api/mailbox?to=query.me@example.com')).body.items.find((m: { template: string }) => m.template === 'checkQuery');
    const message = (await t.get(`/api/mailbox/${mail.id}`)).body;
    expect(message.subject).toBe('A question about your identity check');
    expect(message.text).toContain('Your utility bill is older than 3 months: please bring a newer one.');
  });
});
