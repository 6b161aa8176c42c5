// Helpers for driving the candidate record in a browser: open an action's form by its name,
// type into it, submit, and check what every staff page must hold (no value filled in, no JSON,
// no state id or internal key).
import type { Locator, Page } from 'playwright-core';
import type { AnyStateMachine } from 'xstate';
import { expect } from 'vitest';
import { eventCatalog } from '../../workflows/events/index.js';
import type { E2E } from './support.js';

/** Opens the action called `label` (within `scope`), lets `fill` type into it, submits it. */
export async function submitAction(page: Page, label: string, fill?: (form: Locator) => Promise<void>, scope?: Locator, expectError = false) {
  const root = scope ?? page.locator('main');
  const details = root.locator('details.event').filter({ has: page.locator('summary', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }) }).first();
  // An action that needs nothing typed is a button on its own.
  const button = root.locator('form.inline').getByRole('button', { name: label, exact: true });
  if (!fill && (await details.count()) === 0 && (await button.count()) > 0) {
    await Promise.all([page.waitForEvent('load'), button.first().click()]);
    const alerts = await page.locator('[role=alert]').allTextContents();
    if (!expectError) expect(alerts, `after "${label}"`).toEqual([]);
    return alerts;
  }
  await expect.poll(() => details.count(), { message: `action "${label}" on the page` }).toBe(1);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const form = details.locator('form');
  if (fill) await fill(form);
  await Promise.all([page.waitForEvent('load'), form.locator('button[type=submit]').click()]);
  const alerts = await page.locator('[role=alert]').allTextContents();
  if (!expectError) expect(alerts, `after "${label}"`).toEqual([]);
  return alerts;
}

/** Every form field a staff page offers starts empty: no value, nothing ticked, nothing chosen. */
export async function expectNothingFilledIn(page: Page) {
  const filled = await page.locator('main form').evaluateAll((forms) => forms.flatMap((f) => [...f.querySelectorAll('input, textarea, select')].flatMap((el) => {
    const name = el.getAttribute('name') ?? '';
    if (name.startsWith('_') || el.getAttribute('type') === 'hidden' || (el as HTMLInputElement).type === 'search') return [];
    if (el instanceof HTMLSelectElement) return el.value !== '' ? [`${name} chosen as ${el.value}`] : [];
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked ? [`${name} ticked`] : [];
    return (el as HTMLInputElement).value !== '' ? [`${name} = ${(el as HTMLInputElement).value}`] : [];
  })));
  expect(filled, `filled in on ${page.url()}`).toEqual([]);
}

/** Internal names of every machine: state ids and keys with a capital, dot or underscore, and event types. */
export function internalNames(e: E2E): string[] {
  const names = new Set<string>();
  type Node = { id: string; key: string; states: Record<string, Node> };
  const visit = (node: Node) => {
    for (const n of [node.id, node.key]) if (/[A-Z._]/.test(n)) names.add(n);
    for (const child of Object.values(node.states)) visit(child);
  };
  for (const machine of Object.values(e.t.intake.app.machines) as AnyStateMachine[]) visit(machine.root as unknown as Node);
  for (const type of Object.keys(eventCatalog)) if (/[A-Z.]/.test(type)) names.add(type);
  return [...names].filter((n) => n.length > 3);
}

/** The page's visible text has no label asking for JSON and no internal name or snake_case key. */
export async function expectPlainWords(page: Page, internal: string[]) {
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible is the point (textContent would include every option of every select)
  const text = (await page.locator('body').innerText()).replace(/\S+@\S+/g, '');
  const labels = await page.locator('label, legend').allTextContents();
  expect(labels.filter((l) => /json/i.test(l)), `labels asking for JSON on ${page.url()}`).toEqual([]);
  const words = new Set(text.split(/[^A-Za-z0-9_.]+/).map((w) => w.replace(/\.$/, '')));
  expect(internal.filter((n) => words.has(n)), `internal names on ${page.url()}`).toEqual([]);
  expect(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? [], `internal keys on ${page.url()}`).toEqual([]);
}
