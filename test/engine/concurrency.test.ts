// Acceptance: two concurrent events on one journey — exactly one is accepted, the other gets 409
// or is applied after it, never both from the same version; history count equals accepted events.
// PGlite serialises statements on its one connection; PostgreSQL (TEST_DATABASE_URL) runs them at
// once on a pool. Either way dispatch writes with a compare-and-swap on the row's version and
// xmin, and an event that loses the swap is tried again under SELECT … FOR UPDATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { DAY_MS } from '../../workflows/policy.js';
import { applicant, startTestIntake, type Reply, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

interface Allowed { type: string; example: Record<string, unknown> }
interface HistoryItem { seq: number; type: string; from: string | null; to: string }

async function candidate(): Promise<string> {
  const res = await t.post('/api/candidates', applicant());
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The API's example for each event; the interview is booked for now, so it can be passed at once. */
async function advance(id: string, types: string[]) {
  for (const type of types) {
    const view = await t.get(`/api/candidates/${id}`);
    const allowed = (view.body.journey.allowedEvents as Allowed[]).find((e) => e.type === type)!;
    expect(allowed, `${type} allowed at ${view.body.journey.state}`).toBeDefined();
    const example = type === 'interviewScheduled' ? { ...allowed.example, interviewAt: t.clock.now().toISOString() } : allowed.example;
    expect((await t.post(`/api/candidates/${id}/events`, { type, ...example })).status).toBe(200);
  }
}

const historyOf = async (id: string) => (await t.get(`/api/candidates/${id}/history`)).body.items as HistoryItem[];

/** Seqs 1..n with no gaps or repeats, each event starting where the one before ended. */
async function expectConsistentHistory(id: string, accepted?: number) {
  const items = await historyOf(id);
  expect(items.map((e) => e.seq)).toEqual(Array.from({ length: items.length }, (_, i) => i + 1));
  if (accepted !== undefined) expect(items).toHaveLength(1 + accepted); // the application, then every accepted event
  for (let i = 1; i < items.length; i++) expect(items[i]!.from, `event ${items[i]!.seq}`).toBe(items[i - 1]!.to);
  const view = await t.get(`/api/candidates/${id}`);
  expect(view.body.journey.version).toBe(items.length);
  return items;
}

const statuses = (replies: Reply[]) => replies.map((r) => r.status).sort();

describe('concurrent events on one journey', () => {
  it('accepts exactly one of ten identical events sent with the same If-Match version; the rest get 409', async () => {
    const id = await candidate();
    const etag = (await t.get(`/api/candidates/${id}`)).headers.get('etag')!;
    expect(etag).toBe('"1"');

    const replies = await Promise.all(Array.from({ length: 10 }, () =>
      t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' }, { 'if-match': etag })));

    expect(statuses(replies)).toEqual([200, ...Array(9).fill(409)]);
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    }
    expect(replies.find((r) => r.status === 200)!.headers.get('etag')).toBe('"2"');
    await expectConsistentHistory(id, 1);
  });

  it('accepts exactly one of ten different events sent with the same If-Match version', async () => {
    const id = await candidate();
    await advance(id, ['screeningStarted', 'screeningPassed', 'interviewScheduled']);
    const view = await t.get(`/api/candidates/${id}`);
    const allowed = view.body.journey.allowedEvents as Allowed[];
    const version = view.body.journey.version as number;
    const sends = Array.from({ length: 10 }, (_, i) => allowed[i % allowed.length]!);

    const replies = await Promise.all(sends.map((e) =>
      t.post(`/api/candidates/${id}/events`, { type: e.type, ...e.example }, { 'if-match': `"${version}"` })));

    expect(statuses(replies)).toEqual([200, ...Array(9).fill(409)]);
    await expectConsistentHistory(id, 4);
  });

  it('applies two different events sent without If-Match one after the other, or refuses the second with 422', async () => {
    // On PostgreSQL both orders happen across the rounds; the locked retry means never a 409 here.
    for (let round = 0; round < 6; round++) {
      const id = await candidate();
      const replies = await Promise.all([
        t.post(`/api/candidates/${id}/events`, { type: 'withdrawn', reason: 'Took a post elsewhere' }),
        t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' }),
      ]);
      for (const r of replies) expect([200, 422]).toContain(r.status);
      const accepted = replies.filter((r) => r.status === 200).length;
      expect(accepted).toBeGreaterThanOrEqual(1);
      const items = await expectConsistentHistory(id, accepted);
      // Withdrawal is possible from every state, so it is never the one refused.
      expect(replies[0]!.status).toBe(200);
      if (replies[1]!.status === 422) {
        expect(replies[1]!.body.code).toBe('event_not_allowed');
        expect(items.map((e) => e.type)).toEqual(['applicationReceived', 'withdrawn']);
      } else {
        expect(items.map((e) => e.type)).toEqual(['applicationReceived', 'screeningStarted', 'withdrawn']);
      }
    }
  });

  it('takes one of ten identical events sent without If-Match and refuses the others as no longer allowed', async () => {
    const id = await candidate();
    const replies = await Promise.all(Array.from({ length: 10 }, () => t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' })));
    expect(statuses(replies)).toEqual([200, ...Array(9).fill(422)]);
    await expectConsistentHistory(id, 1);
  });

  it('lets a due timer and a user event race without both applying to the same version', async () => {
    const start = t.clock.now();
    const id = await candidate();
    await advance(id, ['screeningStarted', 'screeningPassed', 'interviewScheduled', 'interviewPassed', 'offerMade']);
    t.clock.set(new Date(start.getTime() + 14 * DAY_MS)); // the offer expires now

    const [, accept] = await Promise.all([drainDueJobs(t.intake.app), t.post(`/api/candidates/${id}/events`, { type: 'offerAccepted' })]);

    const journey = (await t.get(`/api/candidates/${id}`)).body.journey;
    // The reminder (day 11) may fire too; what matters is that acceptance and expiry exclude each other.
    const items = await expectConsistentHistory(id);
    const decisive = items.map((e) => e.type).filter((type) => type === 'offerAccepted' || type.startsWith('xstate.after.offerExpiry.'));
    if (accept.status === 200) {
      expect(journey.state).toBe('checks'); // accepted first: the expiry timer was cancelled or dropped
      expect(decisive).toEqual(['offerAccepted']);
    } else {
      expect(accept.status).toBe(422); // expired first: nothing left to accept
      expect(journey.state).toBe('offerExpired');
      expect(decisive).toEqual(['xstate.after.offerExpiry.domestic.offer.offered']);
    }
    t.clock.set(start);
  });
});
