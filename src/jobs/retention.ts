// The daily retention run as a job: one row keyed 'retention:daily' in the jobs table, so every
// process can ensure it exists and the unique key keeps it to one, whichever worker claims it.
// It runs in the worker's transaction (TxHandler): the run and the scheduling of the next one
// commit together or not at all, and a failed run is retried with the worker's backoff.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { purgeExpiredKeys } from '../services/idempotency/keys.js';
import { purgeStaleImports } from '../services/imports/manage.js';
import { runRetention } from '../services/privacy/retention.js';
import { enqueue } from './enqueue.js';
import type { TxHandler } from './types.js';

export const RETENTION_JOB = 'retention';
export const RETENTION_JOB_KEY = 'retention:daily';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  retentionMonths: number;
  dbsMonths: number;
  /** Time between runs (default 24 h). */
  everyMs?: number;
}

const dailyRun = (runAt: Date) => ({ kind: RETENTION_JOB, key: RETENTION_JOB_KEY, payload: {}, runAt });

export function retentionHandler(opts: RetentionJobOptions): TxHandler {
  return {
    mode: 'tx',
    async run(app, tx, job) {
      const now = app.clock.now();
      await runRetention(app, { now, retentionMonths: opts.retentionMonths, dbsMonths: opts.dbsMonths, tx });
      // Copies of personal data kept for a while by the integrations: idempotent answers, import rows.
      await purgeExpiredKeys(tx, now);
      await purgeStaleImports(tx, now);
      // The worker marks this row done after we return, so it must give up the key first:
      // otherwise the next run's upsert would land on this row and be overwritten to 'done'.
      if (job.key === RETENTION_JOB_KEY) await tx.update(jobs).set({ key: null }).where(eq(jobs.id, job.id));
      await enqueue(tx, dailyRun(new Date(now.getTime() + (opts.everyMs ?? DAY_MS))), 'replace');
      return 'done';
    },
  };
}

/**
 * At start-up: the daily run exists (due now if it was never scheduled). A run that was
 * dead-lettered is revived, so retention cannot stop silently for good; a scheduled one is left alone.
 */
export async function ensureRetentionScheduled(db: DbOrTx, now: Date): Promise<void> {
  await enqueue(db, dailyRun(now), 'revive');
}
