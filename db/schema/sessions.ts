import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Browser sessions of staff (`user_id`) and of applicants signed in by magic link
 * (`applicant_email`: the address they proved, which reaches every application made with it).
 * `id_hash` is the SHA-256 of the cookie value; `csrf` is the session's anti-forgery token for
 * form posts; `last_seen_at` ends an idle staff session.
 */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  applicantEmail: text('applicant_email'),
  csrf: text('csrf').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  index('sessions_user_idx').on(t.userId),
  index('sessions_applicant_idx').on(t.applicantEmail),
  index('sessions_expires_idx').on(t.expiresAt),
]);

/**
 * An applicant's one-time sign-in link (15 minutes), for an email address: used, it signs the
 * person in to every application made with that address. Only its SHA-256 is stored.
 */
export const magicLinks = pgTable('magic_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Lower-cased. */
  email: text('email').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('magic_links_email_idx').on(t.email), index('magic_links_expires_idx').on(t.expiresAt)]);
