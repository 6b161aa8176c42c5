// Forward migrations of persisted snapshots, per programme and from-version. When a machine
// changes in a way that renames or removes states, bump its version in workflows/index.ts and
// add the step here; test/engine/versions.test.ts keeps fixture snapshots of every version.
import type { Programme } from '../../workflows/index.js';

type Persisted = { value: unknown; context: Record<string, unknown>; [k: string]: unknown };
type Step = (snapshot: Persisted) => Persisted;

/**
 * v1 → v2: `offer.expired` and `offer.declined` were final states of the offer stage only, so
 * the journey never finished; in v2 they are the top-level `offerExpired` and `offerDeclined`.
 */
const offerEndsJourney: Step = (snapshot) => {
  const offer = (snapshot.value as { offer?: unknown } | null)?.offer;
  if (offer === 'expired') return { ...snapshot, value: 'offerExpired', status: 'done' };
  if (offer === 'declined') return { ...snapshot, value: 'offerDeclined', status: 'done' };
  return snapshot;
};

/**
 * v2 → v3: the rules of v3 read when things happened from `context.when` (and the identity check's
 * method). A v2 journey's own timestamps say when its steps happened: copied there, so its next
 * events are held to the order they follow. What v2 never recorded (referees' periods, register
 * status) is simply unknown, and the rules that need it let the journey carry on without it.
 */
const whenFromV2: Step = (snapshot) => {
  const ctx = snapshot.context as Record<string, unknown> & {
    offer?: { madeAt?: string; acceptedAt?: string }; identityClearedAt?: string; decisionLetterAt?: string; arrivedAt?: string;
    assessment?: { passedAt?: string }; induction?: { completedAt?: string }; supervisedPractice?: { completedAt?: string };
  };
  const when: Record<string, string> = {};
  const put = (type: string, at: string | undefined) => { if (typeof at === 'string') when[type] = at; };
  put('offerMade', ctx.offer?.madeAt);
  put('offerAccepted', ctx.offer?.acceptedAt);
  put('identity.cleared', ctx.identityClearedAt);
  put('decisionLetterIssued', ctx.decisionLetterAt);
  put('arrivedInUk', ctx.arrivedAt);
  put('assessmentPassed', ctx.assessment?.passedAt);
  put('inductionCompleted', ctx.induction?.completedAt);
  put('shadowShiftsCompleted', ctx.supervisedPractice?.completedAt);
  // v2 cleared identity only with the originals seen in person.
  const identityCheck = ctx.identityClearedAt ? { method: 'in_person', originalsSeenAt: ctx.identityClearedAt } : undefined;
  return { ...snapshot, context: { ...ctx, when: { ...when, ...(ctx.when as object | undefined) }, ...(identityCheck && !ctx.identityCheck ? { identityCheck } : {}) } };
};

/** steps[programme][n] migrates a snapshot of version n to version n + 1. */
const steps: Record<Programme, Record<number, Step>> = {
  domestic: { 1: offerEndsJourney, 2: whenFromV2 },
  international: { 1: offerEndsJourney, 2: whenFromV2 },
  hcswd: { 1: offerEndsJourney, 2: whenFromV2 },
};

export function migrateSnapshot(programme: Programme, from: number, to: number, snapshot: unknown): unknown {
  let current = snapshot as Persisted;
  for (let v = from; v < to; v++) {
    const step = steps[programme]?.[v];
    if (step) current = step(current);
  }
  return current;
}
