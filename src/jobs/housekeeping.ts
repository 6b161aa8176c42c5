// The hourly housekeeping run (src/services/privacy/housekeeping.ts) as a recurring job.
import type { DbOrTx } from '../../db/client.js';
import { purgeSpent } from '../services/privacy/housekeeping.js';
import { ensureScheduled, recurringHandler } from './recurring.js';
import type { TxHandler } from './types.js';

export const HOUSEKEEPING_JOB = 'housekeeping';
const hourly = { kind: HOUSEKEEPING_JOB, key: 'housekeeping:hourly', everyMs: 60 * 60 * 1000 };

export const housekeepingHandler = (): TxHandler => recurringHandler(hourly, (app, tx, now) => purgeSpent(app, tx, now));

/** At start-up: the hourly run exists (due now if it was never scheduled; revived if dead-lettered). */
export const ensureHousekeepingScheduled = (db: DbOrTx, now: Date) => ensureScheduled(db, hourly, now);
