import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';

/** An intake of international recruits run together, e.g. "March 2027 nurses". */
export const cohorts = pgTable('cohorts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  programme: text('programme').notNull(),
  startsOn: text('starts_on'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const cohortMembers = pgTable('cohort_members', {
  cohortId: uuid('cohort_id').notNull().references(() => cohorts.id, { onDelete: 'cascade' }),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.cohortId, t.candidateId] }), index('cohort_members_candidate_idx').on(t.candidateId)]);

/** Recruiters' notes on a candidate (free text: erased with the candidate's personal data). */
export const notes = pgTable('notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  authorId: text('author_id'),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('notes_candidate_idx').on(t.candidateId, t.createdAt)]);
