// The benchmark's own database on DATABASE_URL's server: dropped and created again each run,
// migrated by the same code as the server, and vacuumed after seeding (as autovacuum would, so
// index-only scans see an up-to-date visibility map).
import postgres, { type Sql } from 'postgres';
import { openDatabase } from '../db/client.js';

export interface BenchDatabase { url: string; name: string; sql: Sql; drop(): Promise<void> }

export async function createBenchDatabase(adminUrl: string, name: string, pool = 10): Promise<BenchDatabase> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrated = await openDatabase({ url: url.toString(), poolSize: 1 });
  await migrated.close();
  const sql = postgres(url.toString(), { max: pool, onnotice: () => {} });
  return {
    url: url.toString(), name, sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try { await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); } finally { await a.end(); }
    },
  };
}
