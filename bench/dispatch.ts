// Measurement 1: advancing candidates over HTTP against the same SQL done directly.
//
// HTTP: N concurrent keep-alive connections to the real server; each request takes a random
// candidate from a pool (never one already in flight), sends one of its allowed `advance` events
// with the example payload the API offered, and takes the next event from the reply.
//
// Reference: the same SQL the server sends for an event, sent by postgres.js from this process
// with the same concurrency and pool size: the token with the candidate and their journey (one
// statement), then dispatch's one compare-and-swap statement (texts taken from the server's own
// query builder and src/engine/commit.ts). Every transition is computed
// beforehand by the server's own planChange; at run time only the row's version and xmin (read by
// the second statement) are put into the third. What separates the two sides is the cost of
// HTTP, auth, zod, XState, drizzle and the reply: the ratio is that cost.
//
// The two sides use disjoint random pools of in-progress candidates, and alternate in rounds so
// that a noisy neighbour slows both rather than one.
import type { Sql } from 'postgres';
import { openDatabase } from '../db/client.js';
import type { Machines } from '../workflows/index.js';
import { type AllowedEvent, allowedEvents } from '../workflows/inspect.js';
import { COMMIT_PARAM, COMMIT_SQL, commitParams } from '../src/engine/commit.js';
import type { LoadedJourney } from '../src/engine/rows.js';
import { parseEvent } from '../src/services/journeys/event.js';
import { planChange } from '../src/engine/dispatch.js';
import { loadSnapshot } from '../src/engine/snapshot.js';
import { findTokenWithCandidateQuery } from '../src/auth/lookup.js';
import { hashToken } from '../src/services/tokens/bootstrap.js';
import { type CpuGroups, cpuDelta } from './cpu.js';
import { httpClient } from './http.js';
import { type Latency, latency, sleep } from './stats.js';

export interface DispatchBenchOptions {
  sql: Sql;
  /** The database the server uses, and its pool size: the reference connects the same way. */
  databaseUrl: string;
  dbPoolSize: number;
  serverUrl: string;
  token: string;
  machines: Machines;
  concurrency: number;
  /** Candidates per side. */
  poolSize: number;
  rounds: number;
  roundMs: number;
  warmupMs: number;
  /** Then each side with one connection for this long: the latency of an event with no queue. */
  singleMs?: number;
  emailMaxAttempts?: number;
  /** Processes whose CPU time is measured per side (Linux only). */
  cpu?: CpuGroups;
  log?: (line: string) => void;
}

export interface SideResult {
  ops: number; errors: number; seconds: number; perSecond: number; latency: Latency; errorCodes: Record<string, number>;
  /** CPU milliseconds per event, per process group. */
  cpuMsPerEvent: Record<string, number>;
}
export interface DispatchBenchResult {
  http: SideResult; sql: SideResult; ratio: number; responseBytes: number;
  /** HTTP with `Prefer: return=minimal`, sending steps planned beforehand as the reference's are. */
  minimal: SideResult; minimalRatio: number;
  /** One connection, no queue: events/s and latency per side. */
  single?: { http: { perSecond: number; latency: Latency }; sql: { perSecond: number; latency: Latency } };
}

interface Row {
  journey_id: string; candidate_id: string; programme: string; machine_version: number; snapshot: unknown;
  state: string; stage: string; status: string; owner: string; stage_entered_at: string; created_at: string; updated_at: string;
}

const pickAdvance = (events: AllowedEvent[]): AllowedEvent | null => {
  const advance = events.filter((e) => e.intent === 'advance');
  return advance.length ? advance[Math.floor(Math.random() * advance.length)]! : null;
};

// Stand-ins for the values known only at run time; found again among a step's parameters.
const VERSION = 900_000_000;
const XMIN = '3999999999';
const SEQ_IN_KEY = `:${VERSION + 1}:`;

/** One precomputed step: the event sent (the minimal HTTP side) and the commit statement's parameters (the reference). */
interface Step { type: string; payload: Record<string, unknown>; params: unknown[] }

/** A query's text, and the names of its placeholders in the order of its parameters. */
const queryText = (q: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = q.toSQL();
  return { sql, names: params.map((p) => (p as { name: string }).name) };
};

function planSteps(machines: Machines, row: Row, atIso: string, max: number, maxAttempts: number, actorId: string): Step[] {
  const app = { machines, clock: { now: () => new Date(atIso) }, settings: { emailMaxAttempts: maxAttempts } } as Parameters<typeof planChange>[0];
  let loaded: LoadedJourney = {
    id: row.journey_id, candidateId: row.candidate_id, programme: row.programme, machineVersion: row.machine_version, snapshot: row.snapshot,
    state: row.state, stage: row.stage, status: row.status, owner: row.owner, version: VERSION, stageEnteredAt: new Date(row.stage_entered_at),
    exitStage: null, exitReason: null, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at), closedAt: null, supersededAt: null, xmin: XMIN,
  };
  const steps: Step[] = [];
  for (let i = 0; i < max; i++) {
    const snapshot = loadSnapshot(machines, loaded);
    const choice = snapshot.status === 'active' ? pickAdvance(allowedEvents(snapshot, atIso)) : null;
    if (!choice) break;
    const change = planChange(app, loaded, choice.type, parseEvent(choice.type, choice.example), { type: 'user', id: actorId }, {});
    if (!change.accepted || change.writes.startProgrammes.length) break; // a move to another programme is left out: rare, and a second journey
    steps.push({ type: choice.type, payload: choice.example, params: commitParams(change.commit) });
    loaded = { ...change.result.journey, version: VERSION, xmin: XMIN };
  }
  return steps;
}

/** The statements of one event over HTTP, with its CPU work done beforehand. */
async function referenceDispatch(sql: Sql, read: ReturnType<typeof queryText>, tokenHash: string, candidateId: string, step: Step) {
  const values: Record<string, string> = { hash: tokenHash, id: candidateId };
  const rows = await sql.unsafe(read.sql, read.names.map((n) => values[n]!), { prepare: true }).values();
  const names = rows.columns.map((c) => c.name);
  const row = rows[0];
  if (!row) throw new Error('token not found');
  const version = row[names.lastIndexOf('version')] as number;
  const xmin = row[names.indexOf('journey_xmin')] as string;
  const params = [...step.params];
  params[COMMIT_PARAM.fromVersion] = version;
  params[COMMIT_PARAM.toVersion] = version + 1;
  params[COMMIT_PARAM.xmin] = xmin;
  params[COMMIT_PARAM.emails] = (params[COMMIT_PARAM.emails] as string).replaceAll(SEQ_IN_KEY, `:${version + 1}:`);
  const [written] = await sql.unsafe(COMMIT_SQL, params as never[], { prepare: true });
  if ((written as unknown as { n: number } | undefined)?.n !== 1) throw new Error('version conflict');
}

/** Runs `op` on `concurrency` loops for `ms`, over entries picked at random from `pool`. */
async function drive<T>(pool: T[], concurrency: number, ms: number, op: (entry: T) => Promise<{ ok: boolean; code?: string; keep: boolean }>) {
  const busy = new Set<T>();
  const samples: number[] = [];
  const errorCodes: Record<string, number> = {};
  let ops = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + ms;
  const pick = (): T | null => {
    for (let tries = 0; tries < 50 && pool.length; tries++) {
      const entry = pool[Math.floor(Math.random() * pool.length)]!;
      if (!busy.has(entry)) return entry;
    }
    return null;
  };
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const entry = pick();
      if (!entry) { await sleep(1); continue; }
      busy.add(entry);
      const t0 = performance.now();
      let outcome: { ok: boolean; code?: string; keep: boolean };
      try {
        outcome = await op(entry);
      } catch (error) {
        outcome = { ok: false, code: (error as { code?: string }).code ?? (error as Error).message.slice(0, 40), keep: false };
      }
      const elapsed = performance.now() - t0;
      busy.delete(entry);
      if (!outcome.keep) {
        const i = pool.indexOf(entry);
        if (i >= 0) pool.splice(i, 1);
      }
      if (outcome.ok) { ops++; samples.push(elapsed); } else { errors++; errorCodes[outcome.code ?? 'error'] = (errorCodes[outcome.code ?? 'error'] ?? 0) + 1; }
    }
  }));
  return { ops, errors, samples, errorCodes, seconds: (performance.now() - started) / 1000 };
}

export async function benchDispatch(opts: DispatchBenchOptions): Promise<DispatchBenchResult> {
  const log = opts.log ?? (() => {});
  const rows = await opts.sql<Row[]>`
    select j.id as journey_id, j.candidate_id, j.programme, j.machine_version, j.snapshot, j.state, j.stage, j.status, j.owner,
      j.stage_entered_at::text, j.created_at::text, j.updated_at::text
    from journeys j join candidates c on c.current_journey_id = j.id
    where j.status = 'in_progress' order by random() limit ${opts.poolSize * 3}`;
  const [token] = await opts.sql<{ id: string }[]>`select id from api_tokens order by created_at limit 1`;
  const nowIso = new Date().toISOString();

  // HTTP pool: each candidate with the next event the API would offer now.
  const httpPool: { id: string; next: AllowedEvent }[] = [];
  for (const row of rows.slice(0, opts.poolSize)) {
    const snapshot = loadSnapshot(opts.machines, { programme: row.programme, machineVersion: row.machine_version, snapshot: row.snapshot });
    const next = pickAdvance(allowedEvents(snapshot, nowIso));
    if (next) httpPool.push({ id: row.candidate_id, next });
  }
  // Reference pool: a few steps per candidate, planned now; a candidate that runs out of planned
  // steps goes round them again (the statements are the same).
  const started = Date.now();
  const maxAttempts = opts.emailMaxAttempts ?? 8;
  const sqlPool: { candidateId: string; steps: Step[]; i: number }[] = [];
  for (const row of rows.slice(opts.poolSize, opts.poolSize * 2)) {
    const steps = planSteps(opts.machines, row, nowIso, 3, maxAttempts, token!.id);
    if (steps.length) sqlPool.push({ candidateId: row.candidate_id, steps, i: 0 });
  }
  // Minimal-reply pool: steps planned the same way, each sent once (the server checks them).
  const minimalPool: { candidateId: string; steps: Step[]; i: number }[] = [];
  for (const row of rows.slice(opts.poolSize * 2)) {
    const steps = planSteps(opts.machines, row, nowIso, 4, maxAttempts, token!.id);
    if (steps.length) minimalPool.push({ candidateId: row.candidate_id, steps, i: 0 });
  }
  // The reference's client is made as the server's is (db/client.ts: the keyed pool, its size and
  // session settings, named statements, drizzle's value serializers), so both send the same bytes.
  const reference = await openDatabase({ url: opts.databaseUrl, poolSize: opts.dbPoolSize });
  const referenceSql = (reference.keyed as unknown as { $client: Sql }).$client;
  const read = queryText(findTokenWithCandidateQuery(reference.keyed));
  const tokenHash = hashToken(opts.token);
  log(`dispatch: ${httpPool.length} candidates for HTTP, ${sqlPool.length} for the reference (${sqlPool.reduce((n, e) => n + e.steps.length, 0)} steps planned in ${Date.now() - started} ms)`);

  const client = httpClient(opts.serverUrl, opts.token, opts.concurrency);
  let responseBytes = 0;
  const httpOp = async (entry: { id: string; next: AllowedEvent }) => {
    const reply = await client.post(`/api/candidates/${entry.id}/events`, { type: entry.next.type, ...entry.next.example });
    if (reply.status !== 200) {
      const code = (() => { try { return JSON.parse(reply.body).code as string; } catch { return String(reply.status); } })();
      return { ok: false, code: `${reply.status} ${code}`, keep: false };
    }
    responseBytes = reply.body.length;
    const next = pickAdvance((JSON.parse(reply.body) as { journey: { allowedEvents: AllowedEvent[] } }).journey.allowedEvents);
    if (next) entry.next = next;
    return { ok: true, keep: next !== null };
  };
  const sqlOp = async (entry: { candidateId: string; steps: Step[]; i: number }) => {
    const step = entry.steps[entry.i % entry.steps.length]!;
    entry.i++;
    await referenceDispatch(referenceSql, read, tokenHash, entry.candidateId, step);
    return { ok: true, keep: true };
  };
  const minimalOp = async (entry: { candidateId: string; steps: Step[]; i: number }) => {
    const step = entry.steps[entry.i]!;
    const reply = await client.post(`/api/candidates/${entry.candidateId}/events`, { type: step.type, ...step.payload }, { prefer: 'return=minimal' });
    if (reply.status !== 200) {
      const code = (() => { try { return JSON.parse(reply.body).code as string; } catch { return String(reply.status); } })();
      return { ok: false, code: `${reply.status} ${code}`, keep: false };
    }
    entry.i++;
    return { ok: true, keep: entry.i < entry.steps.length };
  };

  // Warm-up: prepared statements, connection pools, and the JIT: the server speeds up for its first
  // several thousand events (V8 optimising XState, zod and drizzle), so a short warm-up measures
  // start-up, not steady state. Both sides warm up alike.
  await drive(httpPool, opts.concurrency, opts.warmupMs, httpOp);
  await drive(sqlPool, opts.concurrency, opts.warmupMs, sqlOp);

  type Run = Awaited<ReturnType<typeof drive>> & { cpu: Record<string, number> };
  // The minimal side warms up briefly: the server's JIT is warm from the full side, whose path it shares.
  await drive(minimalPool, opts.concurrency, Math.min(2_000, opts.warmupMs), minimalOp);
  const totals = { http: [] as Run[], sql: [] as Run[], minimal: [] as Run[] };
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? (['sql', 'http', 'minimal'] as const) : (['minimal', 'http', 'sql'] as const);
    for (const side of order) {
      const cpu = await cpuDelta(opts.cpu ?? {});
      const run = side === 'http' ? await drive(httpPool, opts.concurrency, opts.roundMs, httpOp)
        // Half rounds: each candidate's planned steps are sent once, and the pool must not run dry.
        : side === 'minimal' ? await drive(minimalPool, opts.concurrency, opts.roundMs / 2, minimalOp)
        : await drive(sqlPool, opts.concurrency, opts.roundMs, sqlOp);
      const result = { ...run, cpu: await cpu() };
      totals[side].push(result);
      log(`dispatch round ${r + 1}/${opts.rounds} ${side.padEnd(7)}: ${(result.ops / result.seconds).toFixed(0)} events/s, ${result.errors} errors${side === 'minimal' ? ` (${minimalPool.length} candidates left)` : ''}`);
    }
  }
  let single: DispatchBenchResult['single'];
  if (opts.singleMs) {
    const h = await drive(httpPool, 1, opts.singleMs, httpOp);
    const q = await drive(sqlPool, 1, opts.singleMs, sqlOp);
    single = {
      http: { perSecond: Math.round(h.ops / h.seconds), latency: latency(h.samples) },
      sql: { perSecond: Math.round(q.ops / q.seconds), latency: latency(q.samples) },
    };
    log(`dispatch, one connection: HTTP ${single.http.perSecond} events/s (p50 ${single.http.latency.p50Ms} ms), SQL ${single.sql.perSecond} events/s (p50 ${single.sql.latency.p50Ms} ms)`);
  }
  client.close();
  await reference.close();
  const summarise = (runs: Run[]): SideResult => {
    const ops = runs.reduce((n, r) => n + r.ops, 0);
    const seconds = runs.reduce((n, r) => n + r.seconds, 0);
    const errorCodes: Record<string, number> = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.errorCodes)) errorCodes[k] = (errorCodes[k] ?? 0) + v;
    const cpuMsPerEvent: Record<string, number> = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.cpu)) cpuMsPerEvent[k] = (cpuMsPerEvent[k] ?? 0) + v;
    for (const k of Object.keys(cpuMsPerEvent)) cpuMsPerEvent[k] = Math.round((cpuMsPerEvent[k]! * 1000 / Math.max(1, ops)) * 100) / 100;
    return {
      cpuMsPerEvent,
      ops, seconds: Math.round(seconds * 100) / 100, errors: runs.reduce((n, r) => n + r.errors, 0), errorCodes,
      perSecond: Math.round(ops / seconds), latency: latency(runs.flatMap((r) => r.samples)),
    };
  };
  const http = summarise(totals.http);
  const sql = summarise(totals.sql);
  const minimal = summarise(totals.minimal);
  const ratio = (side: SideResult) => Math.round((side.perSecond / sql.perSecond) * 1000) / 1000;
  return { http, sql, ratio: ratio(http), minimal, minimalRatio: ratio(minimal), responseBytes, ...(single ? { single } : {}) };
}
