// Acceptance (issue 17): SIGTERM stops the built server gracefully. With 32 requests in its hands
// it stops accepting, answers all 32, and exits 0; the worker finishes the job in hand, or, past
// SHUTDOWN_TIMEOUT_MS, releases it for another worker; and `npm start` used as a service's
// command takes the server down with it. On PGlite, or on TEST_DATABASE_URL's server.
import { request } from 'node:http';
import { eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { candidates, jobs } from '../../db/schema/index.js';
import { type FakeResend, startFakeResend } from '../support/fake-resend.js';
import { applicant } from '../support/intake.js';
import { type IntakeProcess, TOKEN, call, sleep, startIntakeProcess, waitFor } from '../faults/support/intake-process.js';
import { type ProcessDatabase, processDatabase } from '../faults/support/process-database.js';

let database: ProcessDatabase;
let fake: FakeResend;
let server: IntakeProcess | null = null;

beforeAll(async () => {
  database = await processDatabase('shutdown');
  fake = await startFakeResend();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') console.error(`server log (last 4000 characters):\n${server?.output().slice(-4000)}`);
  await server?.kill('SIGKILL');
  server = null;
});
afterAll(async () => {
  await fake?.close();
  await database?.drop();
});

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

interface Held { finish(): void; answer: Promise<{ status: number; connection: string | undefined } | { error: string }> }

/** A POST whose headers and first bytes are sent now and the rest on finish(): in flight meanwhile. */
function heldPost(url: string, path: string, body: string): Held {
  const { hostname, port } = new URL(url);
  const req = request({ host: hostname, port, method: 'POST', path, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; connection: string | undefined } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
  req.write(body.slice(0, 20));
  return { answer, finish: () => req.end(body.slice(20)) };
}

const inFlight = async (url: string) => {
  const res = await call(url, 'GET', '/metrics');
  return Number(/^intake_http_requests_in_flight (\d+)$/m.exec(String(res?.body))?.[1] ?? Number.NaN);
};

describe('SIGTERM', () => {
  it('answers all 32 requests in flight, accepts no new connection, then exits 0', async () => {
    server = await startIntakeProcess({ ...database.env, WORKER: 'on', WORKER_POLL_MS: '100' });
    const url = server.url;
    const held = Array.from({ length: 32 }, (_, i) => heldPost(url, '/api/candidates', JSON.stringify(applicant({ fullName: `Shutdown Test ${i}` }))));
    // All 32 are in the server's hands (the 33rd request in flight is the one asking).
    await waitFor('32 requests in flight', 15_000, async () => ((await inFlight(url)) >= 33 ? true : undefined));

    process.kill(server.pid, 'SIGTERM');
    await waitFor('the server to stop accepting', 5_000, async () => ((await call(url, 'GET', '/healthz', undefined, {}, 1_000)) === null ? true : undefined));
    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.answer));

    expect(answers.map((a) => ('status' in a ? a.status : a.error))).toEqual(Array(32).fill(201));
    // Keep-alive clients are told to go elsewhere for their next request.
    expect(answers.every((a) => 'connection' in a && a.connection === 'close')).toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/"msg":"shutting down"/);
    expect(server.output()).toMatch(/"msg":"stopped"/);

    const db = await database.open();
    try {
      const created = await db.db.select({ id: candidates.id }).from(candidates).where(like(candidates.fullName, 'Shutdown Test %'));
      expect(created).toHaveLength(32);
    } finally {
      await db.close();
    }
  });

  it('lets the worker finish the email it is sending, then exits 0', async () => {
    fake.delayMs = 1_500;
    server = await startIntakeProcess({ ...database.env, WORKER: 'on', WORKER_POLL_MS: '50', RESEND_API_KEY: 're_shutdown_test', RESEND_BASE_URL: fake.url });
    const before = fake.delivered.length;
    const created = await call(server.url, 'POST', '/api/candidates', applicant({ fullName: 'Finish Before Stopping' }));
    expect(created?.status).toBe(201);
    await waitFor('the email to be on its way', 10_000, async () => (fake.inFlight > 0 ? true : undefined), 20);

    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(fake.delivered.length).toBe(before + 1);
    const db = await database.open();
    try {
      const open = await db.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.status, 'running'));
      expect(open).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('releases the job in hand for another worker when it outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    fake.delayMs = 30_000; // a provider that hangs
    server = await startIntakeProcess({
      ...database.env, WORKER: 'on', WORKER_POLL_MS: '50', SHUTDOWN_TIMEOUT_MS: '2000',
      RESEND_API_KEY: 're_shutdown_test', RESEND_BASE_URL: fake.url,
    });
    const created = await call(server.url, 'POST', '/api/candidates', applicant({ fullName: 'Released At The Bound' }));
    expect(created?.status).toBe(201);
    await waitFor('the email to be on its way', 10_000, async () => (fake.inFlight > 0 ? true : undefined), 20);

    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(4_000);
    const released = /"jobId":(\d+)[^\n]*"msg":"job released for another worker"/.exec(server.output());
    expect(released, server.output().slice(-2000)).not.toBeNull();

    const db = await database.open();
    try {
      const [job] = await db.db.select().from(jobs).where(eq(jobs.id, Number(released![1])));
      // Pending again and due, unleased, its interrupted attempt not held against it.
      expect(job).toMatchObject({ kind: 'email', status: 'pending', lockedUntil: null, attempts: 0 });
      expect(await db.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.status, 'running'))).toEqual([]);
    } finally {
      await db.close();
      fake.delayMs = 0;
    }
  });
});

describe('npm start as a service command', () => {
  it('takes the server down when npm is sent SIGTERM', async () => {
    server = await startIntakeProcess({ ...database.env, WORKER: 'off' }, { viaNpm: true });
    expect(server.nodePid).not.toBe(server.pid);
    expect(alive(server.nodePid)).toBe(true);
    expect((await call(server.url, 'GET', '/healthz'))?.status).toBe(200);

    process.kill(server.pid, 'SIGTERM');
    await server.exited;
    await waitFor('the server process to be gone', 10_000, async () => (alive(server!.nodePid) ? undefined : true));
    expect(server.output()).toMatch(/"msg":"stopped"/);
    await sleep(100);
    expect(await call(server.url, 'GET', '/healthz', undefined, {}, 1_000)).toBeNull();
  });
});
