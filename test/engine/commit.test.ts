// Acceptance: dispatch writes an event with one compare-and-swap statement. A change computed from
// a row that has since been written to (another event, or an erasure scrubbing the snapshot
// without a new version) is never written over the newer row; it is worked out again from it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents, journeys, jobs } from '../../db/schema/index.js';
import { commitEvent } from '../../src/engine/commit.js';
import { dispatch, planChange } from '../../src/engine/dispatch.js';
import { type LoadedJourney, loadedJourneyColumns } from '../../src/engine/rows.js';
import { jobWrites } from '../../src/engine/effects.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const actor = { type: 'user' as const, id: null };

async function newJourney(): Promise<LoadedJourney> {
  const res = await t.post('/api/candidates', applicant());
  expect(res.status).toBe(201);
  return readJourney(res.body.journey.id);
}

async function readJourney(id: string): Promise<LoadedJourney> {
  const [row] = await t.intake.app.db.select(loadedJourneyColumns).from(journeys).where(eq(journeys.id, id));
  return row!;
}

/** What erasure does to a snapshot: rewritten in place, same version (src/services/privacy/erase.ts). */
async function scrubInPlace(id: string) {
  await t.intake.app.db.update(journeys)
    .set({ snapshot: sql`jsonb_set(${journeys.snapshot}, '{context,scrubbed}', 'true')` })
    .where(eq(journeys.id, id));
}

describe('the one-statement commit', () => {
  it('writes nothing from a row read before the snapshot was scrubbed in place, and says so', async () => {
    const stale = await newJourney();
    await scrubInPlace(stale.id);
    const change = planChange(t.intake.app, stale, 'screeningStarted', {}, actor, {});
    if (!change.accepted) throw new Error('screeningStarted should be allowed');

    expect(await commitEvent(t.intake.app.db, change.commit)).toBe(false);

    const now = await readJourney(stale.id);
    expect(now.version).toBe(1);
    expect((now.snapshot as { context: { scrubbed?: boolean } }).context.scrubbed).toBe(true);
    expect(await t.intake.app.db.select().from(journeyEvents).where(eq(journeyEvents.journeyId, stale.id))).toHaveLength(1);
  });

  it('applies an event given a stale row on top of the scrubbed snapshot, not over it', async () => {
    const stale = await newJourney();
    await scrubInPlace(stale.id);

    const result = await dispatch(t.intake.app, stale, 'screeningStarted', {}, actor);

    expect(result.accepted).toBe(true);
    const now = await readJourney(stale.id);
    expect(now.version).toBe(2);
    expect(now.state).toBe('screening');
    // Worked out again from the row as it is now: the scrubbed context survived the event.
    expect((now.snapshot as { context: { scrubbed?: boolean } }).context.scrubbed).toBe(true);
    const history = await t.intake.app.db.select().from(journeyEvents).where(eq(journeyEvents.journeyId, stale.id));
    expect(history.map((e) => [e.seq, e.type])).toEqual([[1, 'applicationReceived'], [2, 'screeningStarted']]);
  });

  it('refuses with 409 an event given a row another event has moved on from, when If-Match named the old version', async () => {
    const stale = await newJourney();
    await dispatch(t.intake.app, stale, 'screeningStarted', {}, actor);

    await expect(dispatch(t.intake.app, stale, 'withdrawn', { reason: 'Changed my mind' }, actor, { expectedVersion: 1 }))
      .rejects.toMatchObject({ status: 409, code: 'version_conflict' });
    expect((await readJourney(stale.id)).version).toBe(2);
  });

  it('writes the event, the new columns and the jobs together, and none of them when the swap fails', async () => {
    const row = await newJourney();
    const emailsOf = async () => (await t.intake.app.db.select().from(jobs).where(eq(jobs.journeyId, row.id))).filter((j) => j.kind === 'email');
    const before = await emailsOf();
    const change = planChange(t.intake.app, row, 'withdrawn', { reason: 'Took a post elsewhere' }, actor, {});
    if (!change.accepted) throw new Error('withdrawn should be allowed');
    expect(change.writes.emails.length).toBeGreaterThan(0);

    await scrubInPlace(row.id);
    expect(await commitEvent(t.intake.app.db, change.commit)).toBe(false);
    expect(await emailsOf()).toHaveLength(before.length);
    expect((await readJourney(row.id)).status).toBe('in_progress');

    const fresh = planChange(t.intake.app, await readJourney(row.id), 'withdrawn', { reason: 'Took a post elsewhere' }, actor, {});
    if (!fresh.accepted) throw new Error('withdrawn should be allowed');
    expect(await commitEvent(t.intake.app.db, fresh.commit)).toBe(true);
    const now = await readJourney(row.id);
    expect([now.version, now.status, now.exitReason, now.exitStage]).toEqual([2, 'withdrawn', 'Took a post elsewhere', row.stage]);
    const added = (await emailsOf()).filter((j) => !before.some((b) => b.id === j.id));
    expect(added.map((j) => j.key)).toEqual(fresh.writes.emails.map((e) => e.key));
    const [event] = await t.intake.app.db.select().from(journeyEvents).where(sql`${journeyEvents.journeyId} = ${row.id} and ${journeyEvents.seq} = 2`);
    expect(event).toMatchObject({ type: 'withdrawn', fromState: row.state, toState: now.state, actorType: 'user' });
  });
});

describe('the jobs an event plans', () => {
  const target = { journeyId: '00000000-0000-4000-8000-000000000001', candidateId: '00000000-0000-4000-8000-000000000002', seq: 4 };
  const at = new Date('2026-03-02T09:00:00.000Z');
  const raise = { type: 'xstate.raise', params: { delay: 60_000, id: 'chase', event: { type: 'xstate.after.chase' } } };
  const cancel = { type: 'xstate.cancel', params: { sendId: 'chase' } };

  it('re-arms a timer cancelled and then set again in one event', () => {
    const w = jobWrites(target, [cancel, raise], at);
    expect(w.timers.map((x) => [x.key, x.runAt])).toEqual([[`timer:${target.journeyId}:chase`, '2026-03-02T09:01:00.000Z']]);
    expect(w.cancels).toEqual([]);
  });

  it('removes a timer set and then cancelled in one event', () => {
    const w = jobWrites(target, [raise, cancel], at);
    expect(w.timers).toEqual([]);
    expect(w.cancels).toEqual([`timer:${target.journeyId}:chase`]);
  });

  it('keys each email by journey, event and position (the key the jobs table deduplicates on)', () => {
    const email = (template: string) => ({ type: 'email', params: { template, to: 'candidate' } });
    const w = jobWrites(target, [email('a'), raise, email('b')], at);
    expect(w.emails.map((e) => e.key)).toEqual([`email:${target.journeyId}:4:0`, `email:${target.journeyId}:4:1`]);
  });
});
