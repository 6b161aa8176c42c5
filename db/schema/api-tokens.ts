import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Bearer tokens for the API. Only a SHA-256 of the token is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role').notNull(),
  /** The staff member the token belongs to; null for the bootstrap token. */
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  /** After this the token no longer works; null: until revoked. */
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
});
