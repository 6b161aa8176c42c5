// The daily retention run (src/services/privacy/retention.ts) as a recurring job.
import type { DbOrTx } from '../../db/client.js';
import { purgeExpiredKeys } from '../services/idempotency/keys.js';
import { purgeStaleImports } from '../services/imports/manage.js';
import { runRetention } from '../services/privacy/retention.js';
import { ensureScheduled, recurringHandler } from './recurring.js';
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

const daily = (everyMs = DAY_MS) => ({ kind: RETENTION_JOB, key: RETENTION_JOB_KEY, everyMs });

export function retentionHandler(opts: RetentionJobOptions): TxHandler {
  return recurringHandler(daily(opts.everyMs), async (app, tx, now) => {
    await runRetention(app, { now, retentionMonths: opts.retentionMonths, dbsMonths: opts.dbsMonths, tx });
    // Copies of personal data kept for a while by the integrations: idempotent answers, import rows.
    await purgeExpiredKeys(tx, now);
    await purgeStaleImports(tx, now);
  });
}

/** At start-up: the daily run exists (due now if it was never scheduled; revived if dead-lettered). */
export const ensureRetentionScheduled = (db: DbOrTx, now: Date) => ensureScheduled(db, daily(), now);
