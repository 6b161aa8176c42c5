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

/** steps[programme][n] migrates a snapshot of version n to version n + 1. */
const steps: Record<Programme, Record<number, Step>> = {
  domestic: { 1: offerEndsJourney },
  international: { 1: offerEndsJourney },
  hcswd: { 1: offerEndsJourney },
};

export function migrateSnapshot(programme: Programme, from: number, to: number, snapshot: unknown): unknown {
  let current = snapshot as Persisted;
  for (let v = from; v < to; v++) {
    const step = steps[programme]?.[v];
    if (step) current = step(current);
  }
  return current;
}
