// Measurement 3: embedded mode. The whole of Intake in this process on PGlite (a data directory
// on disk, as `npm start` uses), served by @hono/node-server on loopback, one event at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { candidates, journeys } from '../db/schema/index.js';
import { loadConfig } from '../src/config.js';
import { loadSnapshot } from '../src/engine/snapshot.js';
import { startIntake } from '../src/server.js';
import { type AllowedEvent, allowedEvents } from '../workflows/inspect.js';
import { httpClient } from './http.js';
import { type Latency, latency } from './stats.js';

export interface PgliteBenchOptions { candidates: number; ms: number; token: string; log?: (line: string) => void }
export interface PgliteBenchResult { eventsPerSecond: number; events: number; errors: number; latency: Latency; candidates: number }

const pickAdvance = (events: AllowedEvent[]) => {
  const advance = events.filter((e) => e.intent === 'advance');
  return advance.length ? advance[Math.floor(Math.random() * advance.length)]! : null;
};

export async function benchPglite(opts: PgliteBenchOptions): Promise<PgliteBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'intake-bench-pglite-'));
  const config = loadConfig({
    DATA_DIR: dataDir, DEMO_DATA: 'auto', DEMO_CANDIDATES: String(opts.candidates), WORKER: 'off',
    // Silent: the demo loader's log line would break the table.
    INTAKE_BOOTSTRAP_TOKEN: opts.token, LOG_LEVEL: 'silent',
  });
  const started = Date.now();
  const intake = await startIntake(config);
  opts.log?.(`pglite: started with ${opts.candidates} demo candidates in ${Date.now() - started} ms (${dataDir})`);
  const server = serve({ fetch: intake.http.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = httpClient(`http://127.0.0.1:${port}`, opts.token, 1);
  try {
    const rows = await intake.app.db.select({ id: candidates.id, programme: journeys.programme, machineVersion: journeys.machineVersion, snapshot: journeys.snapshot })
      .from(candidates).innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId)).where(eq(journeys.status, 'in_progress'));
    const now = new Date().toISOString();
    const pool = rows.flatMap((r) => {
      const next = pickAdvance(allowedEvents(loadSnapshot(intake.app.machines, r), now));
      return next ? [{ id: r.id, next }] : [];
    });
    const send = async (entry: { id: string; next: AllowedEvent }) => {
      const reply = await client.post(`/api/candidates/${entry.id}/events`, { type: entry.next.type, ...entry.next.example });
      const next = reply.status === 200 ? pickAdvance((JSON.parse(reply.body) as { journey: { allowedEvents: AllowedEvent[] } }).journey.allowedEvents) : null;
      if (next) entry.next = next;
      else pool.splice(pool.indexOf(entry), 1);
      return reply;
    };
    for (let i = 0; i < 50 && pool.length; i++) await send(pool[Math.floor(Math.random() * pool.length)]!); // warm-up
    const samples: number[] = [];
    let errors = 0;
    const t0 = performance.now();
    const end = t0 + opts.ms;
    while (performance.now() < end && pool.length) {
      const reply = await send(pool[Math.floor(Math.random() * pool.length)]!);
      if (reply.status === 200) samples.push(reply.ms);
      else errors++;
    }
    const seconds = (performance.now() - t0) / 1000;
    return { eventsPerSecond: Math.round(samples.length / seconds), events: samples.length, errors, latency: latency(samples), candidates: opts.candidates };
  } finally {
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await intake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
