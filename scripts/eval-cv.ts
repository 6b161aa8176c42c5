// `npm run eval:cv [dir…] [--verbose]`: runs the CV parser over the fixtures (by default the
// shared ones in ../shared/fixtures/cvs and ours in test/fixtures/cv/generated) and prints
// per-field precision and recall against the JSON ground truth (schema: the shared folder's
// README), then checks the acceptance threshold: 98% on every field. Exit code 1 if one is missed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monthIndex } from '../src/cv/dates.js';
import { parseCv } from '../src/cv/parse.js';
import { defaultCvParseLimits } from '../src/cv/limits.js';
import type { CvValues } from '../src/cv/types.js';

const given = process.argv.slice(2).filter((a) => !a.startsWith('-')).map((d) => resolve(d));
const defaults = [fileURLToPath(new URL('../../shared/fixtures/cvs', import.meta.url)), fileURLToPath(new URL('../test/fixtures/cv/generated', import.meta.url))];
const dirs = given.length ? given : defaults.filter((d) => existsSync(d));
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
// "Today" for the fixtures: a fixed date, so "present" and the gaps do not drift with the clock.
const now = new Date(process.env.CV_EVAL_NOW ?? '2026-03-01T00:00:00Z');

type Truth = Partial<CvValues> & { file: string };
interface Tally { tp: number; predicted: number; expected: number; docsRight: number; docs: number }
const tallies = new Map<string, Tally>();
const tally = (name: string) => tallies.get(name) ?? (tallies.set(name, { tp: 0, predicted: 0, expected: 0, docsRight: 0, docs: 0 }), tallies.get(name)!);

const norm = (s: unknown) => (typeof s === 'string' ? s.normalize('NFC').replace(/[‐-―]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase() : s);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const near = (a: string, b: string) => Math.abs((monthIndex(a, 'start') ?? 0) - (monthIndex(b, 'start') ?? 0)) <= 1;

function scalar(name: string, got: unknown, want: unknown) {
  const t = tally(name);
  t.docs++;
  if (got !== null && got !== undefined) t.predicted++;
  if (want !== null && want !== undefined) t.expected++;
  const right = norm(got ?? null) === norm(want ?? null);
  if (right && want !== null && want !== undefined) t.tp++;
  if (right) t.docsRight++;
  return right;
}

function items<T>(name: string, got: T[], want: T[], match: (a: T, b: T) => boolean) {
  const t = tally(name);
  t.docs++;
  t.predicted += got.length;
  t.expected += want.length;
  const left = [...want];
  let tp = 0;
  for (const g of got) {
    const i = left.findIndex((w) => match(g, w));
    if (i >= 0) { tp++; left.splice(i, 1); }
  }
  t.tp += tp;
  const right = tp === want.length && tp === got.length;
  if (right) t.docsRight++;
  return right;
}

const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.json$/.test(f)).sort().map((f) => join(dir, f)));
const misses: string[] = [];
const started = Date.now();
for (const f of files) {
  const truth = JSON.parse(readFileSync(f, 'utf8')) as Truth;
  const outcome = await parseCv(readFileSync(join(f, '..', truth.file)), defaultCvParseLimits, now);
  if (outcome.status === 'failed' || !outcome.fields) { misses.push(`${truth.file}: ${outcome.status} ${outcome.error?.code}`); continue; }
  const v = Object.fromEntries(Object.entries(outcome.fields).map(([k, fld]) => [k, fld.value])) as unknown as CvValues;
  const report = (field: string, ok: boolean, got: unknown, want: unknown) => {
    if (!ok) misses.push(`${truth.file} ${field}\n    got:  ${JSON.stringify(got)}\n    want: ${JSON.stringify(want)}`);
  };
  for (const k of ['fullName', 'email', 'phone', 'postcode', 'profession'] as const) report(k, scalar(k, v[k], truth[k] ?? null), v[k], truth[k] ?? null);
  const regs = truth.registrations ?? [];
  report('registrations', items('registrations', v.registrations, regs, (a, b) => same({ ...a }, { ...b })), v.registrations, regs);
  items('registration numbers', v.registrations.map((r) => r.number), regs.map((r) => r.number), (a, b) => a === b);
  report('englishTest', scalar('englishTest', v.englishTest ? JSON.stringify(v.englishTest) : null, truth.englishTest ? JSON.stringify(truth.englishTest) : null), v.englishTest, truth.englishTest ?? null);
  const jobs = truth.employment ?? [];
  report('employment', items('employment (employer+start+end)', v.employment, jobs, (a, b) => norm(a.employer) === norm(b.employer) && a.start === b.start && a.end === b.end), v.employment, jobs);
  report('employment titles', items('employment titles', v.employment.map((e) => e.title), jobs.map((e) => e.title), (a, b) => norm(a) === norm(b)), v.employment.map((e) => e.title), jobs.map((e) => e.title));
  items('employment dates', v.employment.map((e) => `${e.start}/${e.end}`), jobs.map((e) => `${e.start}/${e.end}`), (a, b) => a === b);
  const gaps = truth.gapsOverThreeMonths ?? [];
  report('gaps', items('gapsOverThreeMonths', v.gapsOverThreeMonths, gaps, (a, b) => near(a.from, b.from) && near(a.to, b.to)), v.gapsOverThreeMonths, gaps);
}
const ms = Date.now() - started;

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log(`CV parser eval: ${files.length} fixtures in ${dirs.join(', ')} (${ms} ms)\n`);
console.log(`${'field'.padEnd(34)} ${'precision'.padStart(9)} ${'recall'.padStart(8)} ${'docs right'.padStart(11)}`);
for (const [name, t] of tallies) {
  console.log(`${name.padEnd(34)} ${pct(t.tp, t.predicted).padStart(9)} ${pct(t.tp, t.expected).padStart(8)} ${`${t.docsRight}/${t.docs}`.padStart(11)}`);
}

// Acceptance (issue 18): 98% on every field. "Correct" is per document for single values and
// per item for lists (the lower of precision and recall), so neither missing nor invented values
// can pass.
const MIN = 0.98;
const itemScore = (name: string) => { const t = tally(name); return Math.min(t.predicted ? t.tp / t.predicted : 1, t.expected ? t.tp / t.expected : 1); };
const docScore = (name: string) => { const t = tally(name); return t.docs ? t.docsRight / t.docs : 0; };
const listFields = new Set(['registrations', 'registration numbers', 'employment (employer+start+end)', 'employment titles', 'employment dates', 'gapsOverThreeMonths']);
const checks: [string, number, number][] = [...tallies.keys()].map((name) => [
  name, listFields.has(name) ? Math.min(itemScore(name), docScore(name)) : docScore(name), MIN,
]);
console.log('\nthresholds');
let failed = false;
for (const [name, score, min] of checks) {
  const ok = score >= min;
  failed ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(32)} ${(100 * score).toFixed(1).padStart(5)}%  (≥ ${min * 100}%)`);
}
if (misses.length && (verbose || failed)) console.log(`\nmisses\n  ${misses.join('\n  ')}`);
else if (misses.length) console.log(`\n${misses.length} field(s) differ from the ground truth (run with --verbose to list them).`);
process.exit(failed ? 1 : 0);
