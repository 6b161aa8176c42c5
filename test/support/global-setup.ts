// Vitest global setup, once per run: build the server (the tests that start server processes run
// `node dist/src/main.js`, as production does) when it is missing or older than the sources, and,
// for a run on PGlite, dump a migrated database for every test file to start from.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPgliteTemplate } from './pglite-template.js';

export default async function setup() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
  if (!process.env.TEST_DATABASE_URL) await createPgliteTemplate();
}
