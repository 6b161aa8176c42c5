import { bigint, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A document an applicant (or a member of staff for them) uploaded as evidence for one
 * pre-employment check: identity and address documents, right to work, qualifications,
 * registration evidence, or a file answering a query. The bytes live here (no file store to
 * secure separately); only staff who may read the candidate, and the applicant, fetch them.
 * Deleted with the candidate's erasure.
 */
export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  /** The check it serves (identity, rightToWork, registration, references, workHealth, ...). */
  check: text('check').notNull(),
  /** What it is (passport, utility_bill, ...): src/services/documents/kinds.ts. */
  kind: text('kind').notNull(),
  filename: text('filename').notNull(),
  /** Sniffed from the bytes, never taken from the upload's own claim. */
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  /** Who uploaded it: 'applicant' or 'user' (staff), as the journey history names actors. */
  uploadedByType: text('uploaded_by_type').notNull(),
  uploadedById: uuid('uploaded_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('documents_candidate_idx').on(t.candidateId, t.check, t.createdAt)]);
