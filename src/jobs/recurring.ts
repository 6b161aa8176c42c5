// A job that runs on a schedule (the daily retention run, the hourly housekeeping): one row per
// schedule, keyed, in the jobs table, so every process can ensure it exists and the unique key
// keeps it to one, whichever worker claims it. It runs in the worker's transaction (TxHandler):
// the run and the scheduling of the next one commit together or not at all, and a failed run is
// retried with the worker's backoff.
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { enqueue } from './enqueue.js';
import type { TxHandler } from './types.js';

export interface Schedule { kind: string; key: string; everyMs: number }

const run = (s: Schedule, runAt: Date) => ({ kind: s.kind, key: s.key, payload: {}, runAt });

export function recurringHandler(schedule: Schedule, work: (app: AppContext, tx: Tx, now: Date) => Promise<unknown>): TxHandler {
  return {
    mode: 'tx',
    async run(app, tx, job) {
      const now = app.clock.now();
      await work(app, tx, now);
      // The worker marks this row done after we return, so it must give up the key first:
      // otherwise the next run's upsert would land on this row and be overwritten to 'done'.
      if (job.key === schedule.key) await tx.update(jobs).set({ key: null }).where(eq(jobs.id, job.id));
      await enqueue(tx, run(schedule, new Date(now.getTime() + schedule.everyMs)), 'replace');
      return 'done';
    },
  };
}

/**
 * At start-up: the schedule's next run exists (due now if it was never scheduled). A run that was
 * dead-lettered is revived, so the schedule cannot stop silently for good; a pending one is left alone.
 */
export async function ensureScheduled(db: DbOrTx, schedule: Schedule, now: Date): Promise<void> {
  await enqueue(db, run(schedule, now), 'revive');
}
