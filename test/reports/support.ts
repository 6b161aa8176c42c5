// Builds report fixtures through the HTTP API, as recruiters would: each planned candidate walks
// its journey by the first `advance` event the API offers, except that chosen events are sent at
// exact times (so many days after the application), and it may stop at a stage and withdraw or
// be rejected there. Several candidates move at once on the one shared clock: whoever's next
// planned event is earliest goes next; unplanned steps take a second each.
import { expect } from 'vitest';
import { applicant, type TestIntake } from '../support/intake.js';

export const DAY = 24 * 60 * 60 * 1000;

export interface Plan {
  key: string;
  programme: 'domestic' | 'international' | 'hcswd';
  profession?: string;
  fullName?: string;
  /** Days after the application at which these events are sent. */
  at?: Record<string, number>;
  /** Stop once the journey enters this stage … */
  stopAt?: string;
  /** … and then leave (at `days` after the application, if given). */
  exit?: { type: 'withdrawn' | 'rejected'; reason: string; days?: number };
}

export interface Walked { plan: Plan; id: string; createdAt: Date }

interface AllowedEvent { type: string; intent: string; example: Record<string, unknown> }
interface Runner { walked: Walked; done: boolean; due: Date | null; event: string | null }

async function current(t: TestIntake, id: string) {
  const res = await t.get(`/api/candidates/${id}`);
  expect(res.status).toBe(200);
  return res.body.journey as { status: string; stage: string; version: number; allowedEvents: AllowedEvent[] };
}

async function send(t: TestIntake, id: string, type: string, payload: Record<string, unknown>) {
  const res = await t.post(`/api/candidates/${id}/events`, { type, ...payload });
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
}

/** What the runner does next: send now, wait for a planned time, or finish. */
async function step(t: TestIntake, r: Runner): Promise<'sent' | 'waiting' | 'done'> {
  const { plan, id, createdAt } = r.walked;
  const journey = await current(t, id);
  const dueOf = (days: number) => new Date(createdAt.getTime() + days * DAY);
  const now = t.clock.now();
  let type: string;
  let payload: Record<string, unknown>;
  let days: number | undefined;
  if (journey.status !== 'in_progress') return 'done';
  if (plan.stopAt && journey.stage === plan.stopAt) {
    if (!plan.exit) return 'done';
    type = plan.exit.type;
    payload = { reason: plan.exit.reason };
    days = plan.exit.days;
  } else {
    const next = journey.allowedEvents.find((e) => e.intent === 'advance');
    // Nothing can move on yet (an interview's day, the end of an induction): try again a day later.
    if (!next) {
      r.due = new Date(now.getTime() + DAY);
      r.event = null;
      return 'waiting';
    }
    type = next.type;
    payload = next.example;
    days = plan.at?.[type];
  }
  if (days !== undefined) {
    const due = dueOf(days);
    if (due.getTime() < now.getTime()) throw new Error(`${plan.key}: ${type} was planned for day ${days}, which has passed`);
    if (due.getTime() > now.getTime()) {
      r.due = due;
      r.event = type;
      return 'waiting';
    }
  } else {
    t.clock.advance(1000);
  }
  await send(t, id, type, payload);
  return 'sent';
}

/** Creates every planned candidate an hour apart, then runs them all to their ends. */
export async function runPlans(t: TestIntake, plans: Plan[]): Promise<Record<string, Walked>> {
  const runners: Runner[] = [];
  for (const plan of plans) {
    t.clock.advance(60 * 60 * 1000);
    const createdAt = t.clock.now();
    const res = await t.post('/api/candidates', applicant({ programme: plan.programme, profession: plan.profession ?? (plan.programme === 'hcswd' ? 'healthcare_assistant' : 'registered_nurse'), ...(plan.fullName ? { fullName: plan.fullName } : {}) }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    runners.push({ walked: { plan, id: res.body.id, createdAt }, done: false, due: null, event: null });
  }
  for (let rounds = 0; rounds < 10_000; rounds++) {
    // Everyone walks until they wait for a planned time or finish.
    for (const r of runners.filter((x) => !x.done && !x.due)) {
      for (let i = 0; i < 500; i++) {
        const s = await step(t, r);
        if (s === 'done') r.done = true;
        if (s !== 'sent') break;
      }
    }
    const waiting = runners.filter((x) => !x.done && x.due).sort((a, b) => a.due!.getTime() - b.due!.getTime());
    const next = waiting[0];
    if (!next) break;
    // The earliest planned event: the clock moves to it exactly; the example is read afresh.
    t.clock.set(next.due!);
    next.due = null;
    const planned = next.event;
    const s = await step(t, next);
    if (planned !== null) {
      expect(s, `${next.walked.plan.key}: ${planned} at its planned time`).toBe('sent');
      next.event = null;
    }
  }
  expect(runners.filter((r) => !r.done).map((r) => r.walked.plan.key)).toEqual([]);
  return Object.fromEntries(runners.map((r) => [r.walked.plan.key, r.walked]));
}
