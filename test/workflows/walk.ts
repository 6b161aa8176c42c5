// Test helper: walks a machine from application to a final state using only the examples of
// `allowedEvents`, preferring the first `advance` event, as a recruiter clicking "next" would.
import { type AnyStateMachine, type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { allowedEvents, statusOf } from '../../workflows/inspect.js';
import type { JourneyInput } from '../../workflows/types.js';

export interface WalkStep { type: string; payload: Record<string, unknown> }

export function walkToEnd(machine: AnyStateMachine, input: JourneyInput, maxSteps = 400) {
  let at = input.at;
  let [snapshot] = initialTransition(machine, input) as [AnyMachineSnapshot, unknown];
  const steps: WalkStep[] = [];
  for (let i = 0; i < maxSteps && snapshot.status === 'active'; i++) {
    at = new Date(Date.parse(at) + 60 * 60 * 1000).toISOString();
    // Nothing can advance yet (e.g. a result before its booked sitting): let days pass.
    for (let waited = 0; waited < 60 && !allowedEvents(snapshot, at).some((e) => e.intent === 'advance'); waited++) {
      at = new Date(Date.parse(at) + 24 * 60 * 60 * 1000).toISOString();
    }
    const next = allowedEvents(snapshot, at).find((e) => e.intent === 'advance');
    if (!next) throw new Error(`stuck at ${JSON.stringify(snapshot.value)}: ${allowedEvents(snapshot, at).map((e) => e.type).join(', ')}`);
    steps.push({ type: next.type, payload: next.example });
    [snapshot] = transition(machine, snapshot, { type: next.type, ...next.example, at }) as [AnyMachineSnapshot, unknown];
  }
  return { snapshot, steps, status: statusOf(snapshot) };
}
