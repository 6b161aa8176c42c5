import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * An uploaded CV and what the parser made of it. Parsed fields are prefill for a recruiter to
 * accept or correct, never applied silently: `fields` holds {value, confidence, source} per field.
 */
export const cvDocuments = pgTable('cv_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  status: text('status').notNull(),
  errorCode: text('error_code'),
  errorDetail: text('error_detail'),
  pages: integer('pages'),
  truncated: boolean('truncated').notNull().default(false),
  fields: jsonb('fields'),
  reviewed: jsonb('reviewed'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  parsedAt: timestamp('parsed_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('cv_documents_candidate_idx').on(t.candidateId, t.createdAt),
  index('cv_documents_sha_idx').on(t.sha256),
]);
