import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Security and data-protection audit: sign-ins, permission failures, exports, erasures.
 * Ids only, never names, emails or documents.
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  subjectId: text('subject_id'),
  detail: jsonb('detail'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('audit_log_kind_idx').on(t.kind, t.at), index('audit_log_subject_idx').on(t.subjectId)]);

/**
 * Fixed-window counters in the database, so limits hold across every server process. Keys name
 * what is counted by a hash (of an email, an address), never in clear.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  count: integer('count').notNull(),
}, (t) => [index('rate_limits_window_idx').on(t.windowStart)]);
