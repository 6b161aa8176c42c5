import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The queue for everything asynchronous (timers, emails, CV parsing). Rows are written in the
 * same transaction as the change that caused them and claimed with FOR UPDATE SKIP LOCKED.
 * `key` deduplicates: a timer's key is journey + delay id, so re-entering a state replaces it.
 */
export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  key: text('key'),
  journeyId: uuid('journey_id'),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull().default('pending'),
  runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(8),
  lastError: text('last_error'),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('jobs_key_idx').on(t.key),
  index('jobs_due_idx').on(t.runAt).where(sql`status = 'pending'`),
  index('jobs_journey_idx').on(t.journeyId),
  // /metrics counts the jobs not yet done by kind and status on every scrape: a small index of
  // those rows only, rather than a scan of every email and timer ever run.
  index('jobs_open_idx').on(t.kind, t.status).where(sql`status <> 'done'`),
]);
