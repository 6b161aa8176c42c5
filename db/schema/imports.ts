import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A CSV of candidates (src/services/imports/): checked first (the dry run's report, by line),
 * then imported by one `import` job. `rows` holds the parsed rows until the import has run, and
 * is cleared then: the report keeps line numbers, fields and reasons, never the values.
 */
export const imports = pgTable('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  filename: text('filename').notNull(),
  /** checked, queued, running, done or failed. */
  status: text('status').notNull(),
  createdBy: text('created_by'),
  rows: jsonb('rows'),
  report: jsonb('report').notNull(),
  /** How far the job got (rows handled), so a job that is run again carries on where it stopped. */
  progress: integer('progress').notNull().default(0),
  result: jsonb('result'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('imports_created_idx').on(t.createdAt)]);
