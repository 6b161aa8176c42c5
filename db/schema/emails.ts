import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';

/**
 * Every email Intake sends, rendered once from its job and kept on the candidate's record.
 * One row per email job (`job_key` unique), so a retried or replayed job never makes a second email.
 */
export const emails = pgTable('emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  jobKey: text('job_key').notNull(),
  candidateId: uuid('candidate_id').references(() => candidates.id, { onDelete: 'cascade' }),
  journeyId: uuid('journey_id'),
  template: text('template').notNull(),
  toRole: text('to_role').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  /** JSON array of {filename, contentType, content(base64)} — e.g. the interview .ics. */
  attachments: text('attachments'),
  transport: text('transport').notNull(),
  status: text('status').notNull(),
  providerId: text('provider_id'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('emails_job_key_idx').on(t.jobKey),
  index('emails_candidate_idx').on(t.candidateId, t.createdAt),
]);
