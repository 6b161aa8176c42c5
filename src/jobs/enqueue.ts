// The one way to put work on the queue outside an event's own commit (whose timers and emails
// the engine writes in its single statement, src/engine/effects.ts). Call it with the caller's
// transaction, so the job exists exactly when the change that caused it does. A key makes the
// job unique; `onConflict` says what happens when a job with that key exists already.
import { inArray, sql } from 'drizzle-orm';
import { type DbOrTx, executeStatement } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { webhookCtes, webhookPayload } from '../engine/effects.js';
import type { WebhookEvent } from '../engine/webhook-events.js';

export interface NewJob {
  kind: string;
  /** Deduplicates: at most one job per key. */
  key?: string | null;
  journeyId?: string | null;
  payload: unknown;
  runAt: Date;
  maxAttempts?: number;
}

/**
 * - `error` (the default): a second job with the key is a mistake, refused by the unique index;
 * - `ignore`: the job already there stands;
 * - `replace`: the new job takes the key's row over, fresh (pending, no attempts);
 * - `revive`: as `replace`, but only over a job that has finished (done or dead-lettered).
 */
export type OnConflict = 'error' | 'ignore' | 'replace' | 'revive';

export async function enqueue(db: DbOrTx, job: NewJob | readonly NewJob[], onConflict: OnConflict = 'error'): Promise<void> {
  const rows = (Array.isArray(job) ? job : [job]) as readonly NewJob[];
  if (!rows.length) return;
  const insert = db.insert(jobs).values(rows.map((r) => ({ ...r, status: 'pending' })));
  if (onConflict === 'error') await insert;
  else if (onConflict === 'ignore') await insert.onConflictDoNothing();
  else {
    await insert.onConflictDoUpdate({
      target: jobs.key,
      set: {
        kind: sql`excluded.kind`, payload: sql`excluded.payload`, runAt: sql`excluded.run_at`, maxAttempts: sql`excluded.max_attempts`,
        journeyId: sql`excluded.journey_id`, status: 'pending', attempts: 0, lastError: null, lockedUntil: null, finishedAt: null,
      },
      ...(onConflict === 'revive' ? { setWhere: inArray(jobs.status, ['dead', 'done']) } : {}),
    });
  }
}

const RECORD_WEBHOOKS = `with ${webhookCtes('$1', '$2', '$3', 'true')} select 1`;

/**
 * Webhook deliveries for a change that is not a journey event (an erasure), in the caller's
 * transaction: the same statement the engine's commit carries (src/engine/effects.ts).
 */
export async function enqueueWebhookEvents(db: DbOrTx, events: readonly WebhookEvent[], at: Date, maxAttempts: number): Promise<void> {
  if (!events.length) return;
  await executeStatement(db, RECORD_WEBHOOKS, [JSON.stringify(events.map((e) => ({ type: e.type, payload: webhookPayload(e, at) }))), at.toISOString(), maxAttempts]);
}
