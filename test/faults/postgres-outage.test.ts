// Fault: PostgreSQL stops for a few seconds while requests and email jobs are in flight. Meanwhile
// every request is answered 503 application/problem+json (never a 500, never a hang); afterwards
// the same server process answers normally again by itself, and its worker finishes every email
// job, including any it was sending when the database went away.
//
// Uses a private, throwaway PostgreSQL (initdb in a temporary directory): the shared server the
// rest of the suite runs on is never stopped. Runs in the PostgreSQL pass (TEST_DATABASE_URL
// set); the embedded pass has no database server to lose. Bounded: about 40 s.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';
import { applicant } from '../support/intake.js';
import { type Answer, type IntakeProcess, call, sleep, startIntakeProcess, waitFor } from './support/intake-process.js';
import { type PrivatePostgres, startPrivatePostgres } from './support/private-postgres.js';

const inPostgresPass = Boolean(process.env.TEST_DATABASE_URL);
let pg: PrivatePostgres | string = 'not started';
let fake: FakeResend;
let server: IntakeProcess | null = null;

beforeAll(async () => {
  if (!inPostgresPass) return;
  pg = await startPrivatePostgres();
  if (typeof pg === 'string') return;
  fake = await startFakeResend();
  fake.delayMs = 50;
  server = await startIntakeProcess({
    DATABASE_URL: pg.url, WORKER: 'on', WORKER_POLL_MS: '100', DB_POOL_SIZE: '6',
    RESEND_API_KEY: 're_fault_test', RESEND_BASE_URL: fake.url,
  });
}, 60_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await fake?.close();
  if (typeof pg !== 'string') await pg.destroy();
});

interface Seen { at: number; path: string; answer: Answer | null; ms: number }

describe('PostgreSQL stopped for a few seconds under load', () => {
  it('answers 503 problem+json meanwhile, recovers by itself, and the worker finishes its jobs', async (ctx) => {
    if (!inPostgresPass) return ctx.skip('runs in the PostgreSQL pass (set TEST_DATABASE_URL)');
    if (typeof pg === 'string') return ctx.skip(`no private PostgreSQL: ${pg}`);
    const db = pg;
    const url = server!.url;
    ctx.onTestFailed(async () => {
      console.error(`server log (last 6000 characters):\n${server?.output().slice(-6000)}`);
      const s = postgres(db.url, { max: 1, onnotice: () => {} });
      console.error(JSON.stringify(await s`select pid, state, wait_event_type, wait_event, now() - xact_start as xact, now() - state_change as since, left(query, 120) as query from pg_stat_activity where datname = 'postgres' and pid <> pg_backend_pid()`, null, 1));
      console.error(JSON.stringify(await s`select id, status, attempts, run_at, locked_until, last_error from jobs where kind = 'email' and status <> 'done'`, null, 1));
      await s.end();
    });

    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await call(url, 'POST', '/api/candidates', applicant({ fullName: `Outage Test ${i}` }));
      expect(res?.status).toBe(201);
      ids.push(res!.body.id);
    }

    // Load: each client advances its own candidates and reads them back, resyncing after any
    // failure. Every request has a deadline: no answer within it counts as a hang.
    const seen: Seen[] = [];
    let stop = false;
    const timed = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
      const t0 = Date.now();
      const answer = await call(url, method, path, body, headers, 8_000);
      seen.push({ at: t0, path: `${method} ${path}`, answer, ms: Date.now() - t0 });
      return answer;
    };
    const client = async (mine: string[]) => {
      const state = new Map<string, { version: number; next: { type: string; example: Record<string, unknown> } | null } | null>(mine.map((id) => [id, null]));
      while (!stop) {
        for (const id of mine) {
          if (stop) return;
          let s = state.get(id);
          if (!s) {
            const got = await timed('GET', `/api/candidates/${id}`);
            if (got?.status !== 200) { await sleep(50); continue; }
            s = { version: got.body.journey.version, next: got.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance') ?? null };
            state.set(id, s);
          }
          // Nothing to advance (the journey waits on a date, or has ended): read it again, which
          // keeps the load on and never lets this loop spin without yielding.
          if (!s.next) { state.set(id, null); await sleep(10); continue; }
          // Interviews are booked for now, so they can be passed at once and the load goes on.
          const example = s.next.type === 'interviewScheduled' ? { ...s.next.example, interviewAt: new Date().toISOString() } : s.next.example;
          const res = await timed('POST', `/api/candidates/${id}/events`, { type: s.next.type, ...example }, { 'if-match': `"${s.version}"` });
          if (res?.status === 200) state.set(id, { version: res.body.journey.version, next: res.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance') ?? null });
          else state.set(id, null);
          await timed('GET', '/readyz');
        }
      }
    };
    const clients = [0, 1, 2, 3].map((k) => client(ids.filter((_, i) => i % 4 === k)));

    await sleep(1_500);
    const stopping = Date.now();
    await db.stop('fast');
    const down = Date.now();
    await sleep(3_000);
    const restarting = Date.now();
    await db.start();
    const up = Date.now();

    // Recovery, by itself: the same process answers 2xx again.
    const recovered = await waitFor('a successful event after the restart', 15_000, async () =>
      (seen.some((s) => s.at > up && s.path.startsWith('POST') && s.answer?.status === 200) ? Date.now() : undefined), 100);
    await sleep(500);
    stop = true;
    await Promise.all(clients);
    expect(server!.pid).toBeGreaterThan(0);
    expect((await call(url, 'GET', '/healthz'))?.status).toBe(200);

    // Nothing hung, nothing was a 500, and while the database was down every answer was a 503
    // problem (the readiness check included; /healthz says only that the process is alive).
    expect(seen.filter((s) => s.answer === null).map((s) => `${s.path} sent ${s.at - stopping} ms after the stop began (down after ${down - stopping} ms, restart at ${restarting - stopping} ms), no answer in ${s.ms} ms`)).toEqual([]);
    expect(seen.filter((s) => s.answer!.status >= 500 && s.answer!.status !== 503).map((s) => `${s.path}: ${s.answer!.status}`)).toEqual([]);
    const during = seen.filter((s) => s.at >= down && s.at + s.ms <= restarting);
    expect(during.length).toBeGreaterThan(10);
    for (const s of during) {
      expect(s.answer!.status, s.path).toBe(503);
      expect(s.answer!.contentType).toMatch(/^application\/problem\+json/);
      expect(s.answer!.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    }
    for (const s of seen.filter((x) => x.answer!.status === 503)) expect(s.answer!.contentType, s.path).toMatch(/^application\/problem\+json/);
    expect(seen.some((s) => s.at < stopping && s.answer!.status === 200)).toBe(true);

    // The worker resumes: a new applicant's email goes out, and every email job ends done (one
    // that failed while the database was away is retried after its backoff: 10 s, then 20 s if it
    // failed twice, which a loaded machine sees; hence the wait of a minute).
    const before = fake.delivered.length;
    const late = await call(url, 'POST', '/api/candidates', applicant({ fullName: 'After The Outage' }));
    expect(late?.status).toBe(201);
    await waitFor('the new applicant’s email', 10_000, async () => (fake.delivered.slice(before).some((d) => d.body.subject === 'We have received your application') ? true : undefined));
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await waitFor('every email job to be done', 60_000, async () => {
        const [row] = await sql<{ open: number }[]>`select count(*)::int as open from jobs where kind = 'email' and status <> 'done'`;
        return row!.open === 0 ? true : undefined;
      }, 500);
      const keys = fake.delivered.map((d) => d.key);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await sql.end();
    }
    console.info(`outage: ${during.length} requests answered 503 while down; recovered ${recovered - up} ms after the restart; ${seen.length} requests in all`);
  }, 150_000);
});
