import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per running worker process, rewritten every WORKER_HEARTBEAT_MS with the database's
 * clock (so machines' clocks never disagree about it) and deleted when the worker stops. /readyz
 * fails when the newest is older than three intervals: no worker is running the queue.
 */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  /** host:pid:random, unique per process start. */
  workerId: text('worker_id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  beatAt: timestamp('beat_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
