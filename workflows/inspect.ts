// Reads a journey snapshot the way people need it: the applicant's plain-words status, the board
// stage, the checks with their owners, and which events may happen now (from the machine itself,
// so no page or route hard-codes what comes next).
import { type AnyMachineSnapshot, type AnyStateMachine, getNextTransitions } from 'xstate';
import { z } from 'zod';
import { eventCatalog } from './events/index.js';
import { pureTransition } from './transition.js';
import type { CheckName, CheckStatus, EventIntent, JourneyContext, JourneyStatus, Owner, StateMeta } from './types.js';
import { withOccurredOn } from './when.js';

export interface ApplicantStatus { title: string; detail: string; owner: Owner }
export interface CheckView { name: CheckName; status: CheckStatus; owner: Owner; title: string; detail: string }
export interface AllowedEvent { type: string; label: string; intent: EventIntent; schema: unknown; example: Record<string, unknown> }

interface ActiveNode { id: string; path: string; depth: number; meta: StateMeta; atomic: boolean; parallelParent: boolean }

// A snapshot is immutable and is read several times per request (stage, status, owner, checks,
// the email's copy): its active nodes are worked out once.
const activeNodesOf = new WeakMap<AnyMachineSnapshot, ActiveNode[]>();

function activeNodes(snapshot: AnyMachineSnapshot): ActiveNode[] {
  let nodes = activeNodesOf.get(snapshot);
  if (!nodes) {
    nodes = findActiveNodes(snapshot);
    activeNodesOf.set(snapshot, nodes);
  }
  return nodes;
}

function findActiveNodes(snapshot: AnyMachineSnapshot): ActiveNode[] {
  const metas = snapshot.getMeta() as Record<string, StateMeta | undefined>;
  const machine = snapshot.machine as AnyStateMachine;
  const nodes: ActiveNode[] = [];
  for (const [id, meta] of Object.entries(metas)) {
    if (!meta) continue;
    const node = machine.getStateNodeById(id);
    // Depth from the node's path, not its id: custom ids carry no dots.
    nodes.push({ id, path: node.path.join('.'), depth: node.path.length, meta, atomic: node.type === 'atomic' || node.type === 'final', parallelParent: node.parent?.type === 'parallel' });
  }
  return nodes;
}

/** The deepest active state of each check region. */
export function checksOf(snapshot: AnyMachineSnapshot): CheckView[] {
  const best = new Map<CheckName, ActiveNode>();
  for (const n of activeNodes(snapshot)) {
    const check = n.meta.check;
    if (!check) continue;
    const prev = best.get(check);
    if (!prev || n.depth > prev.depth) best.set(check, n);
  }
  return [...best.entries()].map(([name, n]) => ({
    name, status: n.meta.checkStatus ?? 'in_progress', owner: n.meta.owner, title: n.meta.title, detail: n.meta.detail,
  }));
}

const ownerPriority: Owner[] = ['candidate', 'recruiter', 'coordinator', 'third_party', 'none'];

/** Plain-words status from state meta: the deepest state, or for parallel work, who acts first. */
export function applicantStatusOf(snapshot: AnyMachineSnapshot): ApplicantStatus {
  const nodes = activeNodes(snapshot);
  const leaves = nodes.filter((n) => n.atomic && !nodes.some((o) => o.depth > n.depth && o.path.startsWith(`${n.path}.`)));
  if (leaves.length === 1) {
    const { title, detail, owner } = leaves[0]!.meta;
    return { title, detail, owner };
  }
  // Parallel work: headline from the outermost state, detail from whoever must act first.
  const top = nodes.reduce((a, b) => (b.depth < a.depth ? b : a));
  const open = leaves.filter((l) => l.meta.owner !== 'none');
  const owner = ownerPriority.find((o) => open.some((l) => l.meta.owner === o)) ?? 'none';
  const mine = open.filter((l) => l.meta.owner === owner);
  const detail = owner === 'none'
    ? top.meta.detail
    : mine.map((l) => (l.meta.check ? `${l.meta.title}: ${l.meta.detail}` : l.meta.detail)).join(' ');
  return { title: top.meta.title, detail, owner };
}

/** Board column: the `stage` of the outermost active state (final states carry their own). */
export function stageOf(snapshot: AnyMachineSnapshot): string {
  const nodes = activeNodes(snapshot).filter((n) => n.meta.stage).sort((a, b) => a.depth - b.depth);
  return nodes[0]?.meta.stage ?? 'unknown';
}

export function statusOf(snapshot: AnyMachineSnapshot): JourneyStatus {
  if (snapshot.status !== 'done') return 'in_progress';
  return activeNodes(snapshot).find((n) => n.meta.status)?.meta.status ?? 'closed';
}

/** `offer.offered`, or `checks` for a parallel state (its regions are reported as checks). */
export function flatState(snapshot: AnyMachineSnapshot): string {
  const walk = (value: unknown, node: { states: Record<string, { type: string; states: Record<string, unknown> }> }): string => {
    if (typeof value === 'string') return value;
    const [key, inner] = Object.entries(value as Record<string, unknown>)[0]!;
    const child = node.states[key]!;
    return child.type === 'parallel' ? key : `${key}.${walk(inner, child as never)}`;
  };
  return walk(snapshot.value, (snapshot.machine as AnyStateMachine).root as never);
}

const schemaCache = new Map<string, unknown>();
export function jsonSchemaOf(type: string): unknown {
  if (!schemaCache.has(type)) {
    const spec = eventCatalog[type];
    schemaCache.set(type, spec ? z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) : {});
  }
  return schemaCache.get(type);
}

/**
 * Event types the active states listen for, timers and eventless transitions excluded. The step's
 * own events come first, those allowed at any step (exits, training, re-checks) after them.
 */
export function candidateEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  const types = getNextTransitions(snapshot)
    .map((t, i) => ({ type: t.eventType, depth: t.source.path.length, i }))
    .sort((a, b) => b.depth - a.depth || a.i - b.i)
    .map((t) => t.type);
  return [...new Set(types)].filter((t) => t && !t.startsWith('xstate.') && t !== '*');
}

/**
 * An event as stored and as the machine sees it: the payload gets today's date for `occurredOn`
 * when the event carries one and it was left out; the machine's event is stamped with the time
 * and (for rules such as a waiver's four eyes) who sent it.
 */
export function machineEvent(type: string, data: Record<string, unknown>, at: string, actor?: { type: string; id: string | null }) {
  const spec = Object.hasOwn(eventCatalog, type) ? eventCatalog[type] : undefined;
  const payload = spec ? withOccurredOn('occurredOn' in spec.schema.shape, data, at) : data;
  return { payload, event: { type, ...payload, at, ...(actor ? { actor: { type: actor.type, id: actor.id } } : {}) } };
}

/** The events that may happen now, each with a payload example that the machine accepts now. */
export function allowedEvents(snapshot: AnyMachineSnapshot, at: string, only?: EventIntent): AllowedEvent[] {
  const out: AllowedEvent[] = [];
  for (const type of candidateEventTypes(snapshot)) {
    const spec = eventCatalog[type];
    if (!spec || (only && spec.intent !== only)) continue;
    const example = spec.example(snapshot.context as JourneyContext, at);
    const parsed = spec.schema.safeParse(example);
    if (!parsed.success) continue;
    if (!snapshot.can(machineEvent(type, parsed.data as Record<string, unknown>, at).event)) continue;
    out.push({ type, label: spec.label, intent: spec.intent, schema: jsonSchemaOf(type), example });
    if (only) break;
  }
  return out;
}

/** The first `advance` event allowed now (the path if all goes well), without building the rest. */
export const firstAdvance = (snapshot: AnyMachineSnapshot, at: string): AllowedEvent | undefined => allowedEvents(snapshot, at, 'advance')[0];

/** The board columns of a machine, in the order its top-level states define them. */
export function stageOrder(machine: AnyStateMachine): string[] {
  const stages: string[] = [];
  for (const node of Object.values(machine.root.states) as { type: string; meta?: StateMeta }[]) {
    const stage = node.meta?.stage;
    if (stage && node.type !== 'final' && !stages.includes(stage)) stages.push(stage);
  }
  return stages;
}

/**
 * The stages still ahead of this journey on its own route: a walk forward from the current
 * snapshot taking the first `advance` event each time (letting days pass when a step must wait),
 * as the journey would go if all went well. Used for the applicant's step tracker.
 */
export function stagesAhead(snapshot: AnyMachineSnapshot, at: string, maxSteps = 300): string[] {
  const stages: string[] = [];
  let current = snapshot;
  let when = Date.parse(at);
  for (let i = 0; i < maxSteps && current.status === 'active'; i++) {
    when += 60 * 60 * 1000;
    let next = firstAdvance(current, new Date(when).toISOString());
    // A step that must wait (an interview's day, the hours a trainee must work) is tried a day
    // later for two weeks, then a week later, for up to a year.
    for (let d = 0; d < 14 + 50 && !next; d++) {
      when += (d < 14 ? 1 : 7) * 24 * 60 * 60 * 1000;
      next = firstAdvance(current, new Date(when).toISOString());
    }
    if (!next) break;
    current = transitionOf(current, machineEvent(next.type, next.example, new Date(when).toISOString()).event);
    const stage = stageOf(current);
    if (stages.at(-1) !== stage) stages.push(stage);
  }
  return stages;
}

function transitionOf(snapshot: AnyMachineSnapshot, event: { type: string; at: string }): AnyMachineSnapshot {
  return pureTransition(snapshot.machine as AnyStateMachine, snapshot, event)[0];
}
