// The worker loop over the jobs table (handler kinds: src/jobs/types.ts). An in-transaction job
// is claimed with FOR UPDATE SKIP LOCKED and handled in the transaction that marks it done. A
// leased job is claimed with a lease (status 'running', locked_until), handled with no
// transaction open, then completed; a worker that dies mid-job leaves an expired lease, and the
// job is claimed again (emails reuse their idempotency key).
// Failures retry with exponential backoff; a PermanentJobError or the last attempt dead-letters.
// The attempt is counted when the job is claimed, in a commit of its own before the handler runs:
// a handler that kills its process (a poison pill) has still used an attempt, and a job claimed
// after its last one is dead-lettered instead of run again.
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { log } from '../log.js';
import { type JobOutcome, type JobRow, type LeasedHandler, PermanentJobError, type TxHandler, type WorkerContext } from './types.js';

const backoffMs = (attempts: number) => Math.min(60 * 60_000, 2 ** (attempts - 1) * 10_000);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

function dueFilter(now: Date, kinds: string[]) {
  return and(
    inArray(jobs.kind, kinds),
    or(
      and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
      // A leased job whose worker died: its lease ran out, so it is due again.
      and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
    ),
  );
}

async function failure(tx: Tx, job: JobRow, attempts: number, error: unknown, now: Date, exhausted = false) {
  const dead = exhausted || error instanceof PermanentJobError || attempts >= job.maxAttempts;
  await tx.update(jobs).set({
    attempts,
    status: dead ? 'dead' : 'pending',
    runAt: new Date(now.getTime() + backoffMs(attempts)),
    lockedUntil: null,
    lastError: errorText(error),
    ...(dead ? { finishedAt: now } : {}),
  }).where(eq(jobs.id, job.id));
  log.warn(dead ? 'job dead-lettered' : 'job failed, will retry', { jobId: job.id, kind: job.kind, attempts, error: errorText(error) });
}

/** An in-transaction job claimed but not finished (its process died) is due again after this. */
const TX_RETRY_MS = 60_000;

/** Runs one due job; false when none is due. `inHand` hears of a leased job while it runs (and null after). */
export async function runOneJob(app: WorkerContext, kinds = Object.keys(app.handlers), inHand?: (job: JobRow | null) => void): Promise<boolean> {
  const now = app.clock.now();
  const claimed = await app.db.transaction(async (tx) => {
    const [row] = await tx.select().from(jobs).where(dueFilter(now, kinds))
      .orderBy(asc(jobs.runAt)).limit(1).for('update', { skipLocked: true });
    if (!row) return null;
    const handler = app.handlers[row.kind]!;
    if (row.attempts >= row.maxAttempts) {
      // Every attempt was claimed and none finished: the handler stops its process.
      await failure(tx, row, row.attempts, new Error(`stopped its worker on each of ${row.attempts} attempts`), now, true);
      await handler.onDead?.(app, tx, row);
      return { job: row, handler: null };
    }
    const job = { ...row, attempts: row.attempts + 1 };
    // A leased job is 'running' until its lease ends; an in-transaction one stays 'pending' (a
    // timer can still be cancelled or replaced) but is not due again until TX_RETRY_MS from now.
    await tx.update(jobs).set(handler.mode === 'lease'
      ? { attempts: job.attempts, status: 'running', lockedUntil: new Date(now.getTime() + handler.leaseMs) }
      : { attempts: job.attempts, runAt: new Date(now.getTime() + TX_RETRY_MS) }).where(eq(jobs.id, row.id));
    return { job, handler };
  });
  if (!claimed) return false;
  const { job, handler } = claimed;
  if (handler?.mode === 'lease') await runLeased(app, { job, handler }, inHand);
  else if (handler) await runInTransaction(app, job, handler);
  return true;
}

async function runInTransaction(app: WorkerContext, job: JobRow, handler: TxHandler) {
  await app.db.transaction(async (tx) => {
    // Still the job this worker claimed: not cancelled, replaced (attempts back to 0) or done.
    const [still] = await tx.select({ id: jobs.id }).from(jobs)
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'pending'), eq(jobs.attempts, job.attempts))).for('update');
    if (!still) return;
    const now = app.clock.now();
    try {
      // A savepoint: if the handler fails, its writes roll back but the failure is still recorded.
      const outcome = await tx.transaction(async (inner) => handler.run(app, inner, job));
      await complete(tx, job, outcome, now);
    } catch (error) {
      await failure(tx, job, job.attempts, error, now);
    }
  });
}

async function complete(tx: Tx, job: JobRow, outcome: JobOutcome, now: Date) {
  await tx.update(jobs).set({
    status: 'done', finishedAt: now, lockedUntil: null,
    lastError: outcome === 'dropped' ? 'dropped: no longer applies' : null,
  }).where(eq(jobs.id, job.id));
}

async function runLeased(app: WorkerContext, { job, handler }: { job: JobRow; handler: LeasedHandler }, inHand?: (job: JobRow | null) => void) {
  let outcome: JobOutcome | null = null;
  let error: unknown = null;
  inHand?.(job);
  try {
    outcome = await handler.run(app, job);
  } catch (e) {
    error = e;
  } finally {
    inHand?.(null);
  }
  // The effect has happened (or failed): record it even if the database is away for a moment,
  // rather than leave the job leased until its lease runs out and the effect is repeated.
  const deadline = Date.now() + Math.min(handler.leaseMs / 2, 30_000);
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      await app.db.transaction(async (tx) => {
        const now = app.clock.now();
        if (outcome) await complete(tx, job, outcome, now);
        else await failure(tx, job, job.attempts, error, now);
      });
      return;
    } catch (recordError) {
      if (Date.now() + wait > deadline) throw recordError;
      log.warn('job outcome not recorded yet, retrying', { jobId: job.id, kind: job.kind, error: errorText(recordError) });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Runs every job due now (tests call this after moving the clock). */
export async function drainDueJobs(app: WorkerContext, opts: { max?: number; kinds?: string[] } = {}): Promise<number> {
  let n = 0;
  while (n < (opts.max ?? 10_000) && (await runOneJob(app, opts.kinds))) n++;
  return n;
}

export interface Worker {
  /**
   * Stops claiming jobs and waits for the one in hand. A leased job still running after `graceMs`
   * (shutdown's bound) is released: pending and due again, for another worker to take, as its
   * handler is idempotent. An in-transaction job still running rolls back when the database
   * closes. Resolves with the id of the job released, if any.
   */
  stop(graceMs?: number): Promise<{ released: number | null }>;
}

/** A job taken back from this worker: pending and due now, its attempt (counted at claim) given back. */
async function release(app: WorkerContext, job: JobRow): Promise<void> {
  await app.db.update(jobs).set({ status: 'pending', lockedUntil: null, runAt: app.clock.now(), attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running')));
  log.info('job released for another worker', { jobId: job.id, kind: job.kind });
}

export function startWorker(app: WorkerContext, pollMs: number): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let inHand: JobRow | null = null;
  const track = (job: JobRow | null) => { inHand = job; };
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await runOneJob(app, undefined, track))) { /* keep going while jobs are due */ }
      } catch (error) {
        log.warn('worker poll failed', { error: errorText(error) });
      }
      if (!stopped) timer = setTimeout(tick, pollMs);
    })();
  };
  tick();
  return {
    async stop(graceMs = Number.POSITIVE_INFINITY) {
      stopped = true;
      if (timer) clearTimeout(timer);
      let grace: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<boolean>((resolve) => { if (Number.isFinite(graceMs)) grace = setTimeout(() => resolve(false), graceMs); }),
      ]);
      clearTimeout(grace);
      const job: JobRow | null = inHand;
      if (finished || !job) return { released: null };
      await release(app, job);
      return { released: job.id };
    },
  };
}
