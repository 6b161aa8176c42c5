// Vitest global setup: the tests that start server processes run the built server (dist/), as
// production does, so build it first when it is missing or older than the sources.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function build() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}
