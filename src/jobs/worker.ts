// The worker loop. Each job is claimed with FOR UPDATE SKIP LOCKED and handled in the same
// transaction that marks it done, so a job whose effect is a database change (a timer) happens
// exactly once even with many workers or a crash midway. Failures retry with backoff and are
// dead-lettered after max_attempts.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import type { AppContext } from '../engine/context.js';
import { log } from '../log.js';
import { fireTimer } from './timer.js';

export type JobRow = typeof jobs.$inferSelect;
type Handler = (app: AppContext, tx: Tx, job: JobRow) => Promise<'done' | 'dropped'>;

/** One handler per job kind. Kinds without a handler here (email until its worker lands) wait. */
export const handlers: Record<string, Handler> = { timer: fireTimer };

const backoffMs = (attempts: number) => Math.min(60 * 60_000, 2 ** attempts * 5_000);

/** Runs one due job; false when none is due. */
export async function runOneJob(app: AppContext, kinds = Object.keys(handlers)): Promise<boolean> {
  const now = app.clock.now();
  let failed: { job: JobRow; error: unknown } | null = null;
  const ran = await app.db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs)
      .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now), inArray(jobs.kind, kinds)))
      .orderBy(asc(jobs.runAt)).limit(1).for('update', { skipLocked: true });
    if (!job) return false;
    try {
      const outcome = await tx.transaction(async (inner) => handlers[job.kind]!(app, inner, job));
      await tx.update(jobs).set({
        status: 'done', finishedAt: now, attempts: job.attempts + 1,
        lastError: outcome === 'dropped' ? 'dropped: the journey no longer takes this event' : null,
      }).where(eq(jobs.id, job.id));
    } catch (error) {
      failed = { job, error }; // the savepoint rolled back the handler's writes; record the failure
      const attempts = job.attempts + 1;
      await tx.update(jobs).set({
        attempts,
        status: attempts >= job.maxAttempts ? 'dead' : 'pending',
        runAt: new Date(now.getTime() + backoffMs(attempts)),
        lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error).slice(0, 1000),
      }).where(eq(jobs.id, job.id));
    }
    return true;
  });
  if (failed) {
    const f = failed as { job: JobRow; error: unknown };
    log.warn('job failed', { jobId: f.job.id, kind: f.job.kind, attempts: f.job.attempts + 1, error: f.error instanceof Error ? f.error.message : String(f.error) });
  }
  return ran;
}

/** Runs every job due now (tests call this after moving the clock). */
export async function drainDueJobs(app: AppContext, max = 10_000): Promise<number> {
  let n = 0;
  while (n < max && (await runOneJob(app))) n++;
  return n;
}

export interface Worker { stop(): Promise<void> }

export function startWorker(app: AppContext, pollMs: number): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await runOneJob(app))) { /* keep going while jobs are due */ }
      } catch (error) {
        log.warn('worker poll failed', { error: error instanceof Error ? error.message : String(error) });
      }
      if (!stopped) timer = setTimeout(tick, pollMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export const pendingJobCount = async (app: AppContext, kind: string) => {
  const [row] = await app.db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.status, 'pending')));
  return row?.n ?? 0;
};
