// Holds every transition of a machine to the standard of its event, in one place rather than on
// each transition by hand: `standardise(config)` gives every event transition the guard
// `meetsStandard` (the event's rules from standards/, after the transition's own guard, which it
// keeps as `own`) and the action `recordWhen` (the day it happened, into context.when). A
// transition added later is covered without anyone remembering to.
import type { Policy } from './policy.js';
import { type ExplainedGuard, type Refusal, type RuleEvent, firstRefusal } from './refusal.js';
import { eventRules } from './standards/index.js';
import type { JourneyContext, StateConfig } from './types.js';

type GuardRef = string | { type: string; params?: unknown };
// Guards of any params: `own` passes each its own params from the machine config.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GuardFn = ((args: { context: JourneyContext; event: RuleEvent }, params: any) => boolean) & { explain?: (args: { context: JourneyContext; event: RuleEvent }, params: any) => Refusal | null };

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function wrap(transition: unknown): unknown {
  if (Array.isArray(transition)) return transition.map(wrap);
  const t: StateConfig = typeof transition === 'string' ? { target: transition } : { ...(transition as StateConfig) };
  return {
    ...t,
    guard: t.guard ? { type: 'meetsStandard', params: { own: t.guard } } : { type: 'meetsStandard' },
    actions: ['recordWhen', ...asArray(t.actions)],
  };
}

/** The machine config with every event transition (not timers or eventless ones) standardised. */
export function standardise<T extends StateConfig>(config: T): T {
  const out: StateConfig = { ...config };
  if (config.on) {
    out.on = Object.fromEntries(Object.entries(config.on as StateConfig).map(([type, t]) => [type, type.startsWith('xstate.') ? t : wrap(t)]));
  }
  if (config.states) {
    out.states = Object.fromEntries(Object.entries(config.states as StateConfig).map(([key, s]) => [key, standardise(s as StateConfig)]));
  }
  return out as T;
}

/** A failed branch condition (an `own` guard that cannot explain itself): not a rule broken. */
const BRANCH: Refusal = { rule: 'branch', detail: '' };

/**
 * The guard `meetsStandard`, over a machine's own guards: the transition's own guard (`own`)
 * first — it says whether the event belongs here now — then every rule of the event.
 */
export function meetsStandard(policy: Policy, guards: { [name: string]: GuardFn }): ExplainedGuard<{ own?: GuardRef } | undefined> {
  const rules = eventRules(policy);
  const check = (args: { context: JourneyContext; event: RuleEvent }, params: { own?: GuardRef } | undefined): Refusal | null => {
    if (params?.own) {
      const { type, params: own } = typeof params.own === 'string' ? { type: params.own, params: undefined } : params.own;
      const guard = guards[type];
      if (!guard) throw new Error(`meetsStandard: no guard named ${type}`);
      if (!guard(args, own)) return guard.explain?.(args, own) ?? BRANCH;
    }
    return firstRefusal(rules[args.event.type] ?? [], args.context, args.event);
  };
  const guard = ((args: { context: JourneyContext; event: RuleEvent }, params: { own?: GuardRef } | undefined) => check(args, params) === null) as ExplainedGuard<{ own?: GuardRef } | undefined>;
  guard.explain = (args, params) => {
    const refusal = check(args, params);
    return refusal === BRANCH ? null : refusal;
  };
  return guard;
}
