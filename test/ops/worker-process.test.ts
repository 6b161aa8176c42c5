// Acceptance (issue 17): `npm run worker` runs the job queue alone: it sends the emails waiting in
// the queue, opens no listening socket, writes its heartbeat, and on SIGTERM stops, removing its
// heartbeat, with npm and node both gone. On PGlite, or on TEST_DATABASE_URL's server.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, workerHeartbeats } from '../../db/schema/index.js';
import { loadConfig } from '../../src/config.js';
import { startIntake } from '../../src/server.js';
import { type FakeResend, startFakeResend } from '../support/fake-resend.js';
import { applicant } from '../support/intake.js';
import { type IntakeProcess, TOKEN, startIntakeProcess, waitFor } from '../faults/support/intake-process.js';
import { type ProcessDatabase, processDatabase } from '../faults/support/process-database.js';

let database: ProcessDatabase;
let fake: FakeResend;
let worker: IntakeProcess | null = null;

beforeAll(async () => {
  database = await processDatabase('worker');
  fake = await startFakeResend();
});
afterAll(async () => {
  await worker?.kill('SIGKILL');
  await fake?.close();
  await database?.drop();
});

/** TCP ports `pid` is listening on: its socket inodes matched against the kernel's tables. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try { return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]; } catch { return undefined; }
  }).filter(Boolean));
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address, state (0A: LISTEN), inode
      if (cols[3] === '0A' && inodes.has(cols[9]!)) ports.push(Number.parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

describe('npm run worker', () => {
  it('sees a listening socket where there is one (so its absence below means something)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      expect(listeningPorts(process.pid)).toContain((server.address() as { port: number }).port);
    } finally {
      server.close();
    }
  });

  it('sends the queued emails with no port open, and stops on SIGTERM', async () => {
    // An application taken by a server without a worker: its confirmation email waits in the queue.
    const config = loadConfig({ ...database.env, WORKER: 'off', DEMO_DATA: 'off', INTAKE_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'silent' });
    const server = await startIntake(config);
    const person = applicant({ fullName: 'Queued For The Worker' });
    const res = await server.http.request('/api/candidates', { method: 'POST', body: JSON.stringify(person), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const [queued] = await server.app.db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.kind, 'email'));
    expect(queued?.status).toBe('pending');
    await server.close();

    worker = await startIntakeProcess({ ...database.env, WORKER_POLL_MS: '100', RESEND_API_KEY: 're_worker_test', RESEND_BASE_URL: fake.url }, { role: 'worker', viaNpm: true });
    await waitFor('the queued email to be sent', 20_000, async () => (fake.delivered.some((d) => d.body.to === person.email || (Array.isArray(d.body.to) && d.body.to.includes(person.email))) ? true : undefined));
    expect(listeningPorts(worker.nodePid)).toEqual([]);
    expect(worker.output()).not.toMatch(/running at http/);

    process.kill(worker.pid, 'SIGTERM');
    expect((await worker.exited).code).toBe(0);
    await waitFor('the worker process to be gone', 10_000, async () => {
      try { process.kill(worker!.nodePid, 0); return undefined; } catch { return true; }
    });
    expect(worker.output()).toMatch(/"msg":"stopped"/);

    const db = await database.open();
    try {
      const [job] = await db.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, queued!.id));
      expect(job?.status).toBe('done');
      // Its heartbeat went with it.
      expect(await db.db.select().from(workerHeartbeats)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
