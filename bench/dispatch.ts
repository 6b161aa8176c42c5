// Measurement 1: advancing candidates over HTTP against the same SQL done directly.
//
// HTTP: N concurrent keep-alive connections to the real server; each request takes a random
// candidate from a pool (never one already in flight), sends one of its allowed `advance` events
// with the example payload the API offered, and takes the next event from the reply.
//
// Reference: the statements dispatch runs for an event (SELECT … FOR UPDATE, UPDATE journeys …
// RETURNING, INSERT journey_events, the jobs upserts/deletes), sent by postgres.js from this
// process with the same concurrency and the same pool size, with every snapshot and effect
// computed beforehand. What separates the two is the cost of HTTP, auth, zod, XState, drizzle and
// the reply: the ratio is that cost.
//
// The two sides use disjoint random pools of in-progress candidates, and alternate in rounds so
// that a noisy neighbour slows both rather than one.
import type { Sql } from 'postgres';
import type { Machines, Programme } from '../workflows/index.js';
import { machineVersions } from '../workflows/index.js';
import { type AllowedEvent, allowedEvents } from '../workflows/inspect.js';
import { pureTransition } from '../workflows/transition.js';
import { type Effect, planEffects } from '../src/engine/effects.js';
import { emailSnapshot, loadSnapshot, summarise, type Summary } from '../src/engine/snapshot.js';
import { type CpuGroups, cpuDelta } from './cpu.js';
import { httpClient } from './http.js';
import { type Latency, latency, sleep } from './stats.js';

export interface DispatchBenchOptions {
  sql: Sql;
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
  /** One connection, no queue: events/s and latency per side. */
  single?: { http: { perSecond: number; latency: Latency }; sql: { perSecond: number; latency: Latency } };
}

interface Row { journey_id: string; candidate_id: string; programme: string; machine_version: number; snapshot: unknown }

const pickAdvance = (events: AllowedEvent[]): AllowedEvent | null => {
  const advance = events.filter((e) => e.intent === 'advance');
  return advance.length ? advance[Math.floor(Math.random() * advance.length)]! : null;
};

/** One precomputed step of the reference: everything dispatch would compute, as SQL parameters. */
interface Step {
  type: string;
  payload: string;
  snapshot: string;
  summary: Summary;
  machineVersion: number;
  finished: boolean;
  reason: string | null;
  effects: { kind: Effect['kind']; key: string; runInMs: number; payload: string; emailIndex: number }[];
}

function planSteps(machines: Machines, row: Row, atIso: string, max: number, candidateId: string): Step[] {
  const programme = row.programme as Programme;
  const machine = machines[programme];
  let snapshot = loadSnapshot(machines, { programme, machineVersion: row.machine_version, snapshot: row.snapshot });
  const steps: Step[] = [];
  for (let i = 0; i < max && snapshot.status === 'active'; i++) {
    const choice = pickAdvance(allowedEvents(snapshot, atIso));
    if (!choice) break;
    const at = Date.parse(atIso);
    const [next, actions] = pureTransition(machine, snapshot, { type: choice.type, ...choice.example, at: atIso });
    const summary = summarise(next);
    const email = emailSnapshot(next);
    let emailIndex = 0;
    const effects = planEffects({ journeyId: row.journey_id, candidateId, seq: 0 }, actions, new Date(at)).flatMap((e): Step['effects'] => {
      if (e.kind === 'timer') return [{ kind: e.kind, key: e.key, runInMs: e.runAt.getTime() - at, payload: JSON.stringify({ event: e.event }), emailIndex: 0 }];
      if (e.kind === 'cancelTimer') return [{ kind: e.kind, key: e.key, runInMs: 0, payload: '', emailIndex: 0 }];
      if (e.kind === 'email') {
        return [{ kind: e.kind, key: '', runInMs: 0, emailIndex: emailIndex++, payload: JSON.stringify({ template: e.template, to: e.to, candidateId, journeyId: row.journey_id, ...email }) }];
      }
      return []; // startProgramme (a redirect) is left out of the reference: rare, and a second journey
    });
    const reason = typeof choice.example.reason === 'string' ? choice.example.reason : null;
    steps.push({
      type: choice.type, payload: JSON.stringify(choice.example), snapshot: JSON.stringify(machine.getPersistedSnapshot(next)),
      summary, machineVersion: machineVersions[programme], finished: summary.status !== 'in_progress', reason, effects,
    });
    snapshot = next;
  }
  return steps;
}

/** The statements of one dispatch, with its CPU work done beforehand. */
async function referenceDispatch(sql: Sql, journeyId: string, step: Step, actorId: string, maxAttempts: number) {
  await sql.begin(async (tx) => {
    const [row] = await tx`select * from journeys where id = ${journeyId} for update`;
    if (!row) throw new Error('journey not found');
    const seq = (row.version as number) + 1;
    const now = new Date();
    const s = step.summary;
    const [updated] = await tx`
      update journeys set snapshot = ${step.snapshot}::text::jsonb, state = ${s.state}, stage = ${s.stage}, status = ${s.status},
        owner = ${s.owner}, version = ${seq}, machine_version = ${step.machineVersion}, updated_at = ${now},
        stage_entered_at = case when stage = ${s.stage} then stage_entered_at else ${now} end,
        closed_at = case when ${step.finished} then ${now} else closed_at end,
        exit_stage = case when ${step.finished} then stage else exit_stage end,
        exit_reason = case when ${step.finished} then ${step.reason} else exit_reason end
      where id = ${journeyId} and version = ${row.version} returning *`;
    if (!updated) throw new Error('version conflict');
    await tx`
      insert into journey_events (journey_id, seq, type, payload, actor_type, actor_id, from_state, to_state, from_stage, to_stage, at)
      values (${journeyId}, ${seq}, ${step.type}, ${step.payload}::text::jsonb, 'user', ${actorId}, ${row.state}, ${s.state}, ${row.stage}, ${s.stage}, ${now})`;
    for (const e of step.effects) {
      if (e.kind === 'timer') {
        const runAt = new Date(now.getTime() + e.runInMs);
        await tx`
          insert into jobs (kind, key, journey_id, payload, run_at) values ('timer', ${e.key}, ${journeyId}, ${e.payload}::text::jsonb, ${runAt})
          on conflict (key) do update set payload = ${e.payload}::text::jsonb, run_at = ${runAt}, status = 'pending', attempts = 0,
            last_error = null, finished_at = null, locked_until = null`;
      } else if (e.kind === 'cancelTimer') {
        await tx`delete from jobs where key = ${e.key} and status = 'pending'`;
      } else {
        await tx`
          insert into jobs (kind, key, journey_id, run_at, max_attempts, payload)
          values ('email', ${`email:${journeyId}:${seq}:${e.emailIndex}`}, ${journeyId}, ${now}, ${maxAttempts}, ${e.payload}::text::jsonb)
          on conflict do nothing`;
      }
    }
  });
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
    select j.id as journey_id, j.candidate_id, j.programme, j.machine_version, j.snapshot
    from journeys j join candidates c on c.current_journey_id = j.id
    where j.status = 'in_progress' order by random() limit ${opts.poolSize * 2}`;
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
  const sqlPool: { journeyId: string; steps: Step[]; i: number }[] = [];
  for (const row of rows.slice(opts.poolSize)) {
    const steps = planSteps(opts.machines, row, nowIso, 3, row.candidate_id);
    if (steps.length) sqlPool.push({ journeyId: row.journey_id, steps, i: 0 });
  }
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
  const maxAttempts = opts.emailMaxAttempts ?? 8;
  const sqlOp = async (entry: { journeyId: string; steps: Step[]; i: number }) => {
    const step = entry.steps[entry.i % entry.steps.length]!;
    entry.i++;
    await referenceDispatch(opts.sql, entry.journeyId, step, token!.id, maxAttempts);
    return { ok: true, keep: true };
  };

  // Warm-up: JIT, prepared statements, connection pools.
  await drive(httpPool, opts.concurrency, opts.warmupMs, httpOp);
  await drive(sqlPool, opts.concurrency, opts.warmupMs, sqlOp);

  type Run = Awaited<ReturnType<typeof drive>> & { cpu: Record<string, number> };
  const totals = { http: [] as Run[], sql: [] as Run[] };
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? (['sql', 'http'] as const) : (['http', 'sql'] as const);
    for (const side of order) {
      const cpu = await cpuDelta(opts.cpu ?? {});
      const run = side === 'http' ? await drive(httpPool, opts.concurrency, opts.roundMs, httpOp) : await drive(sqlPool, opts.concurrency, opts.roundMs, sqlOp);
      const result = { ...run, cpu: await cpu() };
      totals[side].push(result);
      log(`dispatch round ${r + 1}/${opts.rounds} ${side.padEnd(4)}: ${(result.ops / result.seconds).toFixed(0)} events/s, ${result.errors} errors`);
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
  return { http, sql, ratio: Math.round((http.perSecond / sql.perSecond) * 1000) / 1000, responseBytes, ...(single ? { single } : {}) };
}
