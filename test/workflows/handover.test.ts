// A hand-over to another programme (`startProgramme`) ends the journey it leaves, as `closed`.
// The pipeline counts rely on it: only a closed journey can have been superseded, so only closed
// journeys are checked against the candidate's current journey (src/services/pipeline/counts.ts).
import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildMachines, programmes } from '../../workflows/index.js';

const machines = buildMachines();

const actionTypes = (actions: unknown): string[] => (Array.isArray(actions) ? actions : [])
  .map((a) => (typeof a === 'string' ? a : (a as { type?: unknown })?.type))
  .filter((t): t is string => typeof t === 'string');

function nodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(nodes)];
}

describe('hand-over to another programme', () => {
  for (const programme of programmes) {
    it(`ends the ${programme} journey as closed whenever it starts another programme`, () => {
      for (const node of nodes(machines[programme].root)) {
        expect(actionTypes(node.entry), `${node.id} starts a programme on entry`).not.toContain('startProgramme');
        const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
        for (const t of transitions) {
          if (!actionTypes(t.actions).includes('startProgramme')) continue;
          expect(t.target?.length, `${node.id} on ${t.eventType}`).toBeGreaterThan(0);
          for (const target of t.target ?? []) {
            expect(target.type, `${target.id} is final`).toBe('final');
            expect(target.parent, `${target.id} ends the journey`).toBe(machines[programme].root);
            expect((target.meta as { status?: string } | undefined)?.status, `${target.id} status`).toBe('closed');
          }
        }
      }
    });
  }

  it('is used by the domestic machine (the redirect to HCSWD), so the check above is not vacuous', () => {
    const found = nodes(machines.domestic.root).flatMap((n) => [...n.transitions.values()].flat().concat(n.always ?? []))
      .filter((t) => actionTypes(t.actions).includes('startProgramme'));
    expect(found.length).toBeGreaterThan(0);
  });
});
