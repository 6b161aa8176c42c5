// Acceptance: every programme (and the international routes) walks from application to `hired`
// through the HTTP API using only the examples the API itself offers in `allowedEvents`, as a
// recruiter clicking "next" would. The history must then tell the same story, step by step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { type ApiStep, walkApi } from '../support/walk-api.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const HOUR = 60 * 60 * 1000;

type Step = ApiStep;
interface AllowedEvent { type: string; label: string; intent: 'advance' | 'hold' | 'exit'; schema: unknown; example: Record<string, unknown> }
interface HistoryItem { seq: number; type: string; from: string | null; to: string; fromStage: string | null; toStage: string; at: string; actor: { type: string; id: string | null } }

/** Creates a candidate and walks it until its journey is finished (test/support/walk-api.ts). */
async function walk(body: Record<string, unknown>, adjust?: (type: string, example: Record<string, unknown>) => Record<string, unknown>) {
  const created = await t.post('/api/candidates', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id: string = created.body.id;
  const { candidate, steps } = await walkApi(t, id, (j) => j.status !== 'in_progress', adjust);
  return { id, steps, candidate: candidate as any };
}

/** History has the application plus one item per accepted event, numbered and chained. */
async function expectHistoryMatches(id: string, steps: Step[]) {
  const history = await t.get(`/api/candidates/${id}/history`);
  expect(history.status).toBe(200);
  const items: HistoryItem[] = history.body.items;
  expect(items).toHaveLength(steps.length + 1);
  expect(items.map((i) => i.seq)).toEqual(Array.from({ length: steps.length + 1 }, (_, i) => i + 1));
  expect(items[0]).toMatchObject({ type: 'applicationReceived', from: null, to: 'applied', fromStage: null, toStage: 'application' });
  expect(items.slice(1).map((i) => i.type)).toEqual(steps.map((s) => s.type));
  for (let i = 1; i < items.length; i++) {
    expect(items[i]!.from, `item ${i + 1} (${items[i]!.type})`).toBe(items[i - 1]!.to);
    expect(items[i]!.fromStage, `item ${i + 1} (${items[i]!.type})`).toBe(items[i - 1]!.toStage);
    expect(items[i]!.to).toBe(steps[i - 1]!.to);
    expect(Date.parse(items[i]!.at)).toBeGreaterThan(Date.parse(items[i - 1]!.at));
    expect(items[i]!.actor.type).toBe('user');
  }
  return items;
}

async function expectHired(id: string, steps: Step[]) {
  const final = await t.get(`/api/candidates/${id}`);
  expect(final.body.journey).toMatchObject({ status: 'hired', stage: 'hired', state: 'hired', version: steps.length + 1, allowedEvents: [] });
  expect(steps.at(-1)!.type).toBe('firstShiftWorked');
  const items = await expectHistoryMatches(id, steps);
  expect(items.at(-1)).toMatchObject({ to: 'hired', toStage: 'hired' });
}

describe('walking domestic journeys to hired', () => {
  const professions = ['registered_nurse', 'healthcare_assistant', 'physiotherapist', 'paramedic', 'social_worker', 'non_clinical'] as const;

  it.each(professions)('walks a %s from application to hired using only allowedEvents examples', async (profession) => {
    const { id, steps } = await walk(applicant({ programme: 'domestic', profession }));
    expect(steps.map((s) => s.type)).toContain('screeningPassed');
    expect(steps.map((s) => s.type)).toContain('interviewPassed');
    await expectHired(id, steps);
  });

  it('walks a substantive registered nurse along the short route: no interview, no offer, two checks', async () => {
    const { id, steps, candidate } = await walk(
      applicant({ programme: 'domestic', profession: 'registered_nurse' }),
      (type, example) => (type === 'screeningPassed' ? { ...example, substantive: true } : example),
    );
    const types = steps.map((s) => s.type);
    expect(steps.find((s) => s.type === 'screeningPassed')).toMatchObject({ from: 'screening', to: 'checks' });
    expect(types).not.toContain('interviewScheduled');
    expect(types).not.toContain('offerMade');
    // Only right to work and references are needed on the substantive route (one referee).
    expect(types.filter((type) => /^(identity|registration|dbs|workHealth)\./.test(type))).toEqual([]);
    expect(types.filter((type) => type === 'references.received')).toHaveLength(1);
    expect(candidate.journey.context.route).toBe('substantive');
    await expectHired(id, steps);
  });
});

describe('walking international journeys to hired', () => {
  it.each([
    ['registered_nurse', 'nmc', ['cbtPassed', 'nmcApplicationSubmitted', 'decisionLetterIssued', 'osceBooked', 'oscePassed', 'pinIssued', 'movedToBand5']],
    ['midwife', 'nmc', ['cbtPassed', 'osceBooked', 'oscePassed', 'pinIssued']],
    ['physiotherapist', 'hcpc', ['regulatorApplicationSubmitted', 'regulatorApproved', 'regulatorRegistered']],
    ['doctor', 'gmc', ['plab1Passed', 'plab2Passed', 'regulatorRegistered']],
  ] as const)('walks an international %s (%s route) from application to hired', async (profession, route, expected) => {
    const { id, steps, candidate } = await walk(applicant({ programme: 'international', profession }));
    expect(candidate.journey.context.route).toBe(route);
    const types = steps.map((s) => s.type);
    for (const type of [...expected, 'internationalScreeningPassed', 'ieltsResult', 'cosAssigned', 'visaGranted', 'arrivedInUk']) expect(types).toContain(type);
    if (route !== 'nmc') expect(types).not.toContain('oscePassed');
    await expectHired(id, steps);
  });
});

describe('walking the HCSWD programme to hired', () => {
  it('walks a healthcare assistant through assessment, induction, the Care Certificate and sign-off to hired', async () => {
    const { id, steps } = await walk(applicant({ programme: 'hcswd', profession: 'healthcare_assistant' }));
    const types = steps.map((s) => s.type);
    for (const type of ['hcswdScreeningPassed', 'assessmentPassed', 'inductionCompleted', 'shadowShiftsCompleted', 'trustSignedOff']) expect(types).toContain(type);
    expect(types.filter((type) => type === 'careStandardSignedOff')).toHaveLength(15);
    await expectHired(id, steps);
  });
});

describe('leaving a journey early', () => {
  /** Walks `n` advance steps, then sends the example of the exit event `type`. */
  async function exitAfter(n: number, type: 'withdrawn' | 'rejected') {
    const created = await t.post('/api/candidates', applicant());
    const id: string = created.body.id;
    const steps: Step[] = [];
    for (let i = 0; i < n; i++) {
      t.clock.advance(HOUR);
      const { journey } = (await t.get(`/api/candidates/${id}`)).body;
      const next = (journey.allowedEvents as AllowedEvent[]).find((e) => e.intent === 'advance')!;
      const res = await t.post(`/api/candidates/${id}/events`, { type: next.type, ...next.example });
      expect(res.status).toBe(200);
      steps.push({ type: next.type, from: journey.state, to: res.body.journey.state, version: res.body.journey.version });
    }
    t.clock.advance(HOUR);
    const { journey } = (await t.get(`/api/candidates/${id}`)).body;
    const exit = (journey.allowedEvents as AllowedEvent[]).find((e) => e.type === type);
    expect(exit).toMatchObject({ intent: 'exit' });
    const res = await t.post(`/api/candidates/${id}/events`, { type, ...exit!.example });
    expect(res.status).toBe(200);
    steps.push({ type, from: journey.state, to: res.body.journey.state, version: res.body.journey.version });
    return { id, steps, before: journey, after: res.body.journey, reason: exit!.example.reason };
  }

  it('withdraws a candidate at interview and records the stage and reason they left at', async () => {
    const { id, steps, before, after, reason } = await exitAfter(3, 'withdrawn');
    expect(before.stage).toBe('interview');
    expect(reason).toEqual(expect.any(String));
    expect(after).toMatchObject({ status: 'withdrawn', stage: 'withdrawn', state: 'withdrawn', allowedEvents: [] });
    expect(after.exit).toEqual({ stage: 'interview', reason });
    expect(after.context.exit).toEqual({ kind: 'withdrawn', reason });
    const items = await expectHistoryMatches(id, steps);
    expect(items.at(-1)).toMatchObject({ type: 'withdrawn', from: before.state, to: 'withdrawn', fromStage: 'interview', toStage: 'withdrawn' });
  });

  it('rejects a candidate at screening and records the stage and reason they left at', async () => {
    const { id, steps, before, after, reason } = await exitAfter(1, 'rejected');
    expect(before.stage).toBe('screening');
    expect(after).toMatchObject({ status: 'rejected', stage: 'rejected', state: 'rejected', allowedEvents: [] });
    expect(after.exit).toEqual({ stage: 'screening', reason });
    const items = await expectHistoryMatches(id, steps);
    expect(items.at(-1)).toMatchObject({ type: 'rejected', from: 'screening', to: 'rejected' });
  });

  it('shows no exit on a journey still in progress', async () => {
    const created = await t.post('/api/candidates', applicant());
    expect(created.body.journey.exit).toBeNull();
  });
});
