// Every generated CV fixture (test/fixtures/cv/generated, drawn by scripts/generate-cv-fixtures.ts)
// parsed end to end, each field against its ground truth: the layouts issue 18 asked for (score
// tables, names over two lines, professions on the registration line, employment tables, PDFs
// drawn word by word or letter by letter in a shuffled order) stay read. `npm run eval:cv` gives
// the per-field figures over these and the shared fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCvParseLimits } from '../../src/cv/limits.js';
import { parseCv } from '../../src/cv/parse.js';
import type { CvValues } from '../../src/cv/types.js';

const dir = new URL('../fixtures/cv/generated/', import.meta.url);
const now = new Date('2026-03-01T00:00:00Z');
const truths = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Omit<CvValues, 'englishTest'> & { englishTest?: CvValues['englishTest']; file: string; layout: string; generator: string });

describe('the generated CV fixtures', () => {
  it.each(truths.map((t) => [`${t.file} (${t.layout}, ${t.generator})`, t] as const))('reads %s as its ground truth says', async (_, truth) => {
    const outcome = await parseCv(readFileSync(new URL(truth.file, dir)), defaultCvParseLimits, now);
    if (outcome.status !== 'parsed' || !outcome.fields) throw new Error(`${truth.file}: ${outcome.status}`);
    const got = Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]));
    const { file: _file, layout: _layout, generator: _generator, ...want } = truth;
    // Keys that do not apply are left out of the truth (englishTest without a test): null here.
    expect(got).toEqual({ ...want, englishTest: truth.englishTest ?? null });
  });
});
