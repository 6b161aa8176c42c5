// postgres.js 3.4.9 needs two fixes to survive a database that goes away, until a release has
// them (found by test/faults/postgres-outage.test.ts):
// 1. Small writes wait for a setImmediate. When a connection closes, terminate() and closed()
//    cancel that immediate but leave `nextWriteTimer` set, so the reconnected connection never
//    schedules a write again: its queries hang for ever (LanternOps/breeze#3225).
// 2. A write scheduled on a connection whose socket is gone throws from the immediate: an
//    uncaught TypeError that ends the process (porsager/postgres#1154, #1208). It fails the query
//    with CONNECTION_CLOSED instead (as porsager/postgres#1209 proposes).
// patches/postgres+3.4.9.patch holds them, applied by patch-package at `npm install`
// (postinstall). An install that skipped it (`npm ci --ignore-scripts`) would run fine until the
// first outage, so the server checks for the patch's mark before it starts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const POSTGRES_FIX_MARK = '/* intake: patched for outages */';

export class PostgresFixMissingError extends Error {}

/** The connection code of the postgres.js this process imports. */
export const installedConnectionFile = () => join(dirname(fileURLToPath(import.meta.resolve('postgres'))), 'connection.js');

export function checkPostgresFix(connectionFile = installedConnectionFile()): void {
  let source: string;
  try {
    source = readFileSync(connectionFile, 'utf8');
  } catch {
    throw new PostgresFixMissingError(`Cannot read ${connectionFile} to check Intake's fix to postgres.js: run \`npm install\`.`);
  }
  if (!source.includes(POSTGRES_FIX_MARK)) {
    throw new PostgresFixMissingError([
      `postgres.js at ${connectionFile} lacks Intake's fix for database outages (patches/postgres+3.4.9.patch).`,
      'It is applied by patch-package when npm runs install scripts: run `npm install` (or `npx patch-package`),',
      'not `npm ci --ignore-scripts`, then start again.',
    ].join('\n'));
  }
}
