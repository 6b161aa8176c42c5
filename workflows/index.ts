// The machine registry: one machine per programme, built from the configured policy. Each has a
// version; a journey stores the version it started on (see src/engine/versions.ts).
import type { AnyStateMachine } from 'xstate';
import { domesticMachine } from './domestic.js';
import { hcswdMachine } from './hcswd.js';
import { internationalMachine } from './international.js';
import { type Policy, defaultPolicy } from './policy.js';
import type { Programme } from './types.js';

/** Bump when a change would make persisted snapshots of the previous version unresolvable. */
// v2: a declined or expired offer ends the journey (top-level `offerDeclined`/`offerExpired`).
// v3: every event held to its NHS standard (workflows/standards/): typed evidence, "when it
//     happened" recorded in context.when, referee coverage and concerns, waivers with two people.
export const machineVersions: Record<Programme, number> = { domestic: 3, international: 3, hcswd: 3 };

export type Machines = Record<Programme, AnyStateMachine>;

export function buildMachines(policy: Policy = defaultPolicy): Machines {
  return {
    domestic: domesticMachine(policy),
    international: internationalMachine(policy),
    hcswd: hcswdMachine(policy),
  };
}

export { defaultPolicy, type Policy } from './policy.js';
export * from './types.js';
