import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key on POST /api/… (src/routes/idempotency.ts): the first response to a key, kept
 * for 24 hours and replayed to a repeat of the same request. Keys belong to one credential.
 * `status` is 'running' while the first request is served (until `locked_until`), then 'done'.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  credential: text('credential').notNull(),
  key: text('key').notNull(),
  /** SHA-256 of the method, path, content type and body: a different request under the key is refused. */
  fingerprint: text('fingerprint').notNull(),
  status: text('status').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }).notNull(),
  responseStatus: integer('response_status'),
  responseHeaders: jsonb('response_headers'),
  responseBody: text('response_body'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.credential, t.key] })]);
