// `npm run build`: the server compiled to JavaScript in dist/ (tsc, tsconfig.build.json), with
// what the compiled code reads at run time beside it (the SQL migrations and their journal, read
// from dist/db/migrations). Production runs `node dist/src/main.js`; tsx is for `npm run dev`.
//
// `--if-stale` (prestart, preworker, the test suite's setup) builds only when dist/ is missing or
// a source is newer than the last build, so `npm install && npm start` works on a fresh clone and
// after a `git pull`. Plain JavaScript: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.built');
const sources = ['src', 'workflows', 'db', 'scripts/user-create.ts', 'scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time under `path` (a file or a directory tree). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(stamp) && Math.max(...sources.map((s) => newest(join(root, s)))) <= statSync(stamp).mtimeMs) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('dist/ is missing or older than the sources, and TypeScript is not installed to build it.\nRun `npm ci` (with dev dependencies) and `npm run build`, then start again.\n');
  process.exit(2);
}
if (ifStale) process.stderr.write('Building Intake into dist/ (it is missing or older than the sources)…\n');
else rmSync(dist, { recursive: true, force: true }); // a full build leaves nothing of deleted sources behind

const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  process.stderr.write('The TypeScript build failed (above).\n');
  process.exit(compiled.status ?? 1);
}
rmSync(join(dist, 'db', 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'db', 'migrations'), join(dist, 'db', 'migrations'), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
