import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildMachines } from '../../workflows/index.js';
import { initialContext } from '../../workflows/common.js';
import { findTemplate, type Recipient } from '../../src/email/templates/index.js';
import { renderHtml, renderText } from '../../src/email/layout.js';
import { defaultPolicy } from '../../workflows/policy.js';

/** Every `email` action any machine can run, as template + recipient. */
function emailActions(): { machine: string; template: string; to: Recipient }[] {
  const found: { machine: string; template: string; to: Recipient }[] = [];
  for (const [name, machine] of Object.entries(buildMachines())) {
    const visit = (node: AnyStateNode) => {
      const actions = [
        ...node.entry, ...node.exit,
        ...[...node.transitions.values()].flat().flatMap((t) => t.actions),
        ...(node.always ?? []).flatMap((t) => t.actions),
      ] as unknown[];
      for (const a of actions) {
        const action = a as { type?: string; params?: { template: string; to: Recipient } };
        if (action?.type === 'email' && action.params) found.push({ machine: name, ...action.params });
      }
      for (const child of Object.values(node.states)) visit(child as AnyStateNode);
    };
    visit(machine.root);
  }
  return found;
}

describe('email templates', () => {
  const all = emailActions();

  it('finds the machines’ email actions', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((a) => [`${a.machine}: ${a.template} → ${a.to}`, a] as const))('has a template that renders for %s', (_, a) => {
    const template = findTemplate(a.template, a.to);
    expect(template, `missing template ${a.template} for ${a.to}`).toBeDefined();
    const context = initialContext({ input: { programme: a.machine as 'domestic', profession: 'registered_nurse', at: '2026-03-02T09:00:00Z' } });
    const content = template!({
      candidate: { id: 'c1', fullName: 'Grace Okafor', email: 'grace@example.com', programme: a.machine, profession: 'registered_nurse' },
      context, status: { title: 'Next', detail: 'We will be in touch.', owner: 'recruiter' }, checks: [], policy: defaultPolicy,
      now: new Date('2026-03-02T09:00:00Z'), organizer: { name: 'NHS Staff Bank', email: 'bank.recruitment@example.nhs.uk' },
      links: { portal: 'http://x/portal', candidate: 'http://x/candidates/c1', reference: 'http://x/references/t' },
      referee: { name: 'Amelia Hughes', email: 'a@example.org', organisation: 'Leeds', relationship: 'line_manager' },
    });
    expect(content.subject.length).toBeGreaterThan(5);
    expect(renderText(content)).toContain(content.paragraphs[0]);
    expect(renderHtml(content)).toMatch(/^<!doctype html>/);
  });
});
