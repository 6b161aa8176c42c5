import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Install-wide values every process must agree on, e.g. the secret one-time links are derived from. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
