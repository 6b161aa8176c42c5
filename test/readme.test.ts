import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateReadme } from '../scripts/diagrams.js';

describe('README', () => {
  it('shows the journey diagrams generated from the current machines', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(updateReadme(readme), 'run `npm run diagrams` and commit README.md').toBe(readme);
  });

  it('names every environment variable the configuration reads', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const config = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const vars = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(5);
    for (const v of vars) expect(readme, `README.md should document ${v}`).toContain(`\`${v}\``);
  });
});
