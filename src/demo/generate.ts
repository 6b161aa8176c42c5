// Generates realistic journeys by running the real machines: each candidate applies at a random
// time in the past months and moves on event by event, at human pace, with the due timers
// (offer expiry, reference chasers, OSCE deadlines) firing in between — so the board, history and
// reports of the demo are what the product would really have produced.
import { randomUUID } from 'node:crypto';
import { type AnyMachineSnapshot, initialTransition } from 'xstate';
import { pureTransition } from '../../workflows/transition.js';
import { allowedEvents } from '../../workflows/inspect.js';
import { DAY_MS } from '../../workflows/policy.js';
import { type Machines, type Profession, type Programme, machineVersions } from '../../workflows/index.js';
import { type Effect, planEffects } from '../engine/effects.js';
import { emailSnapshot, summarise } from '../engine/snapshot.js';
import { firstNames, lastNames, postcodes } from './people.js';

export type Random = () => number;

/** mulberry32: small, fast and seeded, so the same seed gives the same demo. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const professionsBy: Record<Programme, readonly Profession[]> = {
  domestic: ['registered_nurse', 'registered_nurse', 'registered_nurse', 'healthcare_assistant', 'healthcare_assistant', 'midwife', 'physiotherapist', 'occupational_therapist', 'radiographer', 'paramedic', 'biomedical_scientist', 'pharmacist', 'doctor', 'social_worker', 'non_clinical', 'speech_and_language_therapist', 'operating_department_practitioner'],
  international: ['registered_nurse', 'registered_nurse', 'registered_nurse', 'registered_nurse', 'midwife', 'physiotherapist', 'occupational_therapist', 'radiographer', 'doctor'],
  hcswd: ['healthcare_assistant'],
};

export interface GeneratedJourney {
  candidate: { id: string; fullName: string; email: string; emailConfirmedAt: Date | null; phone: string; postcode: string | null; profession: string; currentJourneyId: string; createdAt: Date; updatedAt: Date };
  journey: { id: string; candidateId: string; programme: string; machineVersion: number; snapshot: unknown; state: string; stage: string; status: string; owner: string; version: number; stageEnteredAt: Date; exitStage: string | null; exitReason: string | null; createdAt: Date; updatedAt: Date; closedAt: Date | null };
  events: { journeyId: string; seq: number; type: string; payload: unknown; actorType: string; actorId: string | null; fromState: string | null; toState: string; fromStage: string | null; toStage: string; at: Date }[];
  timers: { kind: 'timer'; key: string; journeyId: string; payload: unknown; runAt: Date }[];
  /** Emails of the last two days of activity, so the demo mailbox fills with real messages. */
  emails: { kind: 'email'; key: string; journeyId: string; payload: unknown; runAt: Date }[];
}

export interface GenerateOptions { now: Date; index: number; rnd: Random; maxAgeDays?: number; withEmails?: boolean }

/** Days a step takes, by who must act: candidates and third parties are slower than recruiters. */
function stepGapMs(rnd: Random, owner: string, programme: Programme): number {
  const base = owner === 'recruiter' ? 0.3 + rnd() * 2.5 : owner === 'third_party' ? 1 + rnd() * 8 : 0.5 + rnd() * 5;
  return base * (programme === 'international' ? 2.5 : 1) * DAY_MS;
}

export function generateJourney(machines: Machines, opts: GenerateOptions): GeneratedJourney {
  const { rnd, now } = opts;
  const programme: Programme = rnd() < 0.6 ? 'domestic' : rnd() < 0.65 ? 'international' : 'hcswd';
  const profession = pick(rnd, professionsBy[programme]);
  const machine = machines[programme];
  const first = pick(rnd, firstNames);
  const surname = pick(rnd, lastNames);
  const candidateId = randomUUID();
  const journeyId = randomUUID();
  const appliedAt = new Date(now.getTime() - rnd() ** 1.3 * (opts.maxAgeDays ?? 200) * DAY_MS);
  const [initial, initialActions] = initialTransition(machine, { programme, profession, at: appliedAt.toISOString() }) as [AnyMachineSnapshot, { type: string; params?: unknown }[]];
  let snapshot = initial;
  let summary = summarise(snapshot);
  let stageEnteredAt = appliedAt;
  let closed: { at: Date; stage: string; reason: string | null } | null = null;
  const events: GeneratedJourney['events'] = [{
    journeyId, seq: 1, type: 'applicationReceived', payload: { programme, profession }, actorType: 'applicant', actorId: null,
    fromState: null, toState: summary.state, fromStage: null, toStage: summary.stage, at: appliedAt,
  }];
  const timers = new Map<string, { runAt: Date; event: { type: string } }>();
  const emails: GeneratedJourney['emails'] = [];
  const recentSince = now.getTime() - 2 * DAY_MS;
  const fold = (effects: Effect[], at: Date, snap: AnyMachineSnapshot) => {
    for (const e of effects) {
      if (e.kind === 'timer') timers.set(e.key, { runAt: e.runAt, event: e.event as { type: string } });
      else if (e.kind === 'cancelTimer') timers.delete(e.key);
      else if (e.kind === 'email' && opts.withEmails && at.getTime() >= recentSince) {
        emails.push({ kind: 'email', key: e.key, journeyId, runAt: at, payload: { template: e.template, to: e.to, candidateId, journeyId, ...emailSnapshot(snap) } });
      }
    }
  };
  fold(planEffects({ journeyId, candidateId, seq: 1 }, initialActions, appliedAt), appliedAt, initial);

  const apply = (type: string, payload: Record<string, unknown>, at: Date, actorType: string) => {
    const [next, actions] = pureTransition(machine, snapshot, { type, ...payload, at: at.toISOString() });
    const after = summarise(next);
    const seq = events.length + 1;
    events.push({ journeyId, seq, type, payload, actorType, actorId: null, fromState: summary.state, toState: after.state, fromStage: summary.stage, toStage: after.stage, at });
    fold(planEffects({ journeyId, candidateId, seq }, actions, at), at, next);
    if (after.stage !== summary.stage) stageEnteredAt = at;
    if (after.status !== 'in_progress') closed = { at, stage: summary.stage, reason: typeof payload.reason === 'string' ? payload.reason : null };
    snapshot = next;
    summary = after;
  };

  // Most journeys keep moving; a few stall (the "stuck" list), some leave part-way.
  const dropOut = rnd() < 0.22 ? 0.035 + rnd() * 0.05 : 0;
  const stall = rnd() < 0.1;
  let at = appliedAt;
  for (let step = 0; step < 200 && snapshot.status === 'active'; step++) {
    const gap = stepGapMs(rnd, summary.owner, programme) * (stall && step > 4 ? 8 : 1);
    const nextAt = new Date(at.getTime() + gap);
    const due = [...timers.entries()].filter(([, t]) => t.runAt <= (nextAt < now ? nextAt : now)).sort((a, b) => +a[1].runAt - +b[1].runAt)[0];
    if (due) {
      timers.delete(due[0]);
      const ev = { ...due[1].event, at: due[1].runAt.toISOString() };
      if (snapshot.can(ev)) apply(due[1].event.type, {}, due[1].runAt, 'system');
      at = due[1].runAt;
      continue;
    }
    if (nextAt > now) break;
    at = nextAt;
    const options = allowedEvents(snapshot, at.toISOString());
    // About a quarter of candidates drop out, mostly by withdrawing because the process is slow.
    const exitType = options.some((o) => o.type === 'offerDeclined') && rnd() < 0.3 ? 'offerDeclined' : rnd() < 0.7 ? 'withdrawn' : 'rejected';
    const exit = options.find((o) => o.type === exitType);
    const advance = options.filter((o) => o.intent === 'advance');
    const choice = rnd() < dropOut && exit ? exit : advance[0];
    // Nothing can move on yet (an interview's day, a trainee's hours): time passes.
    if (!choice) continue;
    const payload = choice.type === 'withdrawn' || choice.type === 'offerDeclined'
      ? { reason: pick(rnd, ['Took a permanent post elsewhere', 'The process took too long', 'Personal circumstances', 'Relocating', 'Pay rates']) }
      : choice.type === 'rejected'
        ? { reason: pick(rnd, ['Did not meet the essential criteria', 'Unsatisfactory references', 'Did not attend interview', 'Right to work not established']) }
        : choice.example;
    apply(choice.type, payload, at, 'user');
  }

  const finished = closed as { at: Date; stage: string; reason: string | null } | null;
  const lastAt = events.at(-1)!.at;
  return {
    candidate: {
      id: candidateId, fullName: `${first} ${surname}`, email: `${first}.${surname}.${opts.index}@example.com`.toLowerCase(),
      // Most applicants have signed in to follow their application by the time anything happened; the newest may not yet.
      emailConfirmedAt: events.length > 1 ? new Date(appliedAt.getTime() + 60 * 60_000) : null,
      phone: `+447700900${String(opts.index % 1000).padStart(3, '0')}`, postcode: programme === 'international' && summary.stage !== 'hired' ? null : pick(rnd, postcodes),
      profession, currentJourneyId: journeyId, createdAt: appliedAt, updatedAt: lastAt,
    },
    journey: {
      id: journeyId, candidateId, programme, machineVersion: machineVersions[programme], snapshot: machine.getPersistedSnapshot(snapshot),
      ...summary, version: events.length, stageEnteredAt, exitStage: finished?.stage ?? null, exitReason: finished?.reason ?? null,
      createdAt: appliedAt, updatedAt: lastAt, closedAt: finished?.at ?? null,
    },
    events,
    timers: [...timers.entries()].map(([key, t]) => ({ kind: 'timer' as const, key, journeyId, payload: { event: t.event }, runAt: t.runAt })),
    emails,
  };
}
