// `npm run bench`: Intake at a national bank's size, each figure beside its reference from the
// same run. Against PostgreSQL (DATABASE_URL: the server; the benchmark makes its own database
// there, `intake_bench`, dropped and made again each run):
//   1. advancing candidates over HTTP vs the same SQL sent directly by postgres.js
//   2. the recruiter's board (pipeline counts, a board column, a search) at full size
//   3. embedded mode (PGlite): sequential events per second
//   4. CV parsing vs pdftotext (bench/cv.ts)
//   5. members after hire: bookability and the compliance dashboard's queries (bench/membership.ts)
// Prints a table and writes bench/results.json. BENCH_QUICK=1: 10,000 candidates and short
// measurements (under a minute). The machine is shared and noisy: ratios are the headline.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMachines } from '../workflows/index.js';
import { defaultDbPoolSize } from '../src/config.js';
import { benchBoard } from './board.js';
import { benchCv } from './cv-run.js';
import { createBenchDatabase } from './database.js';
import { benchDispatch } from './dispatch.js';
import { benchMembership } from './membership.js';
import { benchPglite } from './pglite.js';
import { seedBench } from './seed.js';
import { startServer } from './server.js';
import { loadAverage, machine } from './stats.js';

const quick = process.env.BENCH_QUICK === '1';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TOKEN = 'bench-admin-token-0123456789abcdef';
const settings = quick
  ? { candidates: 10_000, distinct: 600, pool: 1_500, rounds: 1, roundMs: 5_000, warmupMs: 2_000, singleMs: 800, boardMs: 1_000, pgliteCandidates: 150, pgliteMs: 3_000, cvRounds: 1 }
  : { candidates: 100_000, distinct: 4_000, pool: 8_000, rounds: 3, roundMs: 10_000, warmupMs: 10_000, singleMs: 5_000, boardMs: 8_000, pgliteCandidates: 1_000, pgliteMs: 15_000, cvRounds: 3 };
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const dbPool = Number(process.env.BENCH_DB_POOL ?? defaultDbPoolSize()); // as the server would choose
const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}\n`);
const targets = { ratio: 0.7, p99Ms: 50, boardP95Ms: 25, boardPageP95Ms: 300, membershipP95Ms: 25, pgliteEventsPerSecond: 600, pgliteRssMb: 1200, cvRatio: 0.8 };

const machines = buildMachines();
const host = machine();
log(`${quick ? 'quick' : 'full'} run on ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, load ${host.loadAverage.join(' ')}`);

const db = await createBenchDatabase(adminUrl, process.env.BENCH_DATABASE ?? 'intake_bench', dbPool);
const [{ version: pgVersion } = { version: 'unknown' }] = await db.sql<{ version: string }[]>`select version()`;
const seedStarted = Date.now();
const seeded = await seedBench(db.sql, machines, {
  count: settings.candidates, distinct: settings.distinct, now: new Date(),
  onProgress: (phase, n) => log(`seed: ${phase} ${n.toLocaleString('en-GB')}`),
});
await db.sql`vacuum analyze`;
const seedMs = Date.now() - seedStarted;
log(`seed: ${seeded.candidates.toLocaleString('en-GB')} candidates, ${seeded.events.toLocaleString('en-GB')} events in ${(seedMs / 1000).toFixed(1)} s`);
const states = await db.sql<{ status: string; n: number }[]>`select status, count(*)::int as n from journeys group by status order by 2 desc`;

const server = await startServer({ DATABASE_URL: db.url, WORKER: 'off', DB_POOL_SIZE: String(dbPool), INTAKE_BOOTSTRAP_TOKEN: TOKEN });
log(`server: ${server.url} (pid ${server.child.pid}, WORKER=off, DB_POOL_SIZE=${dbPool})`);
let board: Awaited<ReturnType<typeof benchBoard>>;
let dispatch: Awaited<ReturnType<typeof benchDispatch>>;
let membership: Awaited<ReturnType<typeof benchMembership>>;
try {
  board = await benchBoard({ sql: db.sql, serverUrl: server.url, token: TOKEN, msPerQuery: settings.boardMs, log });
  membership = await benchMembership({ sql: db.sql, databaseUrl: db.url, serverUrl: server.url, token: TOKEN, msPerQuery: settings.boardMs, log });
  const backends = async () => (await db.sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${db.name} and pid <> pg_backend_pid()`).map((r) => r.pid);
  dispatch = await benchDispatch({
    sql: db.sql, databaseUrl: db.url, dbPoolSize: dbPool, serverUrl: server.url, token: TOKEN, machines, concurrency, poolSize: settings.pool,
    rounds: settings.rounds, roundMs: settings.roundMs, warmupMs: settings.warmupMs, singleMs: settings.singleMs, log,
    cpu: { client: () => [process.pid], server: () => [server.child.pid!], postgres: backends },
  });
} finally {
  await server.stop();
  if (process.env.BENCH_KEEP === '1') await db.sql.end(); else await db.drop();
}

const pglite = await benchPglite({ candidates: settings.pgliteCandidates, ms: settings.pgliteMs, token: TOKEN, log });
// This process held the embedded database (and its demo data) until just now: its peak RSS is the figure.
const pgliteRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
log(`pglite: ${pglite.eventsPerSecond} events/s, peak RSS ${pgliteRssMb} MB`);
const cv = await benchCv(settings.cvRounds);
log(`cv: ${cv.ratio ?? 'n/a'}× pdftotext${cv.note ? ` (${cv.note})` : ''}`);

const results = {
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: { ...host, postgres: pgVersion.split(' on ')[0], loadAverageAtEnd: loadAverage() },
  seed: { ...seeded, ms: seedMs, statuses: Object.fromEntries(states.map((s) => [s.status, s.n])) },
  dispatch: {
    ratio: dispatch.ratio,
    p50Ms: dispatch.http.latency.p50Ms,
    p99Ms: dispatch.http.latency.p99Ms,
    httpEventsPerSecond: dispatch.http.perSecond,
    sqlEventsPerSecond: dispatch.sql.perSecond,
    concurrency, dbPoolSize: dbPool, worker: 'off', rounds: settings.rounds, roundSeconds: settings.roundMs / 1000,
    http: dispatch.http, sql: dispatch.sql, single: dispatch.single, responseBytes: dispatch.responseBytes,
    minimal: { ratio: dispatch.minimalRatio, ...dispatch.minimal },
  },
  board: { p95Ms: board.p95Ms, pageP95Ms: board.page.latency.p95Ms, via: 'HTTP, one request at a time', queries: board.queries, page: board.page },
  membership: { p95Ms: membership.p95Ms, members: membership.members, items: membership.items, seedMs: membership.seedMs, via: 'bookability over HTTP, dashboard queries direct; one at a time', queries: membership.queries },
  pglite: { peakRssMb: pgliteRssMb, eventsPerSecond: pglite.eventsPerSecond, events: pglite.events, errors: pglite.errors, latency: pglite.latency, candidates: pglite.candidates },
  cv: { ratio: cv.ratio, method: cv.method, rows: cv.rows, note: cv.note },
  targets: {
    'dispatch.ratio >= 0.7': dispatch.ratio >= targets.ratio,
    'dispatch.minimalRatio >= 0.7': dispatch.minimalRatio >= targets.ratio,
    'dispatch.p99Ms < 50': dispatch.http.latency.p99Ms < targets.p99Ms,
    'board.p95Ms < 25': board.p95Ms < targets.boardP95Ms,
    'board.pageP95Ms < 300': board.page.latency.p95Ms < targets.boardPageP95Ms,
    'membership.p95Ms < 25': membership.p95Ms < targets.membershipP95Ms,
    'pglite.eventsPerSecond >= 600': pglite.eventsPerSecond >= targets.pgliteEventsPerSecond,
    'pglite.peakRssMb < 1200': pgliteRssMb < targets.pgliteRssMb,
    'cv.ratio >= 0.8': cv.ratio !== null && cv.ratio >= targets.cvRatio,
  },
  seconds: Math.round((Date.now() - started) / 1000),
};
const out = fileURLToPath(new URL('./results.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');
const rows: [string, string, string][] = [
  ['dispatch: HTTP / direct SQL (throughput)', fmt(dispatch.ratio, 3), `target ≥ 0.7: ${ok(results.targets['dispatch.ratio >= 0.7'])}`],
  ['dispatch: HTTP with Prefer: return=minimal / direct SQL', fmt(dispatch.minimalRatio, 3), `${dispatch.minimal.perSecond}/s, p50 / p99 ${fmt(dispatch.minimal.latency.p50Ms)} / ${fmt(dispatch.minimal.latency.p99Ms)} ms, server CPU ${fmt(dispatch.minimal.cpuMsPerEvent.server, 2)} ms/event; target ≥ 0.7: ${ok(results.targets['dispatch.minimalRatio >= 0.7'])}`],
  ['dispatch: HTTP events/s (32 connections)', String(dispatch.http.perSecond), `direct SQL: ${dispatch.sql.perSecond}/s`],
  ['dispatch: HTTP p50 / p99 ms', `${fmt(dispatch.http.latency.p50Ms)} / ${fmt(dispatch.http.latency.p99Ms)}`, `target p99 < 50: ${ok(results.targets['dispatch.p99Ms < 50'])}; SQL ${fmt(dispatch.sql.latency.p50Ms)} / ${fmt(dispatch.sql.latency.p99Ms)}`],
  ...(dispatch.single ? [['dispatch: one connection p50 / p99 ms', `${fmt(dispatch.single.http.latency.p50Ms)} / ${fmt(dispatch.single.http.latency.p99Ms)}`, `SQL ${fmt(dispatch.single.sql.latency.p50Ms)} / ${fmt(dispatch.single.sql.latency.p99Ms)}`] as [string, string, string]] : []),
  ['dispatch: CPU ms per event (client/server/pg)', `${fmt(dispatch.http.cpuMsPerEvent.client, 2)}/${fmt(dispatch.http.cpuMsPerEvent.server, 2)}/${fmt(dispatch.http.cpuMsPerEvent.postgres, 2)}`, `SQL ${fmt(dispatch.sql.cpuMsPerEvent.client, 2)}/–/${fmt(dispatch.sql.cpuMsPerEvent.postgres, 2)}`],
  ...board.queries.map((q): [string, string, string] => [`board: ${q.path}`, `p95 ${fmt(q.latency.p95Ms)} ms`, `p50 ${fmt(q.latency.p50Ms)} ms, ${q.latency.count} requests`]),
  [`board page: ${board.page.path} (HTML, ${board.page.rows} cards)`, `p95 ${fmt(board.page.latency.p95Ms)} ms`, `p50 ${fmt(board.page.latency.p50Ms)} ms, ${board.page.latency.count} requests (target < 300 ms)`],
  ['board: worst p95 ms', fmt(board.p95Ms), `target < 25: ${ok(results.targets['board.p95Ms < 25'])}`],
  ...membership.queries.map((q): [string, string, string] => [`membership: ${q.name}`, `p95 ${fmt(q.latency.p95Ms)} ms`, `p50 ${fmt(q.latency.p50Ms)} ms, ${q.latency.count} requests`]),
  [`membership: worst p95 ms (${membership.members.toLocaleString('en-GB')} members)`, fmt(membership.p95Ms), `target < 25: ${ok(results.targets['membership.p95Ms < 25'])}`],
  ['embedded (PGlite): sequential events/s', String(pglite.eventsPerSecond), `p50 ${fmt(pglite.latency.p50Ms)} ms, ${pglite.candidates} candidates, peak RSS ${pgliteRssMb} MB; target ≥ 600/s: ${ok(results.targets['pglite.eventsPerSecond >= 600'])}, < 1,200 MB: ${ok(results.targets['pglite.peakRssMb < 1200'])}`],
  ['CV parsing / pdftotext (throughput)', cv.ratio === null ? 'n/a' : fmt(cv.ratio, 2), `${cv.note ?? cv.method ?? ''}; target ≥ 0.8: ${ok(results.targets['cv.ratio >= 0.8'])}`],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nIntake benchmark (${results.mode}): ${seeded.candidates.toLocaleString('en-GB')} candidates, ${seeded.events.toLocaleString('en-GB')} events`);
console.log(`machine: ${host.cpus} CPUs, ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}, ${results.machine.postgres}; load ${host.loadAverage.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
console.log(`\nwritten ${out} in ${results.seconds} s`);
