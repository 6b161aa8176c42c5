// The database a server process of a test runs on: a PGlite data directory of its own, or, with
// TEST_DATABASE_URL, a private database on that PostgreSQL server. `open` reads it from the test
// (on PGlite only while no server process holds the directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../../db/client.js';
import { createTestDatabase } from '../../support/intake.js';
import { pgliteTemplate } from '../../support/pglite-template.js';

export interface ProcessDatabase {
  kind: 'pglite' | 'postgres';
  /** DATA_DIR or DATABASE_URL for the server process. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function processDatabase(name: string): Promise<ProcessDatabase> {
  if (process.env.TEST_DATABASE_URL) {
    const db = await createTestDatabase(process.env.TEST_DATABASE_URL);
    return { kind: 'postgres', env: { DATABASE_URL: db.url }, open: () => openDatabase({ url: db.url, poolSize: 2 }), drop: () => db.drop() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), `intake-${name}-`));
  // Migrated already, from the run's template: the server process opens it in a second, not ten.
  await (await openDatabase({ dataDir, loadDataDir: pgliteTemplate() })).close();
  return {
    kind: 'pglite', env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
