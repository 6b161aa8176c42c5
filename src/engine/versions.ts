// Forward migrations of persisted snapshots, per programme and from-version. When a machine
// changes in a way that renames or removes states, bump its version in workflows/index.ts and
// add the step here; test/engine/versions.test.ts keeps fixture snapshots of every version.
import type { Programme } from '../../workflows/index.js';

type Persisted = { value: unknown; context: Record<string, unknown>; [k: string]: unknown };
type Step = (snapshot: Persisted) => Persisted;

/** steps[programme][n] migrates a snapshot of version n to version n + 1. */
const steps: Record<Programme, Record<number, Step>> = {
  domestic: {},
  international: {},
  hcswd: {},
};

export function migrateSnapshot(programme: Programme, from: number, to: number, snapshot: unknown): unknown {
  let current = snapshot as Persisted;
  for (let v = from; v < to; v++) {
    const step = steps[programme]?.[v];
    if (step) current = step(current);
  }
  return current;
}
