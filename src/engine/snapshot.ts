// Loading persisted snapshots, and the flattened columns the board and filters read.
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { applicantStatusOf, checksOf, flatState, stageOf, statusOf } from '../../workflows/inspect.js';
import type { EmailSnapshot } from './effects.js';
import { type Machines, type Programme, machineVersions } from '../../workflows/index.js';
import { AppError } from '../errors.js';
import { migrateSnapshot } from './versions.js';

export interface Summary { state: string; stage: string; status: string; owner: string }

export function summarise(snapshot: AnyMachineSnapshot): Summary {
  return { state: flatState(snapshot), stage: stageOf(snapshot), status: statusOf(snapshot), owner: applicantStatusOf(snapshot).owner };
}

export const emailSnapshot = (snapshot: AnyMachineSnapshot): EmailSnapshot => ({
  context: snapshot.context, status: applicantStatusOf(snapshot), checks: checksOf(snapshot),
});

export function machineFor(machines: Machines, programme: string): AnyStateMachine {
  const machine = machines[programme as Programme];
  if (!machine) throw new AppError('journey_finished', `No machine for programme ${programme}.`);
  return machine;
}

/**
 * A snapshot persisted by an older machine version is migrated forward first; one that still
 * cannot be resolved is refused for changes (409) instead of crashing the server.
 */
export function loadSnapshot(machines: Machines, row: { programme: string; machineVersion: number; snapshot: unknown }): AnyMachineSnapshot {
  const machine = machineFor(machines, row.programme);
  const current = machineVersions[row.programme as Programme];
  const persisted = migrateSnapshot(row.programme as Programme, row.machineVersion, current, row.snapshot);
  try {
    const snapshot = machine.resolveState(persisted as never) as AnyMachineSnapshot;
    flatState(snapshot); // throws if the state value names nodes this machine does not have
    return snapshot;
  } catch {
    throw new AppError('journey_outdated', `This journey was saved by version ${row.machineVersion} of the ${row.programme} workflow and cannot be loaded by version ${current}.`);
  }
}
