// Model-based checks of every journey machine: every state can be reached through events the API
// would offer, every state has a way out, every name the config uses is implemented, and every
// state says in plain words who must act.
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, getNextTransitions } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { eventCatalog } from '../../workflows/events/index.js';
import { buildMachines } from '../../workflows/index.js';
import { allowedEvents, candidateEventTypes } from '../../workflows/inspect.js';
import { DAY_MS, defaultPolicy } from '../../workflows/policy.js';
import type { JourneyContext, Profession, Programme, StateMeta } from '../../workflows/types.js';

const machines = buildMachines();
const programmes = Object.keys(machines) as Programme[];
const START = '2026-01-05T09:00:00.000Z';

/** One profession per route a machine distinguishes: registered (NMC, HCPC, GMC) and unregistered. */
const professionsFor: Record<Programme, Profession[]> = {
  domestic: ['registered_nurse', 'physiotherapist', 'healthcare_assistant', 'non_clinical'],
  hcswd: ['healthcare_assistant'],
  international: ['registered_nurse', 'physiotherapist', 'doctor'],
};

function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => stateNodes(child as AnyStateNode))];
}
const within = (node: AnyStateNode, ancestor: AnyStateNode) => node === ancestor || isDescendant(node, ancestor);
function isDescendant(node: AnyStateNode, ancestor: AnyStateNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// (a) reachability

type Event = { type: string; at: string; [field: string]: unknown };

/**
 * The journey's own clock: eleven days after the latest thing that happened on it. Every step
 * moves time on past the minimum gap between exam attempts, so resits and third attempts are
 * reachable, while event examples (dated relative to `at`) stay valid. When the journey waits for
 * a day it has booked (an interview, the end of an induction, a flight, a shift) or for a
 * trainee's hours, the clock is at least the day after it.
 */
function clockOf(snapshot: AnyMachineSnapshot): string {
  const c = snapshot.context as JourneyContext;
  const happened = [c.startedAt, ...Object.values(c.when ?? {}), ...c.cbtAttempts.map((a) => a.date), ...c.osceAttempts.map((a) => a.date)];
  const latest = Math.max(...happened.map((d) => Date.parse(d)));
  const end = (b?: { startDate: string; days: number }) => (b ? Date.parse(b.startDate) + (b.days - 1) * DAY_MS : 0);
  const waitingFor = [
    c.interview ? Date.parse(c.interview.at) : 0, end(c.induction), end(c.supervisedPractice),
    c.flightDate ? Date.parse(c.flightDate) : 0, c.firstShift ? Date.parse(c.firstShift.date) : 0, c.osceBooking ? Date.parse(c.osceBooking.date) : 0,
    c.traineeship ? Date.parse(c.traineeship.startedAt) + Math.ceil(c.traineeship.hoursRequired / defaultPolicy.hcswdMaxWeeklyHours) * 7 * DAY_MS : 0,
  ];
  return new Date(Math.max(latest + (defaultPolicy.minDaysBetweenAttempts + 1) * DAY_MS, ...waitingFor.map((d) => d + DAY_MS))).toISOString();
}

/** Context that records when things happened: dates, not behaviour (see clockOf). */
const datesOnly = new Set(['when', 'trainingCompletedOn', 'readyAt']);

/**
 * Snapshots that differ only in dates, names or free text behave the same: the key keeps the
 * state value and the shape of the context (counts of lists, which optional facts are present,
 * failed attempts). Finished journeys take no events, so their value is enough.
 */
function coverageKey(snapshot: AnyMachineSnapshot): string {
  if (snapshot.status !== 'active') return JSON.stringify(snapshot.value);
  const shape: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(snapshot.context as Record<string, unknown>)) {
    if (datesOnly.has(field)) continue;
    if (Array.isArray(v)) shape[field] = field.endsWith('Attempts') ? [v.filter((a) => !a.passed).length, v.some((a) => a.passed)] : v.length;
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) shape[field] = 'date';
    else if (v !== null && typeof v === 'object') shape[field] = Object.keys(v).sort();
    else shape[field] = v;
  }
  return JSON.stringify([snapshot.value, shape]);
}

/**
 * Payloads that are not catalog examples but open a path: the substantive route (checks not
 * required) is chosen at screening with `substantive: true`.
 */
const variants: Record<string, Record<string, unknown>[]> = {
  screeningPassed: [{ careExperienceMonths: 12, substantive: true }],
};

/**
 * Partial-order reduction: the check regions of a parallel state are independent (DBS waits for
 * identity through context, not through the region's state), so only the first region that has
 * not finished moves. `order` picks document order or its reverse: a region's final state is
 * visible only when it is not the last region to finish, so each order shows the other's last.
 */
function frozenRegions(snapshot: AnyMachineSnapshot, order: 'document' | 'reversed'): AnyStateNode[] {
  const frozen: AnyStateNode[] = [];
  for (const node of snapshot._nodes) {
    if (node.type !== 'parallel') continue;
    const regions = Object.values(node.states) as AnyStateNode[];
    if (order === 'reversed') regions.reverse();
    const finished = (r: AnyStateNode) => snapshot._nodes.some((n) => n.parent === r && n.type === 'final');
    const focus = regions.find((r) => !finished(r));
    frozen.push(...regions.filter((r) => r !== focus));
  }
  return frozen;
}

/**
 * The events a user could send now: the examples of `allowedEvents` (exits included), the
 * catalog example of every event type the active states listen for (refused ones simply leave
 * the snapshot as it was), the deliberate variants, and every pending `after` timer.
 */
function eventsFor(order: 'document' | 'reversed') {
  return (snapshot: AnyMachineSnapshot): Event[] => {
    if (snapshot.status !== 'active') return [];
    const at = clockOf(snapshot);
    const frozen = frozenRegions(snapshot, order);
    // Training recorded at any step (international, HCSWD) changes no state but multiplies the
    // snapshots by its 13 counts: explored where a state takes it itself (domestic training).
    // Interview times offered (issue 15) change only the context, and the time chosen leads where
    // scheduling the interview does: exploring them would double every later snapshot.
    const next = getNextTransitions(snapshot).filter((t) => !frozen.some((r) => within(t.source, r))
      && !(t.source === snapshot.machine.root && t.eventType === 'trainingModuleCompleted')
      && t.eventType !== 'interviewSlotsOffered');
    const open = new Set(next.map((t) => t.eventType));
    const events: Event[] = allowedEvents(snapshot, at).map((e) => ({ type: e.type, ...e.example, at }));
    for (const type of candidateEventTypes(snapshot)) {
      const spec = eventCatalog[type];
      if (!spec) continue;
      const example = spec.example(snapshot.context as JourneyContext, at);
      for (const payload of [example, ...(variants[type] ?? [])]) {
        const parsed = spec.schema.safeParse({ ...example, ...payload });
        if (parsed.success) events.push({ type, ...(parsed.data as Record<string, unknown>), at });
      }
    }
    for (const type of open) if (type.startsWith('xstate.after.')) events.push({ type, at });
    // The same event twice (an allowed event's example is also its catalog example) explores nothing new.
    const seen = new Set<string>();
    return events.filter((e) => open.has(e.type) && !seen.has(JSON.stringify(e)) && seen.add(JSON.stringify(e)));
  };
}

interface Reach { reached: Set<string>; snapshots: number }

function explore(programme: Programme): Reach {
  const machine = machines[programme];
  const reached = new Set<string>();
  let snapshots = 0;
  for (const profession of professionsFor[programme]) {
    for (const order of ['document', 'reversed'] as const) {
      const paths = getShortestPaths(machine, {
        input: { programme, profession, at: START },
        events: eventsFor(order) as never,
        serializeState: (s) => coverageKey(s as AnyMachineSnapshot),
        limit: 60_000, // throws rather than running away: the reduced space is a few thousand
      });
      snapshots += paths.length;
      for (const path of paths) for (const node of (path.state as AnyMachineSnapshot)._nodes) reached.add(node.id);
    }
  }
  return { reached, snapshots };
}

describe.each(programmes)('the %s machine', (programme) => {
  const machine: AnyStateMachine = machines[programme];
  const nodes = stateNodes(machine.root);

  it('reaches every state node through allowed events and timers', () => {
    const started = Date.now();
    const { reached, snapshots } = explore(programme);
    const unreached = nodes.map((n) => n.id).filter((id) => !reached.has(id)).sort();
    expect(unreached, `unreachable in ${programme} (${snapshots} snapshots explored)`).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  // -------------------------------------------------------------------------------------------
  // (b) ways out

  /** Targeted transitions that leave `node`: its own, its ancestors' (root exits too) and its descendants'. */
  function waysOut(node: AnyStateNode, { includeRootExits }: { includeRootExits: boolean }): string[] {
    const candidates: AnyStateNode[] = [];
    for (let p: AnyStateNode | undefined = node; p; p = p.parent) candidates.push(p);
    candidates.push(...stateNodes(node).slice(1));
    const out: string[] = [];
    for (const source of candidates) {
      const transitions = [...source.transitions.values()].flat().concat(source.always ?? []);
      for (const t of transitions) {
        // An ancestor's onDone needs this state's region to finish first: not a way out of it.
        if (source !== node && !isDescendant(source, node) && t.eventType.startsWith('xstate.done.state.')) continue;
        if (!includeRootExits && source === machine.root && (t.eventType === 'withdrawn' || t.eventType === 'rejected')) continue;
        if ((t.target ?? []).some((target: AnyStateNode) => !within(target, node))) out.push(`${source.id}: ${t.eventType || 'always'}`);
      }
    }
    // A region of a parallel state leaves by finishing, when the parallel state moves on.
    const parallel = node.parent?.type === 'parallel' ? node.parent : undefined;
    const finishes = Object.values(node.states).some((c) => (c as AnyStateNode).type === 'final');
    if (parallel && finishes && parallel.transitions.has(`xstate.done.state.${parallel.id}`)) out.push(`${parallel.id}: onDone`);
    return out;
  }

  it('gives every state that is not final a way out (withdraw and reject count)', () => {
    const stuck = nodes.filter((n) => n !== machine.root && n.type !== 'final' && waysOut(n, { includeRootExits: true }).length === 0);
    expect(stuck.map((n) => n.id)).toEqual([]);
  });

  it('lets a final state end the journey or complete a parent that moves on', () => {
    // A final state below the root only ends its parent; the journey moves on (or ends) only if
    // that parent, or the parallel state whose region it is, has an onDone transition.
    const completes = (parent: AnyStateNode) => parent.transitions.has(`xstate.done.state.${parent.id}`);
    const deadEnds = nodes.filter((n) => n.type === 'final' && n.parent !== machine.root).filter((n) => {
      const parent = n.parent!;
      if (completes(parent)) return false;
      return !(parent.parent?.type === 'parallel' && completes(parent.parent));
    });
    expect(deadEnds.map((n) => n.id)).toEqual([]);
  });

  it('has no state whose only way out is withdrawal or rejection, apart from failed checks', () => {
    // A failed check (other than references, which may be waived) is a recruiter's decision:
    // the journey waits for them to reject or the candidate to withdraw. Nothing else may.
    const onlyExits = nodes
      .filter((n) => n !== machine.root && n.type !== 'final' && waysOut(n, { includeRootExits: false }).length === 0)
      .map((n) => n.id);
    const failedCheck = (id: string) => /\.(identity|rightToWork|registration|dbs|workHealth)\.failed$/.test(id);
    expect(onlyExits.filter((id) => !failedCheck(id))).toEqual([]);
  });

  // -------------------------------------------------------------------------------------------
  // (c) named implementations

  it('implements every guard, action and delay its config names', () => {
    const missing: string[] = [];
    const inline: string[] = [];
    const impl = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown> };
    const need = (kind: 'guards' | 'actions' | 'delays', name: string, where: string) => {
      if (name.startsWith('xstate.')) return;
      if (!(name in impl[kind])) missing.push(`${kind.slice(0, -1)} "${name}" (${where})`);
    };
    const visitGuard = (guard: unknown, where: string) => {
      if (guard === undefined) return;
      if (typeof guard === 'string') need('guards', guard, where);
      else if (typeof guard === 'object' && guard !== null && 'type' in guard) need('guards', String(guard.type), where);
      else inline.push(`guard (${where})`);
    };
    const visitActions = (actions: unknown, where: string) => {
      for (const a of [actions].flat()) {
        if (a === undefined) continue;
        if (typeof a === 'string') need('actions', a, where);
        else if (typeof a === 'object' && a !== null && 'type' in a) need('actions', String(a.type), where);
        else inline.push(`action (${where})`);
      }
    };
    const visitTransitions = (config: unknown, where: string) => {
      for (const t of [config].flat()) {
        if (t === undefined || typeof t === 'string') continue;
        const { guard, actions } = t as { guard?: unknown; actions?: unknown };
        visitGuard(guard, where);
        visitActions(actions, where);
      }
    };
    for (const node of nodes) {
      const config = node.config as Record<string, unknown> & { on?: Record<string, unknown>; after?: Record<string, unknown> };
      for (const [event, t] of Object.entries(config.on ?? {})) visitTransitions(t, `${node.id} on ${event}`);
      for (const [delay, t] of Object.entries(config.after ?? {})) {
        if (!/^\d+$/.test(delay)) need('delays', delay, `${node.id} after`);
        visitTransitions(t, `${node.id} after ${delay}`);
      }
      visitTransitions(config.always, `${node.id} always`);
      visitTransitions(config.onDone, `${node.id} onDone`);
      visitActions(config.entry, `${node.id} entry`);
      visitActions(config.exit, `${node.id} exit`);
    }
    expect(missing).toEqual([]);
    expect(inline, 'inline lambdas in the config (name them in setup instead)').toEqual([]);
  });

  // -------------------------------------------------------------------------------------------
  // (d) meta

  it('gives every state node meta with a title, a detail and an owner', () => {
    const owners = ['candidate', 'recruiter', 'coordinator', 'third_party', 'none'];
    const bad = nodes.filter((n) => n !== machine.root).filter((n) => {
      const meta = n.meta as Partial<StateMeta> | undefined;
      return !meta || !meta.title?.trim() || !meta.detail?.trim() || !owners.includes(meta.owner ?? '');
    });
    expect(bad.map((n) => n.id)).toEqual([]);
  });
});
