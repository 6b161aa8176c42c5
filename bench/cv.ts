// `npm run bench:cv [dir] [--rounds N]`: CV parse throughput on the fixture PDFs, against
// poppler's `pdftotext` on the same files in the same run. Four measurements, one file at a time:
//   pdf-parse text      text extraction only (src/cv/extract-text.ts), in process
//   parser (in process) text + every field extractor (src/cv/parse.ts)
//   parser (worker)     the production path: a warm worker thread with time and heap caps
//   pdftotext           one `pdftotext -q file -` process per file (poppler-utils)
// If pdftotext is not installed the reference is skipped, with a note saying so.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractText } from '../src/cv/extract-text.js';
import { defaultCvParseLimits } from '../src/cv/limits.js';
import { parseCv } from '../src/cv/parse.js';
import { parseInWorker, stopCvParsers } from '../src/cv/run.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const dir = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? '../shared/fixtures/cvs');
const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => ({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }));
if (!files.length) throw new Error(`no PDFs in ${dir}`);
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const now = new Date();
const run = promisify(execFile);

function hasPdftotext(): string | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null; // ENOENT: not installed
  return `${probe.stdout}${probe.stderr}`.split('\n').find((l) => /pdftotext/i.test(l))?.trim() ?? 'pdftotext';
}

interface Result { name: string; ms: number[] }

async function measure(name: string, one: (f: (typeof files)[number]) => Promise<unknown>): Promise<Result> {
  for (const f of files) await one(f); // warm-up: module loading, JIT, the worker thread's start
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const f of files) {
      const t0 = performance.now();
      await one(f);
      ms.push(performance.now() - t0);
    }
  }
  return { name, ms };
}

const results: Result[] = [];
results.push(await measure('pdf-parse text', (f) => extractText(f.bytes, defaultCvParseLimits)));
results.push(await measure('parser (in process)', (f) => parseCv(f.bytes, defaultCvParseLimits, now)));
results.push(await measure('parser (worker thread)', (f) => parseInWorker(f.bytes, defaultCvParseLimits, now)));
await stopCvParsers();
const poppler = hasPdftotext();
if (poppler) results.push(await measure('pdftotext (process per file)', (f) => run('pdftotext', ['-q', f.path, '-'], { maxBuffer: 64 * 1024 * 1024 })));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.log(`CV parse throughput: ${files.length} PDFs (${(totalBytes / 1024).toFixed(0)} KiB) × ${rounds} rounds, one at a time, ${dir}\n`);
console.log(`${'method'.padEnd(30)} ${'files/s'.padStart(8)} ${'MiB/s'.padStart(7)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}${poppler ? ` ${'vs pdftotext'.padStart(13)}` : ''}`);
const ref = poppler ? results.at(-1)! : null;
const rate = (r: Result) => r.ms.length / (sum(r.ms) / 1000);
for (const r of results) {
  const mibs = ((totalBytes * rounds) / 1024 / 1024) / (sum(r.ms) / 1000);
  const vs = ref ? ` ${`${(rate(r) / rate(ref)).toFixed(2)}×`.padStart(13)}` : '';
  console.log(`${r.name.padEnd(30)} ${rate(r).toFixed(1).padStart(8)} ${mibs.toFixed(2).padStart(7)} ${(sum(r.ms) / r.ms.length).toFixed(1).padStart(8)} ${pctl(r.ms, 50).toFixed(1).padStart(7)} ${pctl(r.ms, 95).toFixed(1).padStart(7)}${vs}`);
}
if (!poppler) console.log('\npdftotext not found: the poppler reference was skipped (Debian/Ubuntu: apt-get install -y poppler-utils).');
else console.log(`\nreference: ${poppler}. "vs pdftotext" is throughput relative to it (above 1× is faster).`);
