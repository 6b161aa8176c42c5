// Memberships after hire, as jobs: the start a hire writes in its own commit (the effect
// `startMembership`, keyed by the hiring journey), a membership's timers (routed here by the
// timer job), and the daily backfill that lets members hired before memberships existed join
// with their clearance dates (idempotent: a member with a membership is skipped).
import type { DbOrTx } from '../../db/client.js';
import { systemActor } from '../engine/actor.js';
import { dispatchMembership } from '../engine/membership.js';
import { backfillMemberships, startMembershipFor } from '../services/membership/start.js';
import { ensureScheduled, recurringHandler } from './recurring.js';
import type { TxHandler } from './types.js';

export const membershipStartHandler: TxHandler = {
  mode: 'tx',
  async run(app, tx, job) {
    if (!job.journeyId) return 'dropped';
    return (await startMembershipFor(app, tx, job.journeyId)) ? 'done' : 'dropped';
  },
};

/** A membership's due timer: an event of its own machine, dropped when no longer allowed. */
export async function runMembershipTimer(app: Parameters<TxHandler['run']>[0], tx: Parameters<TxHandler['run']>[1], membershipId: string, event: { type: string }) {
  const { type, ...data } = event;
  const result = await dispatchMembership(app, tx, membershipId, type, data, systemActor, { dropIfRefused: true });
  return result.accepted ? 'done' as const : 'dropped' as const;
}

export const MEMBERSHIP_BACKFILL_JOB = 'membership_backfill';
const daily = { kind: MEMBERSHIP_BACKFILL_JOB, key: 'membership-backfill:daily', everyMs: 24 * 60 * 60 * 1000 };

export const membershipBackfillHandler = (): TxHandler => recurringHandler(daily, (app, tx) => backfillMemberships(app, tx));

/** At start-up: the backfill runs now if it never has (so members already hired join at once). */
export const ensureMembershipBackfillScheduled = (db: DbOrTx, now: Date) => ensureScheduled(db, daily, now);
