import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Browser sessions of staff (`user_id`) and of applicants signed in by magic link
 * (`candidate_id`). `id_hash` is the SHA-256 of the cookie value; `csrf` is the session's
 * anti-forgery token for form posts.
 */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  candidateId: uuid('candidate_id'),
  csrf: text('csrf').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_candidate_idx').on(t.candidateId)]);

/** An applicant's one-time sign-in link (15 minutes). Only its SHA-256 is stored. */
export const magicLinks = pgTable('magic_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('magic_links_candidate_idx').on(t.candidateId)]);
