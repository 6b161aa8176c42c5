// Test helper: walks a machine using only the examples of `allowedEvents`, taking the first
// `advance` event each step, as a recruiter clicking "next" would. Steps are an hour apart; when
// nothing can advance yet (a result before its booked sitting, an interview before its day, a
// trainee's hours), days pass, as they would: a day at a time for two weeks, then a week at a time.
import { type AnyStateMachine, type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { allowedEvents, machineEvent, statusOf } from '../../workflows/inspect.js';
import type { JourneyInput } from '../../workflows/types.js';

export interface WalkStep { type: string; payload: Record<string, unknown> }
export interface Walked { snapshot: AnyMachineSnapshot; at: string; steps: WalkStep[] }

const HOUR = 60 * 60 * 1000;
const later = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

/** Walks from the application until `stop` holds (throws if it never does within `maxSteps`). */
export function advanceUntil(machine: AnyStateMachine, input: JourneyInput, stop: (s: AnyMachineSnapshot) => boolean, maxSteps = 400): Walked {
  let at = input.at;
  let [snapshot] = initialTransition(machine, input) as [AnyMachineSnapshot, unknown];
  const steps: WalkStep[] = [];
  for (let i = 0; i < maxSteps && !stop(snapshot); i++) {
    at = later(at, HOUR);
    for (let waited = 0; waited < 64 && !allowedEvents(snapshot, at).some((e) => e.intent === 'advance'); waited++) at = later(at, (waited < 14 ? 1 : 7) * 24 * HOUR);
    const next = allowedEvents(snapshot, at).find((e) => e.intent === 'advance');
    if (!next) throw new Error(`stuck at ${JSON.stringify(snapshot.value)}: ${allowedEvents(snapshot, at).map((e) => e.type).join(', ')}`);
    steps.push({ type: next.type, payload: next.example });
    [snapshot] = transition(machine, snapshot, machineEvent(next.type, next.example, at).event) as [AnyMachineSnapshot, unknown];
  }
  if (!stop(snapshot)) throw new Error(`never reached the stop condition: ${JSON.stringify(snapshot.value)}`);
  return { snapshot, at, steps };
}

/** Walks from the application to a final state. */
export function walkToEnd(machine: AnyStateMachine, input: JourneyInput, maxSteps = 400) {
  const { snapshot, steps } = advanceUntil(machine, input, (s) => s.status !== 'active', maxSteps);
  return { snapshot, steps, status: statusOf(snapshot) };
}
