// Delivery through the real `resend` SDK against a fake Resend server: retries, dead letters,
// idempotency keys, crash safety, and nothing enqueued by a change that rolled back.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emails, jobs, journeyEvents } from '../../db/schema/index.js';
import { dispatchInTx } from '../../src/engine/dispatch.js';
import { systemActor } from '../../src/engine/actor.js';
import { emailHandler } from '../../src/jobs/email.js';
import { drainDueJobs, runOneJob } from '../../src/jobs/worker.js';
import { resendTransport } from '../../src/email/transport.js';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { valueScores } from '../support/evidence.js';

let t: TestIntake;
let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
  t = await startTestIntake({ env: { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url, EMAIL_MAX_ATTEMPTS: '5' } });
});
afterAll(async () => { await t?.close(); await fake?.close(); });
afterEach(() => { fake.script.length = 0; });

const app = () => t.intake.app;

/** Applies and returns the id of the application-received email job. */
async function applyAndFindEmailJob() {
  const created = await t.post('/api/candidates', applicant());
  const [job] = await app().db.select().from(jobs).where(and(eq(jobs.kind, 'email'), eq(jobs.journeyId, created.body.journey.id)));
  return { candidateId: created.body.id as string, job: job! };
}

/** Runs the worker, moving the clock past each backoff, until nothing is left to do. */
async function runUntilSettled(jobId: number) {
  for (let i = 0; i < 20; i++) {
    await drainDueJobs(app(), { kinds: ['email'] });
    const [job] = await app().db.select().from(jobs).where(eq(jobs.id, jobId));
    if (job!.status === 'done' || job!.status === 'dead') return job!;
    t.clock.advance(2 * 60 * 60 * 1000);
  }
  throw new Error('job did not settle');
}

describe('email delivery through Resend', () => {
  it('sends the application-received email once, with the job id as idempotency key and EMAIL_FROM as sender', async () => {
    const before = fake.delivered.length;
    const { candidateId, job } = await applyAndFindEmailJob();
    const settled = await runUntilSettled(job.id);
    expect(settled.status).toBe('done');
    const mine = fake.delivered.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.key).toBe(`intake-job-${job.id}-0`);
    expect(mine[0]!.body.from).toBe('NHS Staff Bank <bank.recruitment@example.nhs.uk>');
    expect(mine[0]!.body.subject).toBe('We have received your application');
    const record = await t.get(`/api/candidates/${candidateId}/emails`);
    expect(record.body.items).toEqual([expect.objectContaining({ template: 'applicationReceived', status: 'sent', transport: 'resend', providerId: expect.stringMatching(/^re_/), toRole: 'candidate' })]);
  });

  it('retries after a 429 and then succeeds', async () => {
    const before = fake.requests.length;
    fake.script.push(429);
    const { job } = await applyAndFindEmailJob();
    const settled = await runUntilSettled(job.id);
    expect(settled).toMatchObject({ status: 'done', attempts: 2 });
    expect(fake.requests.length - before).toBe(2);
  });

  it('retries three 500s with the same idempotency key and then succeeds', async () => {
    const before = fake.requests.length;
    fake.script.push(500, 500, 500);
    const { job } = await applyAndFindEmailJob();
    const settled = await runUntilSettled(job.id);
    expect(settled).toMatchObject({ status: 'done', attempts: 4 });
    const keys = fake.requests.slice(before).map((r) => r.key);
    expect(keys).toHaveLength(4);
    expect(new Set(keys)).toEqual(new Set([`intake-job-${job.id}-0`]));
  });

  it('backs off exponentially between attempts', async () => {
    fake.script.push(500, 500);
    const { job } = await applyAndFindEmailJob();
    await drainDueJobs(app(), { kinds: ['email'] });
    const [first] = await app().db.select().from(jobs).where(eq(jobs.id, job.id));
    const firstDelay = first!.runAt.getTime() - t.clock.now().getTime();
    t.clock.advance(firstDelay);
    await drainDueJobs(app(), { kinds: ['email'] });
    const [second] = await app().db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(second!.runAt.getTime() - t.clock.now().getTime()).toBe(firstDelay * 2);
    await runUntilSettled(job.id);
  });

  it('dead-letters a 422 at once, without retrying, and shows it to staff with the reason', async () => {
    const before = fake.requests.length;
    fake.script.push(422);
    const { candidateId, job } = await applyAndFindEmailJob();
    const settled = await runUntilSettled(job.id);
    expect(settled).toMatchObject({ status: 'dead', attempts: 1 });
    expect(fake.requests.length - before).toBe(1);
    const dead = await t.get('/api/jobs?status=dead');
    expect(dead.body.items).toContainEqual(expect.objectContaining({ id: job.id, kind: 'email', template: 'applicationReceived', lastError: expect.stringContaining('422') }));
    const record = await t.get(`/api/candidates/${candidateId}/emails`);
    expect(record.body.items[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('422') });
  });

  it('lets an admin send a dead email again', async () => {
    fake.script.push(422);
    const { job } = await applyAndFindEmailJob();
    await runUntilSettled(job.id);
    const before = fake.delivered.length;
    const retried = await t.post(`/api/jobs/${job.id}/retry`);
    expect(retried.status).toBe(200);
    const settled = await runUntilSettled(job.id);
    expect(settled.status).toBe('done');
    expect(fake.delivered.length - before).toBe(1);
    expect((await t.post(`/api/jobs/${job.id}/retry`)).status).toBe(409);
  });

  it('dead-letters after the configured number of attempts', async () => {
    fake.script.push(500, 500, 500, 500, 500);
    const { job } = await applyAndFindEmailJob();
    const settled = await runUntilSettled(job.id);
    expect(settled).toMatchObject({ status: 'dead', attempts: 5 });
  });
});

describe('crash safety', () => {
  it('re-sends with the same idempotency key after a worker dies between the provider accepting and the job being marked done', async () => {
    const before = { requests: fake.requests.length, delivered: fake.delivered.length };
    const { job } = await applyAndFindEmailJob();
    // Worker 1 sends through the real transport, then "dies": it never records the outcome.
    const real = resendTransport('re_test_key', fake.url);
    let died!: () => void;
    const dead = new Promise<void>((resolve) => { died = resolve; });
    const dying = { ...app(), handlers: { email: emailHandler({ name: 'resend', send: async (e, key) => { await real.send(e, key); died(); return new Promise(() => {}); } }, 'NHS Staff Bank <bank.recruitment@example.nhs.uk>') } };
    void runOneJob(dying, ['email']);
    await dead;
    const [stuck] = await app().db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(stuck!.status).toBe('running');
    // Worker 2 finds the lease expired and finishes the job.
    t.clock.advance(61_000);
    await drainDueJobs(app(), { kinds: ['email'] });
    const [done] = await app().db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(done!.status).toBe('done');
    const sent = fake.requests.slice(before.requests);
    expect(sent.map((r) => r.key)).toEqual([`intake-job-${job.id}-0`, `intake-job-${job.id}-0`]);
    expect(fake.delivered.length - before.delivered).toBe(1);
    const rows = await app().db.select().from(emails).where(eq(emails.journeyId, job.journeyId!));
    expect(rows).toHaveLength(1);
  });

  it('enqueues nothing for a state change that rolled back', async () => {
    const created = await t.post('/api/candidates', applicant());
    const journeyId = created.body.journey.id as string;
    await t.post(`/api/candidates/${created.body.id}/events`, { type: 'screeningStarted' });
    await t.post(`/api/candidates/${created.body.id}/events`, { type: 'screeningPassed', careExperienceMonths: 12, body: 'NMC', number: '71A2998E' });
    // An interview that has already taken place (it is passed below).
    await t.post(`/api/candidates/${created.body.id}/events`, { type: 'interviewScheduled', interviewAt: new Date(t.clock.now().getTime() - 60 * 60 * 1000).toISOString(), location: 'Room 1' });
    const countJobs = async () => (await app().db.select().from(jobs).where(eq(jobs.journeyId, journeyId))).length;
    const countEvents = async () => (await app().db.select().from(journeyEvents).where(eq(journeyEvents.journeyId, journeyId))).length;
    const [jobsBefore, eventsBefore] = [await countJobs(), await countEvents()];
    await expect(app().db.transaction(async (tx) => {
      await dispatchInTx(app(), tx, journeyId, 'interviewPassed', { scores: valueScores }, systemActor);
      await dispatchInTx(app(), tx, journeyId, 'offerMade', {}, systemActor); // emails the offer
      throw new Error('the caller failed after dispatching');
    })).rejects.toThrow('the caller failed');
    expect(await countJobs()).toBe(jobsBefore);
    expect(await countEvents()).toBe(eventsBefore);
    const after = await t.get(`/api/candidates/${created.body.id}`);
    expect(after.body.journey.state).toBe('interview.scheduled');
  });
});
