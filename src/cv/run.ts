// Runs CV parses in child processes (child.ts), so no PDF can harm the server: a parse that
// exhausts memory or loops for ever ends its own process, never the server's. Each child has a
// V8 heap cap (--max-old-space-size), a time cap (SIGKILL when passed) and, on Linux, a resident
// memory cap watched from here (decoded streams live outside the V8 heap). Children get no
// environment (no database address, no keys) and only the bytes of the CV in hand. They are kept
// warm between parses (starting one costs about a second), replaced after a kill or after
// RECYCLE_AFTER parses, and unref'd while idle so they never keep the server alive. The server's
// event loop only ever posts a message and waits for one.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildMessage } from './child.js';
import type { CvParseLimits } from './limits.js';
import type { CvErrorCode, CvParseOutcome } from './types.js';

const here = import.meta.url;
const fromSource = here.endsWith('.ts');
const entry = fileURLToPath(new URL(fromSource ? './child.ts' : './child.js', here));
/** Parses that may run at once in this process. */
export const CV_PARSERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** A child is replaced after this many parses (pdf.js caches, fragmentation). */
const RECYCLE_AFTER = 200;
/** A child that is not ready this long after it was started is given up on. */
const START_TIMEOUT_MS = 60_000;
const RSS_POLL_MS = 100;

function spawnChild(heapMb: number): ChildProcess {
  // Running from TypeScript (tsx, vitest): the child loads tsx's loader first.
  const tsx = fromSource ? ['--import', pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/loader.mjs')).href] : [];
  return fork(entry, [], {
    // A larger young generation: pdf.js makes many short-lived objects (fewer scavenges).
    execArgv: [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=32', ...tsx],
    env: process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {},
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

interface Job { id: number; bytes: Uint8Array; limits: CvParseLimits; now: Date; resolve(o: CvParseOutcome): void }
interface Child { proc: ChildProcess; heapMb: number; ready: boolean; job: Job | null; parses: number; timers: NodeJS.Timeout[]; killedFor: string | null }

const failed = (code: CvErrorCode, detail: string): CvParseOutcome => ({ status: 'failed', pages: null, error: { code, detail } });
const ASK = 'ask the applicant for another copy (saved or printed to PDF again) or enter the details by hand.';
const TOO_SLOW = (ms: number) => failed('cv_too_complex', `Reading the PDF took longer than ${Math.round(ms / 1000)} s, far longer than a CV needs: ${ASK}`);
const TOO_BIG = failed('cv_too_complex', `Reading the PDF needs more memory than a CV may use: ${ASK}`);

const children: Child[] = [];
const queue: Job[] = [];
let nextId = 1;

function idle(c: Child) {
  c.proc.unref();
  (c.proc.channel as { unref?(): void } | undefined)?.unref?.();
}
function busy(c: Child) {
  c.proc.ref();
  (c.proc.channel as { ref?(): void } | undefined)?.ref?.();
}

function clearTimers(c: Child) {
  for (const t of c.timers) clearTimeout(t);
  c.timers = [];
}

/** Ends a child; a job in flight gets `outcome`. */
function retire(c: Child, outcome: CvParseOutcome | null) {
  const i = children.indexOf(c);
  if (i >= 0) children.splice(i, 1);
  clearTimers(c);
  const job = c.job;
  c.job = null;
  if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  if (job) job.resolve(outcome ?? failed('cv_unreadable', 'The parser stopped before it finished this PDF.'));
  pump();
}

function kill(c: Child, reason: 'time' | 'memory') {
  c.killedFor = reason;
  retire(c, reason === 'time' ? TOO_SLOW(c.job?.limits.timeoutMs ?? 0) : TOO_BIG);
}

/** The time cap, and on Linux the resident-memory cap, from when the child starts on the job. */
function startClock(c: Child) {
  const job = c.job!;
  c.timers.push(setTimeout(() => kill(c, 'time'), job.limits.timeoutMs));
  if (process.platform !== 'linux' || !c.proc.pid) return;
  const statm = `/proc/${c.proc.pid}/statm`;
  const watch = () => {
    c.timers.push(setTimeout(async () => {
      if (c.job !== job) return;
      const pages = Number((await readFile(statm, 'utf8').catch(() => '0 0')).split(' ')[1]);
      if (c.job !== job) return;
      if (pages * 4096 > job.limits.rssMb * 1024 * 1024) kill(c, 'memory');
      else watch();
    }, RSS_POLL_MS));
  };
  watch();
}

function newChild(heapMb: number): Child {
  const c: Child = { proc: spawnChild(heapMb), heapMb, ready: false, job: null, parses: 0, timers: [], killedFor: null };
  c.timers.push(setTimeout(() => retire(c, failed('cv_unreadable', 'The PDF parser did not start.')), START_TIMEOUT_MS));
  c.proc.on('message', (m: ChildMessage) => {
    if ('ready' in m) {
      c.ready = true;
      clearTimers(c);
      if (c.job) begin(c);
      else idle(c);
      return;
    }
    const job = c.job;
    if (!job || job.id !== m.id) return;
    clearTimers(c);
    c.job = null;
    c.parses++;
    job.resolve(m.ok ? m.outcome : failed('cv_unreadable', `The parser stopped: ${m.message.slice(0, 200)}`));
    if (c.parses >= RECYCLE_AFTER) retire(c, null);
    else { idle(c); pump(); }
  });
  c.proc.on('error', () => { if (children.includes(c)) retire(c, null); });
  c.proc.on('exit', (code, signal) => {
    if (!children.includes(c)) return;
    // Killed by the kernel or aborted by V8 at its heap cap: it ran out of memory.
    const outOfMemory = signal === 'SIGKILL' || signal === 'SIGABRT' || code === 134;
    retire(c, outOfMemory ? TOO_BIG : failed('cv_unreadable', `The parser stopped (${signal ?? `exit ${code}`}).`));
  });
  children.push(c);
  return c;
}

function pump() {
  while (queue.length) {
    const job = queue[0]!;
    const free = children.find((x) => !x.job && x.heapMb === job.limits.heapMb);
    // A child with another heap cap (tests use small ones) is replaced rather than reused.
    if (!free && children.length >= CV_PARSERS) {
      const other = children.find((x) => !x.job && x.heapMb !== job.limits.heapMb);
      if (!other) return;
      retire(other, null);
      continue;
    }
    const c = free ?? newChild(job.limits.heapMb);
    queue.shift();
    c.job = job;
    busy(c);
    if (c.ready) begin(c);
  }
}

/** Sends the job to a ready child (never before: its caps start with the parse) and starts the clock. */
function begin(c: Child) {
  const job = c.job!;
  c.proc.send({ id: job.id, bytes: job.bytes, limits: job.limits, now: job.now.toISOString() });
  startClock(c);
}

/** Parses a CV in a worker process (a child, not a thread); always resolves: a failure is an outcome. */
export function parseInWorker(bytes: Uint8Array, limits: CvParseLimits, now: Date): Promise<CvParseOutcome> {
  return new Promise((resolve) => {
    queue.push({ id: nextId++, bytes, limits, now, resolve });
    pump();
  });
}

/** Stops every parse process (server shutdown, tests); parses in flight end as failed. */
export async function stopCvParsers(): Promise<void> {
  const exits = children.map((c) => new Promise<void>((resolve) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
    c.proc.ref(); // an idle child is unref'd: waiting for its exit must keep this process up
    c.proc.once('exit', () => resolve());
  }));
  for (const c of [...children]) retire(c, failed('cv_unreadable', 'The server is shutting down.'));
  await Promise.all(exits);
}
