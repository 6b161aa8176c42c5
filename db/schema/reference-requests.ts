import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { journeys } from './journeys.js';

/** One referee's one-time link. Only a SHA-256 of the token is stored. */
export const referenceRequests = pgTable('reference_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  journeyId: uuid('journey_id').notNull().references(() => journeys.id, { onDelete: 'cascade' }),
  refereeEmail: text('referee_email').notNull(),
  refereeName: text('referee_name').notNull(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  answers: jsonb('answers'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('reference_requests_token_idx').on(t.tokenHash),
  index('reference_requests_journey_idx').on(t.journeyId),
]);
