// Prometheus metrics (prom-client), served at /metrics. Two sources:
// - this process: HTTP requests and latencies by route pattern (never the raw path, which carries
//   ids and tokens), requests in flight, journey events accepted by type. Counters restart with
//   the process, as Prometheus expects; scrape every API process.
// - the database, read at each scrape: the queue by job kind (due now, pending, running), failing
//   jobs (retrying or dead), and live workers. Every process reports the same numbers, however
//   the work is split between API and worker processes (a worker process has no port to scrape).
// Each Intake has its own registry (tests run several in one process); the process-wide defaults
// (memory, CPU, event loop) are registered once.
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../../../db/client.js';
import type { Clock, Telemetry } from '../../context.js';
import { log } from '../../log.js';
import { rowsOf } from '../reports/range.js';

let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'intake_' });
  }
  return processRegistry;
}

export interface Metrics extends Telemetry {
  /** One answered request: `route` is the pattern that matched (e.g. /api/candidates/:id). */
  request(method: string, route: string, status: number, seconds: number): void;
  inFlight: Gauge;
  /** The exposition text, with the queue read from the database now. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsSources {
  db: Db;
  clock: Clock;
  /** Job kinds this install runs: each gets its series (0 when none), so a new kind is visible. */
  jobKinds: string[];
  /** A worker whose heartbeat is older than this is not counted as live. */
  heartbeatStaleMs: number;
}

interface QueueRow { kind: string; due: number; pending: number; running: number; retrying: number; dead: number }

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  const requests = new Counter({ name: 'intake_http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'intake_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const inFlight = new Gauge({ name: 'intake_http_requests_in_flight', help: 'HTTP requests being answered now', registers: [registry] });
  const events = new Counter({ name: 'intake_events_total', help: 'Journey events accepted by this process, by type', labelNames: ['type'], registers: [registry] });
  const queueDepth = new Gauge({ name: 'intake_queue_depth', help: 'Jobs due now and waiting for a worker, by kind', labelNames: ['kind'], registers: [registry] });
  const jobsGauge = new Gauge({ name: 'intake_jobs', help: 'Jobs not yet done, by kind and status (pending includes timers not yet due)', labelNames: ['kind', 'status'], registers: [registry] });
  const failures = new Gauge({ name: 'intake_job_failures', help: 'Jobs whose last attempt failed, by kind: retrying (with backoff) or dead (needs an admin)', labelNames: ['kind', 'outcome'], registers: [registry] });
  const workers = new Gauge({ name: 'intake_workers', help: 'Worker processes with a recent heartbeat', registers: [registry] });
  const databaseUp = new Gauge({ name: 'intake_database_up', help: '1 when the last scrape could read the database, else 0', registers: [registry] });

  async function readDatabase() {
    const now = sql`${sources.clock.now().toISOString()}::timestamptz`;
    const rows = await rowsOf<QueueRow>(sources.db, sql`
      SELECT kind,
        count(*) FILTER (WHERE (status = 'pending' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now}))::int AS due,
        count(*) FILTER (WHERE status = 'pending')::int AS pending,
        count(*) FILTER (WHERE status = 'running')::int AS running,
        count(*) FILTER (WHERE status = 'pending' AND last_error IS NOT NULL)::int AS retrying,
        count(*) FILTER (WHERE status = 'dead')::int AS dead
      FROM jobs WHERE status <> 'done' GROUP BY kind`);
    const [live] = await rowsOf<{ n: number }>(sources.db, sql`
      SELECT count(*)::int AS n FROM worker_heartbeats WHERE beat_at > now() - make_interval(secs => ${sources.heartbeatStaleMs / 1000})`);
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    for (const kind of new Set([...sources.jobKinds, ...byKind.keys()])) {
      const r = byKind.get(kind);
      queueDepth.set({ kind }, Number(r?.due ?? 0));
      jobsGauge.set({ kind, status: 'pending' }, Number(r?.pending ?? 0));
      jobsGauge.set({ kind, status: 'running' }, Number(r?.running ?? 0));
      failures.set({ kind, outcome: 'retrying' }, Number(r?.retrying ?? 0));
      failures.set({ kind, outcome: 'dead' }, Number(r?.dead ?? 0));
    }
    workers.set(Number(live?.n ?? 0));
  }

  return {
    inFlight,
    eventAccepted: (type) => events.inc({ type }),
    request(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    async render() {
      try {
        await readDatabase();
        databaseUp.set(1);
      } catch (error) {
        // The process's own series still help while the database is away.
        databaseUp.set(0);
        log.warn('metrics: could not read the queue', { error: error instanceof Error ? error.message : String(error) });
      }
      const body = `${await processMetrics().metrics()}\n${await registry.metrics()}`;
      return { contentType: registry.contentType, body };
    },
  };
}

