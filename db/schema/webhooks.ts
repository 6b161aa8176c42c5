import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Where Intake tells other systems what happened (docs/webhooks.md). `secret` signs each delivery
 * (Standard Webhooks: HMAC-SHA256 with the bytes after `whsec_`), so it is kept as issued.
 * Deleting a subscription marks it (`deleted_at`) and forgets the secret: rows are never removed,
 * so a change committing at that moment never meets a missing row, and the delivery log stays.
 */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** Event types, or '*' for all. */
  events: text('events').array().notNull(),
  description: text('description'),
  secret: text('secret').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('webhook_subscriptions_live_idx').on(t.createdAt).where(sql`${t.deletedAt} is null`)]);

/**
 * One event for one subscription, written in the same statement as the change that caused it
 * (src/engine/effects.ts) and sent by a `webhook` job. Payloads carry ids and states, never
 * personal data, so the log needs no erasure.
 */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  subscriptionId: uuid('subscription_id').notNull().references(() => webhookSubscriptions.id),
  eventType: text('event_type').notNull(),
  payload: jsonb('payload').notNull(),
  /** pending, retrying, delivered, failed (gave up) or cancelled (subscription deleted). */
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt, t.id)]);
