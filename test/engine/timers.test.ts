// Acceptance: a reference chaser fires after the configured delay (on a clock the test moves),
// is cancelled when the reference arrives, and a late timer is dropped harmlessly.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { DAY_MS } from '../../workflows/policy.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

const HOUR = 60 * 60 * 1000;
const CHASE1 = 'xstate.after.referenceChase1.domestic.checks.references.requested.waiting';

interface Allowed { type: string; example: Record<string, unknown> }

/**
 * Sends each event with the example payload the API itself offers for it now. The clock does not
 * move (the tests time timers from here), so the interview is booked for now: it is passed at once.
 */
async function advance(t: TestIntake, id: string, types: string[]) {
  for (const type of types) {
    const view = await t.get(`/api/candidates/${id}`);
    const allowed = (view.body.journey.allowedEvents as Allowed[]).find((e) => e.type === type);
    if (!allowed) throw new Error(`${type} is not allowed at ${view.body.journey.state}`);
    const example = type === 'interviewScheduled' ? { ...allowed.example, interviewAt: t.clock.now().toISOString() } : allowed.example;
    const res = await t.post(`/api/candidates/${id}/events`, { type, ...example });
    expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const toOffer = ['screeningStarted', 'screeningPassed', 'interviewScheduled', 'interviewPassed', 'offerMade'];
const toChecks = [...toOffer, 'offerAccepted'];

async function newCandidate(t: TestIntake, types: string[]) {
  const created = await t.post('/api/candidates', applicant());
  expect(created.status).toBe(201);
  await advance(t, created.body.id, types);
  return { id: created.body.id as string, journeyId: created.body.journey.id as string };
}

const timerJobs = async (t: TestIntake, journeyId: string) =>
  (await t.intake.app.db.select().from(jobs).where(and(eq(jobs.kind, 'timer'), eq(jobs.journeyId, journeyId))))
    .map((j) => ({ ...j, key: j.key ?? '' }));

const emailTemplates = async (t: TestIntake, journeyId: string) =>
  (await t.intake.app.db.select({ template: sql<string>`${jobs.payload}->>'template'` }).from(jobs)
    .where(and(eq(jobs.kind, 'email'), eq(jobs.journeyId, journeyId)))).map((r) => r.template);

const history = async (t: TestIntake, id: string) =>
  (await t.get(`/api/candidates/${id}/history`)).body.items as { seq: number; type: string; actor: { type: string }; to: string }[];

const referencesCheck = async (t: TestIntake, id: string) =>
  ((await t.get(`/api/candidates/${id}`)).body.journey.checks as { name: string; status: string; owner: string }[]).find((c) => c.name === 'references');

describe('reference chasers', () => {
  let t: TestIntake;
  beforeAll(async () => { t = await startTestIntake(); });
  afterAll(async () => { await t?.close(); });

  it('chases on the configured days and hands the check back to the candidate on the last one', async () => {
    const start = t.clock.now();
    const at = (days: number) => t.clock.set(new Date(start.getTime() + days * DAY_MS));
    const { id, journeyId } = await newCandidate(t, [...toChecks, 'references.refereesProvided']);

    // The first chaser is a pending timer job, keyed by journey and delay id, due on day 3.
    const [timer] = await timerJobs(t, journeyId);
    expect(timer).toMatchObject({ key: `timer:${journeyId}:${CHASE1}`, status: 'pending', payload: { event: { type: CHASE1 } } });
    expect(timer!.runAt.getTime() - start.getTime()).toBe(3 * DAY_MS);

    at(2);
    await drainDueJobs(t.intake.app);
    expect((await history(t, id)).some((e) => e.type.startsWith('xstate.after.'))).toBe(false);
    expect(await emailTemplates(t, journeyId)).not.toContain('referenceChaser');
    expect((await timerJobs(t, journeyId))[0]!.status).toBe('pending');

    at(3);
    await drainDueJobs(t.intake.app);
    const fired = (await history(t, id)).filter((e) => e.type.startsWith('xstate.after.'));
    expect(fired).toEqual([expect.objectContaining({ type: CHASE1, actor: { type: 'system', id: null }, to: 'checks' })]);
    expect(await emailTemplates(t, journeyId)).toContain('referenceChaser');
    // Leaving `waiting` cancels its timer, which deletes the (fired) job; either way it is not pending.
    expect((await timerJobs(t, journeyId)).find((j) => j.key === `timer:${journeyId}:${CHASE1}`)?.status ?? 'deleted').not.toBe('pending');
    expect((await timerJobs(t, journeyId)).filter((j) => j.status === 'pending').map((j) => j.key.split('.')[2])).toEqual(['referenceChase2']);

    // Day by day, as a worker polling every day would: each timer is scheduled when the last fires.
    // Policy [3, 6, 9, 12] with the HR alert on day 10: how many timers have fired by each day.
    const firedBy: Record<number, number> = { 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 4, 11: 4, 12: 5 };
    for (let day = 4; day <= 12; day++) {
      at(day);
      await drainDueJobs(t.intake.app);
      expect((await history(t, id)).filter((e) => e.type.startsWith('xstate.after.')), `by day ${day}`).toHaveLength(firedBy[day]!);
    }
    const timersFired = (await history(t, id)).filter((e) => e.type.startsWith('xstate.after.')).map((e) => e.type.split('.')[2]);
    expect(timersFired).toEqual(['referenceChase1', 'referenceChase2', 'referenceChase3', 'referenceHrAlert', 'referenceGiveUp']);
    expect(await emailTemplates(t, journeyId)).toEqual(expect.arrayContaining(['referenceDelayed', 'referenceEscalated', 'anotherRefereeNeeded']));
    expect(await referencesCheck(t, id)).toMatchObject({ status: 'awaiting_candidate', owner: 'candidate' });
    const view = await t.get(`/api/candidates/${id}`);
    expect(view.body.journey.context.referees).toHaveLength(2);
    expect(view.body.journey.allowedEvents.map((e: Allowed) => e.type)).toContain('references.refereesProvided');
  });

  it('cancels the chaser when the references arrive, so none ever fires', async () => {
    const start = t.clock.now();
    const { id, journeyId } = await newCandidate(t, [...toChecks, 'references.refereesProvided']);
    expect(await timerJobs(t, journeyId)).toHaveLength(1);

    t.clock.set(new Date(start.getTime() + 2 * DAY_MS));
    await advance(t, id, ['references.received']);
    expect(await timerJobs(t, journeyId)).toHaveLength(1); // one referee still to answer: still chasing
    await advance(t, id, ['references.received']);
    expect(await timerJobs(t, journeyId)).toEqual([]); // xstate.cancel deleted the pending job
    expect(await referencesCheck(t, id)).toMatchObject({ status: 'received' });

    t.clock.set(new Date(start.getTime() + 30 * DAY_MS));
    await drainDueJobs(t.intake.app);
    expect((await history(t, id)).some((e) => e.type.startsWith('xstate.after.'))).toBe(false);
    expect(await emailTemplates(t, journeyId)).not.toContain('referenceChaser');
  });

  it('drops a timer that fires after the journey has left its state, without changing the journey', async () => {
    const { id, journeyId } = await newCandidate(t, [...toChecks, 'references.refereesProvided', 'references.received', 'references.received']);
    const before = await t.get(`/api/candidates/${id}`);
    const eventsBefore = await history(t, id);
    // A chaser that was already claimed when the references arrived, or left over by a crash.
    const [late] = await t.intake.app.db.insert(jobs).values({
      kind: 'timer', key: `timer:${journeyId}:${CHASE1}`, journeyId, payload: { event: { type: CHASE1 } }, runAt: new Date(t.clock.now().getTime() - HOUR),
    }).returning();

    await drainDueJobs(t.intake.app);

    const [after] = await t.intake.app.db.select().from(jobs).where(eq(jobs.id, late!.id));
    expect(after!.status).toBe('done');
    expect(after!.lastError).toMatch(/^dropped/);
    const view = await t.get(`/api/candidates/${id}`);
    expect(view.body.journey.version).toBe(before.body.journey.version);
    expect(view.body.journey.state).toBe(before.body.journey.state);
    expect(await history(t, id)).toHaveLength(eventsBefore.length);
  });

  it('deletes the offer timers when the offer is accepted', async () => {
    const { journeyId } = await newCandidate(t, toOffer);
    expect((await timerJobs(t, journeyId)).map((j) => j.key.split(':').at(-1)!.split('.')[2]).sort()).toEqual(['offerExpiry', 'offerReminder']);
    const { journeyId: accepted } = await newCandidate(t, toChecks);
    expect(await timerJobs(t, accepted)).toEqual([]);
  });
});

describe('offer expiry with a configured policy', () => {
  let t: TestIntake;
  beforeAll(async () => { t = await startTestIntake({ policy: { offerExpiryDays: 2, offerReminderDays: 1 } }); });
  afterAll(async () => { await t?.close(); });

  it('reminds after the configured day and closes an unanswered offer after the configured expiry', async () => {
    const start = t.clock.now();
    const { id, journeyId } = await newCandidate(t, toOffer);
    const due = Object.fromEntries((await timerJobs(t, journeyId)).map((j) => [j.key.split(':').at(-1)!.split('.')[2], j.runAt.getTime() - start.getTime()]));
    expect(due).toEqual({ offerReminder: 1 * DAY_MS, offerExpiry: 2 * DAY_MS });
    expect((await t.get(`/api/candidates/${id}`)).body.journey.context.offer.expiresAt).toBe(new Date(start.getTime() + 2 * DAY_MS).toISOString());

    t.clock.set(new Date(start.getTime() + 1 * DAY_MS));
    await drainDueJobs(t.intake.app);
    expect(await emailTemplates(t, journeyId)).toContain('offerExpiring');
    expect((await t.get(`/api/candidates/${id}`)).body.journey.state).toBe('offer.offered');

    t.clock.set(new Date(start.getTime() + 2 * DAY_MS - 1000));
    await drainDueJobs(t.intake.app);
    expect((await t.get(`/api/candidates/${id}`)).body.journey.state).toBe('offer.offered');

    t.clock.set(new Date(start.getTime() + 2 * DAY_MS));
    await drainDueJobs(t.intake.app);
    const view = (await t.get(`/api/candidates/${id}`)).body.journey;
    expect(view).toMatchObject({ state: 'offerExpired', stage: 'closed', status: 'closed', allowedEvents: [] });
    expect(view.exit).toMatchObject({ stage: 'offer' });
    expect(await emailTemplates(t, journeyId)).toContain('offerExpired');
    expect((await history(t, id)).at(-1)).toMatchObject({ type: 'xstate.after.offerExpiry.domestic.offer.offered', actor: { type: 'system' } });

    const refused = await t.post(`/api/candidates/${id}/events`, { type: 'offerAccepted' });
    expect(refused.status).toBe(422);
  });

  it('keeps the default delays when the policy is not changed', async () => {
    const other = await startTestIntake();
    try {
      const start = other.clock.now();
      const { journeyId } = await newCandidate(other, toOffer);
      const [expiry] = (await timerJobs(other, journeyId)).filter((j) => j.key.includes('offerExpiry'));
      expect(expiry!.runAt.getTime() - start.getTime()).toBe(14 * DAY_MS);
    } finally {
      await other.close();
    }
  });
});
