import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journeysDoc, updateJourneysDoc } from '../scripts/diagrams.js';
import { codeToStatus } from '../src/errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the journey diagrams generated from the current machines (in docs/journeys.md)', () => {
    const page = readFileSync(journeysDoc, 'utf8');
    expect(updateJourneysDoc(page), 'run `npm run diagrams` and commit docs/journeys.md').toBe(page);
  });

  it('names every environment variable the configuration reads', () => {
    const config = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const vars = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(5);
    for (const v of vars) expect(readme, `README.md should document ${v}`).toContain(`\`${v}\``);
  });

  it('lists every error code under the status the code map gives it, and no other code', () => {
    const rows = [...readme.matchAll(/^\| (\d{3}) \| ([^|]*) \|/gm)].map((m) => ({ status: Number(m[1]), codes: [...m[2]!.matchAll(/`([a-z_]+)`/g)].map((c) => c[1]!) }));
    const documented = Object.fromEntries(rows.flatMap((r) => r.codes.map((code) => [code, r.status])));
    expect(rows.length).toBeGreaterThan(5);
    expect(documented).toEqual(codeToStatus);
  });

  it('stays short enough to read in five minutes', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(30 * 1024);
  });
});
