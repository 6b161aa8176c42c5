import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A person applying. Personal data lives here only, never in journey snapshots. */
export const candidates = pgTable('candidates', {
  id: uuid('id').primaryKey().defaultRandom(),
  fullName: text('full_name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  postcode: text('postcode'),
  profession: text('profession').notNull(),
  /** The registration number the candidate declared (e.g. from an import), unverified until screening. */
  registrationNumber: text('registration_number'),
  currentJourneyId: uuid('current_journey_id'),
  /**
   * When a sign-in link sent to `email` was first used after this application was made. Until
   * then the address is only what someone typed: staff see the application as unconfirmed.
   */
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true, mode: 'date' }),
  /** Set when personal data was erased (retention or request); the journey history remains. */
  erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('candidates_created_idx').on(t.createdAt.desc(), t.id.desc()),
  index('candidates_email_idx').on(sql`lower(${t.email})`),
  // The list joins each current journey to its candidate through this column.
  index('candidates_current_journey_idx').on(t.currentJourneyId),
  // `q` is a substring search (ILIKE '%…%') on name and email: trigrams make it an index lookup.
  // Pollers (`updatedSince`): candidates whose details changed.
  index('candidates_updated_idx').on(t.updatedAt),
  index('candidates_search_idx').using('gin', t.fullName.op('gin_trgm_ops'), t.email.op('gin_trgm_ops')),
]);
