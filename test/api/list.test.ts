// The candidate list (keyset pagination, filters, search), the pipeline board counts and the
// workflow descriptions, against one known set of candidates created through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Reply, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
const MINUTE = 60 * 1000;

interface ListItem {
  id: string; fullName: string; email: string; profession: string; programme: string; state: string; stage: string;
  status: string; owner: string; stageEnteredAt: string; createdAt: string;
}

const ids = new Map<string, string>();

async function create(fullName: string, programme: string, profession: string, email = `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`) {
  const res = await t.post('/api/candidates', { programme, profession, fullName, email });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids.set(fullName, res.body.id);
  return res.body.id as string;
}

async function send(fullName: string, type: string, payload: Record<string, unknown> = {}) {
  t.clock.advance(MINUTE);
  const res = await t.post(`/api/candidates/${ids.get(fullName)}/events`, { type, ...payload });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Sends the first `advance` example until the journey is at `state` (a day passes while nothing can advance). */
async function advanceTo(fullName: string, state: string) {
  for (let i = 0; i < 50; i++) {
    t.clock.advance(MINUTE);
    const { journey } = (await t.get(`/api/candidates/${ids.get(fullName)}`)).body;
    if (journey.state === state) return;
    const next = journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    if (!next) { t.clock.advance(24 * 60 * MINUTE); continue; }
    await send(fullName, next.type, next.example);
  }
  throw new Error(`${fullName} never reached ${state}`);
}

/** Follows nextCursor from the first page to the last, returning every page. */
async function pages(query: string, limit: number): Promise<ListItem[][]> {
  const out: ListItem[][] = [];
  let cursor: string | null = null;
  do {
    const res: Reply = await t.get(`/api/candidates?${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(res.body.items);
    cursor = res.body.nextCursor;
    if (out.length > 50) throw new Error('pagination does not end');
  } while (cursor !== null);
  return out;
}

const names = async (query: string): Promise<string[]> => {
  const res = await t.get(`/api/candidates?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((i: ListItem) => i.fullName);
};

// Created in this order, a minute apart, except the four HCSWD twins, created at one instant.
const domestic = ['Amelia Hart', 'Ben Okafor', 'Chloe 100% Reid', 'Dev Patel', 'Eve_Underscore Lowe', 'Femi Adeyemi', 'Grace HARTLEY'];
const twins = ['Twin Alpha', 'Twin Bravo', 'Twin Charlie', 'Twin Delta'];

beforeAll(async () => {
  t = await startTestIntake();
  const professions = ['registered_nurse', 'healthcare_assistant', 'non_clinical', 'physiotherapist', 'paramedic', 'social_worker', 'registered_nurse'];
  for (const [i, name] of domestic.entries()) {
    t.clock.advance(MINUTE);
    await create(name, 'domestic', professions[i]!, name === 'Dev Patel' ? 'dev.patel@nhs.example.net' : undefined);
  }
  t.clock.advance(MINUTE);
  await create('Hana Kim', 'international', 'midwife');
  t.clock.advance(MINUTE);
  for (const name of twins) await create(name, 'hcswd', 'healthcare_assistant');

  // Domestic: Amelia and Chloe stay at application; Ben at screening; Dev at interview;
  // Eve withdrawn at screening; Femi rejected at application; Grace in checks.
  await send('Ben Okafor', 'screeningStarted');
  await send('Dev Patel', 'screeningStarted');
  await send('Dev Patel', 'screeningPassed', { careExperienceMonths: 24, body: 'HCPC', number: 'PH123456' });
  await send('Eve_Underscore Lowe', 'screeningStarted');
  await send('Eve_Underscore Lowe', 'withdrawn', { reason: 'Moved to Scotland' });
  await send('Femi Adeyemi', 'rejected', { reason: 'No right to work' });
  await advanceTo('Grace HARTLEY', 'checks');
});
afterAll(async () => { await t?.close(); });

describe('GET /api/candidates pagination', () => {
  it('pages through seven domestic candidates three at a time, newest first, each seen once', async () => {
    const got = await pages('programme=domestic', 3);
    expect(got.map((p) => p.length)).toEqual([3, 3, 1]);
    const all = got.flat();
    expect(all.map((i) => i.fullName)).toEqual([...domestic].reverse());
    expect(new Set(all.map((i) => i.id)).size).toBe(7);
    const created = all.map((i) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(created).size).toBe(7);
  });

  it('returns nextCursor null on the last page', async () => {
    const last = await t.get('/api/candidates?programme=domestic&limit=7');
    expect(last.body.items).toHaveLength(7);
    expect(last.body.nextCursor).toBeNull();
    const first = await t.get('/api/candidates?programme=domestic&limit=6');
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('ends with nextCursor null when the last page is exactly full', async () => {
    // 12 candidates in all: four full pages of three, and no empty fifth page.
    const got = await pages('', 3);
    expect(got.map((p) => p.length)).toEqual([3, 3, 3, 3]);
    expect(new Set(got.flat().map((i) => i.id)).size).toBe(12);
  });

  it('pages through candidates created at the same instant without losing or repeating one', async () => {
    const got = await pages('programme=hcswd', 1);
    expect(got.map((p) => p.length)).toEqual([1, 1, 1, 1]);
    const all = got.flat();
    expect(new Set(all.map((i) => i.createdAt)).size).toBe(1);
    expect(all.map((i) => i.fullName).sort()).toEqual(twins);
    // Ties are broken by id, descending.
    expect(all.map((i) => i.id)).toEqual(twins.map((n) => ids.get(n)!).sort().reverse());
  });

  it('lists every candidate newest first by default, with the journey columns the board needs', async () => {
    const res = await t.get('/api/candidates');
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((i: ListItem) => i.fullName).slice(4)).toEqual(['Hana Kim', ...[...domestic].reverse()]);
    expect(res.body.items.find((i: ListItem) => i.fullName === 'Dev Patel')).toEqual({
      id: ids.get('Dev Patel'), fullName: 'Dev Patel', email: 'dev.patel@nhs.example.net', profession: 'physiotherapist', programme: 'domestic',
      state: 'interview.toSchedule', stage: 'interview', status: 'in_progress', owner: 'recruiter',
      stageEnteredAt: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String),
    });
  });

  it('keeps the cursor working together with a filter', async () => {
    const got = await pages('q=hart', 1);
    expect(got.flat().map((i) => i.fullName)).toEqual(['Grace HARTLEY', 'Amelia Hart']);
  });
});

describe('GET /api/candidates filters', () => {
  it('filters by programme', async () => {
    expect(await names('programme=international')).toEqual(['Hana Kim']);
    expect((await names('programme=hcswd')).sort()).toEqual(twins);
  });

  it('filters by stage', async () => {
    expect(await names('stage=screening')).toEqual(['Ben Okafor']);
    expect(await names('stage=interview')).toEqual(['Dev Patel']);
    expect(await names('stage=checks')).toEqual(['Grace HARTLEY']);
    expect(await names('stage=application&programme=domestic')).toEqual(['Chloe 100% Reid', 'Amelia Hart']);
    expect(await names('stage=nowhere')).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await names('status=withdrawn')).toEqual(['Eve_Underscore Lowe']);
    expect(await names('status=rejected')).toEqual(['Femi Adeyemi']);
    expect(await names('status=hired')).toEqual([]);
    expect(await names('status=in_progress&programme=domestic')).toEqual(['Grace HARTLEY', 'Dev Patel', 'Chloe 100% Reid', 'Ben Okafor', 'Amelia Hart']);
  });

  it('searches part of a name, case-insensitively', async () => {
    expect(await names('q=hart')).toEqual(['Grace HARTLEY', 'Amelia Hart']);
    expect(await names('q=HART')).toEqual(['Grace HARTLEY', 'Amelia Hart']);
    expect(await names('q=%20kim')).toEqual(['Hana Kim']);
    expect(await names('q=twin&programme=hcswd&limit=2')).toHaveLength(2);
  });

  it('searches the email too', async () => {
    expect(await names('q=NHS.EXAMPLE')).toEqual(['Dev Patel']);
  });

  it('treats % and _ in the search literally', async () => {
    expect(await names('q=%25')).toEqual(['Chloe 100% Reid']);
    expect(await names('q=0%25%20R')).toEqual(['Chloe 100% Reid']);
    expect(await names('q=_')).toEqual(['Eve_Underscore Lowe']);
    expect(await names('q=%5C')).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await names('programme=domestic&status=in_progress&q=hart')).toEqual(['Grace HARTLEY', 'Amelia Hart']);
    expect(await names('programme=international&q=hart')).toEqual([]);
  });
});

describe('GET /api/pipeline', () => {
  it('counts domestic candidates per stage and per status, as created and advanced', async () => {
    const res = await t.get('/api/pipeline?programme=domestic');
    expect(res.status).toBe(200);
    expect(res.body.programmes).toHaveLength(1);
    const [board] = res.body.programmes;
    expect(board).toMatchObject({ programme: 'domestic', total: 7 });
    expect(board.statuses).toEqual({ in_progress: 5, hired: 0, withdrawn: 1, rejected: 1, closed: 0 });
    const counts = Object.fromEntries(board.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(board.stages[0].stage).toBe('application');
    expect(counts).toMatchObject({ application: 2, screening: 1, interview: 1, offer: 0, checks: 1 });
    expect(board.stages.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(5);
  });

  it('shows every programme without a filter', async () => {
    const res = await t.get('/api/pipeline');
    expect(res.body.programmes.map((p: { programme: string; total: number }) => [p.programme, p.total])).toEqual([
      ['domestic', 7], ['international', 1], ['hcswd', 4],
    ]);
    const hcswd = res.body.programmes.find((p: { programme: string }) => p.programme === 'hcswd');
    expect(hcswd.stages.find((s: { stage: string }) => s.stage === 'application').count).toBe(4);
    expect(hcswd.stages.map((s: { stage: string }) => s.stage)).toContain('care_certificate');
  });

  it('moves a candidate between columns when an event is accepted', async () => {
    const before = (await t.get('/api/pipeline?programme=international')).body.programmes[0];
    await send('Hana Kim', 'screeningStarted');
    const after = (await t.get('/api/pipeline?programme=international')).body.programmes[0];
    const count = (board: { stages: { stage: string; count: number }[] }, stage: string) => board.stages.find((s) => s.stage === stage)!.count;
    expect([count(before, 'application'), count(before, 'screening')]).toEqual([1, 0]);
    expect([count(after, 'application'), count(after, 'screening')]).toEqual([0, 1]);
    expect(after.total).toBe(1);
  });
});

describe('GET /api/workflows/:programme', () => {
  it('describes the domestic machine with its states, transitions and a Mermaid diagram', async () => {
    const res = await t.get('/api/workflows/domestic');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programme: 'domestic', id: 'domestic', version: expect.any(Number) });
    const states = res.body.states.map((s: { id: string }) => s.id);
    expect(states).toEqual(expect.arrayContaining(['applied', 'screening', 'interview.toSchedule', 'offer.offered', 'checks', 'checks.dbs.received', 'hired', 'withdrawn', 'rejected']));
    expect(res.body.states.find((s: { id: string }) => s.id === 'checks')).toMatchObject({ type: 'parallel', stage: 'checks' });
    expect(res.body.states.find((s: { id: string }) => s.id === 'hired')).toMatchObject({ type: 'final', status: 'hired' });
    expect(res.body.transitions).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: 'applied', event: 'screeningStarted', to: ['screening'] }),
      expect.objectContaining({ from: 'checks.dbs.received', event: 'dbs.cleared', guard: 'identityVerified' }),
    ]));
    expect(typeof res.body.mermaid).toBe('string');
    expect(res.body.mermaid.startsWith('stateDiagram-v2')).toBe(true);
    expect(res.body.mermaid).toContain('applied --> screening : screeningStarted');
  });

  it.each([
    ['international', ['english', 'cbt', 'osce.booked', 'pin', 'band5']],
    ['hcswd', ['assessment.scheduled', 'induction.booked', 'careCertificate', 'signOff']],
  ])('describes the %s machine', async (programme, expected) => {
    const res = await t.get(`/api/workflows/${programme}`);
    expect(res.status).toBe(200);
    expect(res.body.states.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(expected));
    expect(res.body.mermaid.startsWith('stateDiagram-v2')).toBe(true);
  });
});
