// postinstall: two fixes to postgres.js 3.4.9 (the PostgreSQL driver) for a database that goes
// away, until a release has them. Found by test/faults/postgres-outage.test.ts.
//
// 1. Small writes wait for a setImmediate. When a connection closes, terminate() and closed()
//    cancel that immediate but leave `nextWriteTimer` set, so the reconnected connection never
//    schedules a write again: its queries hang for ever (LanternOps/breeze#3225).
// 2. A write scheduled on a connection whose socket is gone throws from the immediate: an
//    uncaught TypeError that ends the process (porsager/postgres#1154, #1208). It now fails the
//    query with CONNECTION_CLOSED instead (as porsager/postgres#1209 proposes).
//
// Idempotent; if the driver's code is not what the patch expects (another version), it says so
// and changes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* intake: patched for outages */';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');

const teardown = /^( {4})clearImmediate\(nextWriteTimer\)\n/gm;
const nextWrite = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n';
const guarded = `  function nextWrite(fn) {\n    ${MARK}\n    if (socket === null) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options, socket))\n      return false\n    }\n    const x = socket.write(chunk, fn)\n`;

let patched = 0;
for (const dir of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, dir, 'connection.js');
  if (!existsSync(file)) continue;
  const source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  const teardowns = source.match(teardown)?.length ?? 0;
  if (teardowns !== 2 || !source.includes(nextWrite)) {
    console.warn(`patch-postgres: ${dir}/connection.js is not the code this patch expects; left as it is`);
    continue;
  }
  writeFileSync(file, source.replace(teardown, '$1clearImmediate(nextWriteTimer)\n$1chunk = nextWriteTimer = null\n').replace(nextWrite, guarded));
  patched++;
}
if (patched) console.log(`patch-postgres: patched ${patched} build(s) of postgres.js`);
