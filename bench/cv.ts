// `npm run bench:cv [dir] [--rounds N]`: CV parse throughput on the fixture PDFs, against
// poppler's `pdftotext` on the same files in the same run. Four measurements, one file at a time:
//   text (layout + stream) text extraction only (src/cv/extract-text.ts), in process
//   parser (in process)    text + every field extractor (src/cv/parse.ts)
//   parser (worker process) the production path: a warm child process with its caps (src/cv/run.ts)
//   pdftotext              one `pdftotext -q file -` process per file (poppler-utils)
// It also reports the event loop's longest delays in this process (the server's, in production)
// while worker processes parse, beside the same measure while idle: a parse must never block it.
// If pdftotext is not installed the reference is skipped, with a note saying so.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

interface Method { name: string; one: (f: (typeof files)[number]) => Promise<unknown> }
interface Result { name: string; ms: number[] }

const poppler = hasPdftotext();
const methods: Method[] = [
  { name: 'text (layout + stream)', one: (f) => extractText(f.bytes, defaultCvParseLimits) },
  { name: 'parser (in process)', one: (f) => parseCv(f.bytes, defaultCvParseLimits, now) },
  { name: 'parser (worker process)', one: (f) => parseInWorker(f.bytes, defaultCvParseLimits, now) },
  ...(poppler ? [{ name: 'pdftotext (process per file)', one: (f: (typeof files)[number]) => run('pdftotext', ['-q', f.path, '-'], { maxBuffer: 64 * 1024 * 1024 }) }] : []),
];
// Warm-up (module loading, JIT, the worker thread's start), then every method on each file in
// turn, so a busy machine slows them all alike.
for (const m of methods) for (const f of files) await m.one(f);
const results: Result[] = methods.map((m) => ({ name: m.name, ms: [] }));
for (let r = 0; r < rounds; r++) {
  for (const f of files) {
    for (const [i, m] of methods.entries()) {
      const t0 = performance.now();
      await m.one(f);
      results[i]!.ms.push(performance.now() - t0);
    }
  }
}

// The event loop of this process (the server's, in production) while worker processes parse
// every file `rounds` times and nothing else runs here; and, for the machine's own noise, while
// it waits as long doing nothing. Each phase starts from a collected heap, so the garbage of the
// in-process runs above is not counted against either.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const busyLoop = monitorEventLoopDelay({ resolution: 5 });
collect();
const busyStart = performance.now();
const busyCpu = process.cpuUsage();
busyLoop.enable();
for (let r = 0; r < rounds; r++) for (const f of files) await parseInWorker(f.bytes, defaultCvParseLimits, now);
busyLoop.disable();
const busyMs = performance.now() - busyStart;
const { user, system } = process.cpuUsage(busyCpu);
const cpuPerCv = (user + system) / 1000 / (rounds * files.length);
const idleLoop = monitorEventLoopDelay({ resolution: 5 });
collect();
idleLoop.enable();
await new Promise((resolve) => setTimeout(resolve, busyMs));
idleLoop.disable();
await stopCvParsers();

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
const ms = (h: typeof busyLoop, f: 'max' | 99) => ((f === 'max' ? h.max : h.percentile(f)) / 1e6).toFixed(1);
console.log(`\nevent loop while worker processes parse (${rounds * files.length} CVs): max ${ms(busyLoop, 'max')} ms, p99 ${ms(busyLoop, 99)} ms; idle as long: max ${ms(idleLoop, 'max')} ms, p99 ${ms(idleLoop, 99)} ms`);
console.log(`CPU this process spent per CV parsed in a worker process: ${cpuPerCv.toFixed(1)} ms (the parse itself runs in the child)`);
if (!poppler) console.log('\npdftotext not found: the poppler reference was skipped (Debian/Ubuntu: apt-get install -y poppler-utils).');
else console.log(`\nreference: ${poppler}. "vs pdftotext" is throughput relative to it (above 1× is faster).`);
