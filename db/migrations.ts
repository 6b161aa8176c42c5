// The migrations this code ships (drizzle's journal in db/migrations, copied beside the compiled
// code by `npm run build`) and drizzle's record of those a database has applied. Start-up applies them
// (db/client.ts); /readyz checks they are still there (src/services/ops/readiness.ts), e.g. after
// a restore from an older backup.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** drizzle's own record of what it applied (not in db/schema: drizzle-kit must not create it). */
export const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

interface Journal { entries: { tag: string; when: number }[] }
let latest: { tag: string; when: number } | undefined;

/** The newest migration in the journal (read once). */
export function latestMigration(): { tag: string; when: number } {
  if (!latest) {
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
    latest = journal.entries.reduce((a, b) => (b.when > a.when ? b : a));
  }
  return latest;
}
