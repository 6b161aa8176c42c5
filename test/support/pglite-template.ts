// A migrated PGlite database, dumped once per set of migrations by the global setup and loaded by
// every test that starts Intake on PGlite: a new PGlite with every migration applied takes 5 to
// 10 s, loading the dump 1 to 2 s, for each of some fifty test files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../db/migrations.js';

/** Where the dump of these migrations on this PGlite lives (a new name when either changes). */
function templateFile(): string {
  const hash = createHash('sha256').update(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const name of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const path = join(migrationsFolder, name);
    if (statSync(path).isFile()) hash.update(name).update(readFileSync(path));
  }
  return join(tmpdir(), `intake-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

export async function createPgliteTemplate(): Promise<void> {
  const file = templateFile();
  if (existsSync(file)) return;
  const pglite = new PGlite('memory://', { extensions: { pg_trgm } });
  await migrate(drizzle(pglite), { migrationsFolder });
  const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await pglite.close();
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, dump);
  renameSync(partial, file); // whole or not at all, should two runs race
}

/** The template, if the global setup made it (else a test starts from an empty PGlite, as before). */
export function pgliteTemplate(): Blob | undefined {
  const file = templateFile();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
