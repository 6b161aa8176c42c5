// Describes a machine from its own definition: its states, its transitions and a Mermaid
// diagram. docs/journeys.md is generated from this, so they cannot drift from the code.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { StateMeta } from './types.js';

export interface StateDescription { id: string; type: string; title: string; owner: string; stage?: string; status?: string }
export interface TransitionDescription { from: string; event: string; to: string[]; guard?: string }

const pathId = (node: AnyStateNode) => node.path.join('.') || '(root)';
const mermaidId = (node: AnyStateNode) => node.path.join('_') || 'root';

function eventLabel(eventType: string): string {
  const timer = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (timer) return `after ${timer[1]}`;
  return eventType === '' ? '(automatic)' : eventType;
}

function walk(node: AnyStateNode, visit: (n: AnyStateNode) => void) {
  visit(node);
  for (const child of Object.values(node.states) as AnyStateNode[]) walk(child, visit);
}

/**
 * The guard a transition names. Every event transition is held to its event's standard by
 * `meetsStandard` (standardise.ts), which keeps the transition's own guard as `own`: that is the
 * one shown, as the standards are listed per event in the README rather than on every arrow.
 */
function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  const { type, params } = guard as { type?: string; params?: { own?: unknown } };
  if (type === 'meetsStandard') return guardName(params?.own);
  return type ?? 'guard';
}

function transitionsOf(node: AnyStateNode): TransitionDescription[] {
  const out: TransitionDescription[] = [];
  const defs = [...node.transitions.values()].flat().concat(node.always ?? []);
  for (const t of defs) {
    const guard = guardName(t.guard);
    out.push({ from: pathId(node), event: eventLabel(t.eventType), to: (t.target ?? []).map(pathId), ...(guard ? { guard } : {}) });
  }
  return out;
}

export function describeMachine(machine: AnyStateMachine) {
  const states: StateDescription[] = [];
  const transitions: TransitionDescription[] = [];
  walk(machine.root, (n) => {
    if (n !== machine.root) {
      const meta = (n.meta ?? {}) as Partial<StateMeta>;
      states.push({ id: pathId(n), type: n.type, title: meta.title ?? n.key, owner: meta.owner ?? 'none', ...(meta.stage ? { stage: meta.stage } : {}), ...(meta.status ? { status: meta.status } : {}) });
    }
    transitions.push(...transitionsOf(n));
  });
  return { id: machine.id, states, transitions, mermaid: toMermaid(machine) };
}

/** stateDiagram-v2, nested states drawn inside their parents; the root's exits become a note. */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2', '  direction TB'];
  const edges: string[] = [];
  const body = (node: AnyStateNode, indent: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (node.type !== 'parallel' && node.initial?.target?.[0]) lines.push(`${indent}[*] --> ${mermaidId(node.initial.target[0] as AnyStateNode)}`);
    children.forEach((child, i) => {
      const title = ((child.meta ?? {}) as Partial<StateMeta>).title ?? child.key;
      lines.push(`${indent}state "${title.replace(/"/g, "'")}" as ${mermaidId(child)}`);
      if (Object.keys(child.states).length > 0) {
        lines.push(`${indent}state ${mermaidId(child)} {`);
        body(child, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (child.type === 'final') lines.push(`${indent}${mermaidId(child)} --> [*]`);
      if (node.type === 'parallel' && i < children.length - 1) lines.push(`${indent}--`);
    });
  };
  body(machine.root, '  ');
  walk(machine.root, (n) => {
    if (n === machine.root) return;
    for (const t of transitionsOf(n)) {
      for (const to of t.to) {
        if (to === t.from && t.event.startsWith('after')) continue;
        edges.push(`  ${mermaidId(n)} --> ${to.replace(/\./g, '_')} : ${t.event}${t.guard ? ` [${t.guard}]` : ''}`);
      }
    }
  });
  const exits = transitionsOf(machine.root).map((t) => t.event).join(', ');
  if (exits) lines.push(`  note right of ${mermaidId(machine.root.initial!.target[0] as AnyStateNode)} : from any state that is not final: ${exits}`);
  return [...lines, ...edges].join('\n');
}
