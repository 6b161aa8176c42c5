// Rules that say why. A rule is a pure function of the journey's context and the event: null when
// the event meets it, or a Refusal naming the rule, the field at fault and, in a recruiter's
// words, what the standard requires. The same function is the machine's guard (through
// `meetsStandard`, see standardise.ts) and the refusal's explanation (`refusalOf`), so the
// message can never drift from the rule that was applied.
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { JourneyContext } from './types.js';

export interface Refusal {
  /** A stable name for the rule, e.g. `identity.documentCombination`. */
  rule: string;
  /** The payload field at fault (dot path), when one is. */
  field?: string;
  /** What the rule requires, in plain words, said to the person who sent the event. */
  detail: string;
}

export interface RuleEvent { type: string; at: string; [field: string]: unknown }
export type Rule = (context: JourneyContext, event: RuleEvent) => Refusal | null;

export const refuse = (rule: string, detail: string, field?: string): Refusal => ({ rule, detail, ...(field ? { field } : {}) });

export function firstRefusal(rules: readonly Rule[], context: JourneyContext, event: RuleEvent): Refusal | null {
  for (const rule of rules) {
    const refusal = rule(context, event);
    if (refusal) return refusal;
  }
  return null;
}

type GuardArgs = { context: JourneyContext; event: RuleEvent };
/** A guard that can say why it refuses: `explain` returns the Refusal when the guard is false. */
export type ExplainedGuard<P = undefined> = ((args: GuardArgs, params: P) => boolean) & { explain: (args: GuardArgs, params: P) => Refusal | null };

/**
 * A named guard made of rules: true when `check` returns null; `explain` gives its Refusal. A
 * check may return `false` for "not this transition" (a branch not taken), which explains nothing.
 */
export function ruleGuard<P = undefined>(check: (args: GuardArgs, params: P) => Refusal | null | false): ExplainedGuard<P> {
  const guard = ((args: GuardArgs, params: P) => check(args, params) === null) as ExplainedGuard<P>;
  guard.explain = (args, params) => check(args, params) || null;
  return guard;
}

type GuardRef = string | { type: string; params?: unknown };

/**
 * Why the machine refuses `event` now, from the guards of the transitions the active states have
 * for it (deepest state first, as the machine itself chooses). Undefined when no guard can say
 * (the event does not belong to this step, or a guard without an explanation refused it).
 */
export function refusalOf(snapshot: AnyMachineSnapshot, event: RuleEvent): Refusal | undefined {
  const machine = snapshot.machine as AnyStateMachine;
  const guards = (machine.implementations.guards ?? {}) as Record<string, Partial<ExplainedGuard<unknown>>>;
  const args = { context: snapshot.context as JourneyContext, event };
  const nodes = [...snapshot._nodes].sort((a, b) => b.path.length - a.path.length);
  for (const node of nodes) {
    for (const transition of node.transitions.get(event.type) ?? []) {
      const ref = transition.guard as GuardRef | undefined;
      if (!ref || typeof ref === 'function') continue;
      const { type, params } = typeof ref === 'string' ? { type: ref, params: undefined } : ref;
      const refusal = guards[type]?.explain?.(args, params);
      if (refusal) return refusal;
    }
  }
  return undefined;
}
