// The pure transition: the next snapshot and the actions to run, nothing executed. xstate's own
// `transition()` builds a throwaway actor on every call, and building an actor computes the
// machine's initial state (its context and entry actions) only to discard it: about half the cost
// of an event. These machines are pure (no invoke, no spawn), so one inert scope per machine
// serves every call; the scope only collects the actions of the call in hand (calls are
// synchronous, so they never interleave).
import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, createActor } from 'xstate';

export interface PlannedAction { type: string; params?: unknown }

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
const ignore = () => {};

function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = { self, defer: ignore, id: '', logger: ignore, sessionId: '', stopChild: ignore, system: self.system, emit: ignore, actionExecutor: ignore } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject & Record<string, unknown>): [AnyMachineSnapshot, PlannedAction[]] {
  const scope = scopeOf(machine);
  const actions: PlannedAction[] = [];
  scope.actionExecutor = (action) => { actions.push(action as PlannedAction); };
  try {
    return [machine.transition(snapshot, event, scope) as AnyMachineSnapshot, actions];
  } finally {
    scope.actionExecutor = ignore;
  }
}
