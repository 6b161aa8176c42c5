// A candidate moved from domestic to HCSWD has two journeys: the pipeline counts them once, on
// HCSWD (the domestic one is marked superseded), and the list shows them once.
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeys } from '../../db/schema/index.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
const MINUTE = 60_000;
const ids: Record<string, string> = {};

async function send(name: string, type: string, payload: Record<string, unknown> = {}) {
  t.clock.advance(MINUTE);
  const res = await t.post(`/api/candidates/${ids[name]}/events`, { type, ...payload });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await startTestIntake();
  for (const [name, profession] of [['Ada', 'registered_nurse'], ['Rae', 'healthcare_assistant'], ['Bea', 'healthcare_assistant']] as const) {
    t.clock.advance(MINUTE);
    const res = await t.post('/api/candidates', applicant({ fullName: `${name} Counted`, profession }));
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
  // Rae: too little care experience, so moved to HCSWD (her domestic journey ends `closed`).
  await send('Rae', 'screeningStarted');
  const moved = await send('Rae', 'redirectedToHcswd', { careExperienceMonths: 2 });
  expect(moved.programme).toBe('hcswd');
  // Bea withdraws: finished, but still her current journey.
  await send('Bea', 'withdrawn', { reason: 'Took a permanent post elsewhere' });
});
afterAll(async () => { await t?.close(); });

describe('a candidate moved to another programme', () => {
  it('counts once, on the programme they moved to', async () => {
    const res = await t.get('/api/pipeline');
    expect(res.status).toBe(200);
    const board = Object.fromEntries(res.body.programmes.map((p: { programme: string }) => [p.programme, p]));
    expect(board.domestic).toMatchObject({ total: 2, statuses: { in_progress: 1, withdrawn: 1, closed: 0, hired: 0, rejected: 0 } });
    expect(board.hcswd).toMatchObject({ total: 1, statuses: { in_progress: 1, closed: 0 } });
    expect(board.hcswd.stages.find((s: { stage: string }) => s.stage === 'application').count).toBe(1);
  });

  it('counts the same with a programme filter', async () => {
    const domestic = (await t.get('/api/pipeline?programme=domestic')).body.programmes[0];
    expect(domestic).toMatchObject({ programme: 'domestic', total: 2 });
    const hcswd = (await t.get('/api/pipeline?programme=hcswd')).body.programmes[0];
    expect(hcswd).toMatchObject({ programme: 'hcswd', total: 1 });
  });

  it('is listed once, under the new programme, first because the move is the newest journey', async () => {
    const all = await t.get('/api/candidates');
    expect(all.body.items.map((i: { fullName: string; programme: string }) => [i.fullName, i.programme])).toEqual([
      ['Rae Counted', 'hcswd'], ['Bea Counted', 'domestic'], ['Ada Counted', 'domestic'],
    ]);
    expect((await t.get('/api/candidates?programme=domestic')).body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Bea Counted', 'Ada Counted']);
    expect((await t.get('/api/candidates?status=closed')).body.items).toEqual([]);
  });

  it('marks the journey left behind as superseded, and only that one', async () => {
    const rows = await t.intake.app.db.select({ programme: journeys.programme, supersededAt: journeys.supersededAt }).from(journeys)
      .where(eq(journeys.candidateId, ids.Rae!));
    expect(rows.map((r) => [r.programme, r.supersededAt !== null]).sort()).toEqual([['domestic', true], ['hcswd', false]]);
    const others = await t.intake.app.db.select({ id: journeys.id }).from(journeys).where(isNotNull(journeys.supersededAt));
    expect(others).toHaveLength(1);
  });

  it('keeps both journeys in the history', async () => {
    const history = (await t.get(`/api/candidates/${ids.Rae}/history`)).body.items;
    expect(new Set(history.map((e: { programme: string }) => e.programme))).toEqual(new Set(['domestic', 'hcswd']));
  });
});
