// Runs parses in worker threads so a hostile PDF cannot stall the server. Each thread has a heap
// cap; a parse that passes the time cap gets its thread terminated (and replaced on demand), and
// whatever goes wrong in a thread comes back as `failed` / cv_unreadable. Threads are kept warm
// between parses (starting one costs about a second) and unref'd while idle, so they never keep
// the process alive. The event loop that serves requests only ever waits for a message.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CvParseLimits } from './limits.js';
import type { CvParseOutcome } from './types.js';

const here = import.meta.url;
const fromSource = here.endsWith('.ts');
const entry = new URL(fromSource ? './worker.ts' : './worker.js', here);
/** Parses that may run at once in this process. */
export const CV_PARSE_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));

function spawn(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(heapMb / 8))) };
  if (!fromSource) return new Worker(entry, { resourceLimits });
  // Running from TypeScript (tsx, vitest): register tsx's loader inside the thread, then load the
  // entry. (Node 20 does not apply --import hooks to a worker's own entry module.)
  const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, resourceLimits, execArgv: [] });
}

interface Job { id: number; bytes: Uint8Array; limits: CvParseLimits; now: Date; resolve(o: CvParseOutcome): void }
interface Thread { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null }

const failed = (detail: string): CvParseOutcome => ({ status: 'failed', pages: null, error: { code: 'cv_unreadable', detail } });
const threads: Thread[] = [];
const queue: Job[] = [];
let nextId = 1;

function retire(t: Thread, outcome: CvParseOutcome | null) {
  const i = threads.indexOf(t);
  if (i >= 0) threads.splice(i, 1);
  if (t.timer) clearTimeout(t.timer);
  const job = t.job;
  t.job = null;
  void t.worker.terminate().catch(() => {});
  if (job && outcome) job.resolve(outcome);
  pump();
}

function startClock(t: Thread) {
  const job = t.job!;
  t.timer = setTimeout(() => retire(t, failed(`timed out: parsing took longer than ${Math.round(job.limits.timeoutMs / 100) / 10} s`)), job.limits.timeoutMs);
}

function newThread(heapMb: number): Thread {
  const t: Thread = { worker: spawn(heapMb), ready: false, job: null, timer: null };
  t.worker.on('message', (m: { ready: true } | { id: number; ok: true; outcome: CvParseOutcome } | { id: number; ok: false; message: string }) => {
    if ('ready' in m) {
      t.ready = true;
      if (t.job) startClock(t); // the time cap counts parsing, not the thread's start-up
      return;
    }
    const job = t.job;
    if (!job || job.id !== m.id) return;
    if (t.timer) clearTimeout(t.timer);
    t.job = null;
    t.timer = null;
    t.worker.unref();
    job.resolve(m.ok ? m.outcome : failed(`the parser stopped: ${m.message.slice(0, 200)}`));
    pump();
  });
  t.worker.on('error', (error: Error & { code?: string }) => {
    retire(t, failed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the PDF needs more memory to read than a CV may use' : `the parser stopped: ${error.message.slice(0, 200)}`));
  });
  t.worker.on('exit', (code) => { if (threads.includes(t)) retire(t, failed(`the parser exited (${code})`)); });
  threads.push(t);
  return t;
}

function pump() {
  while (queue.length) {
    const job = queue[0]!;
    const t = threads.find((x) => !x.job) ?? (threads.length < CV_PARSE_THREADS ? newThread(job.limits.heapMb) : null);
    if (!t) return;
    queue.shift();
    t.job = job;
    t.worker.ref();
    const copy = new Uint8Array(job.bytes); // its own buffer, transferred to the thread
    t.worker.postMessage({ id: job.id, bytes: copy, limits: job.limits, now: job.now.toISOString() }, [copy.buffer]);
    if (t.ready) startClock(t);
  }
}

export function parseInWorker(bytes: Uint8Array, limits: CvParseLimits, now: Date): Promise<CvParseOutcome> {
  return new Promise((resolve) => {
    queue.push({ id: nextId++, bytes, limits, now, resolve });
    pump();
  });
}

/** Stops every parser thread (server shutdown, tests); parses in flight end as failed. */
export async function stopCvParsers(): Promise<void> {
  for (const t of [...threads]) retire(t, failed('the server is shutting down'));
}
