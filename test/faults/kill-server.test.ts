// Fault: the server process is killed (SIGKILL) while events stream in from several clients and
// emails are on their way to a slow provider; then it is started again on the same database.
// Every event that got a 2xx is in the history; an event that got an error or no answer is
// either wholly there or not at all; every email job is delivered, each message exactly once.
//
// Embedded mode (PGlite in a data directory) without TEST_DATABASE_URL; with it, a private
// database on that PostgreSQL server. Bounded: about 30 s.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails, jobs } from '../../db/schema/index.js';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';
import { applicant } from '../support/intake.js';
import { type IntakeProcess, call, startIntakeProcess, waitFor } from './support/intake-process.js';
import { type ProcessDatabase, processDatabase } from './support/process-database.js';

const CANDIDATES = 24;
const CLIENTS = 6;

let fake: FakeResend;
let server: IntakeProcess | null = null;
let database: ProcessDatabase;
const openDb = () => database.open();

const start = () => startIntakeProcess({
  ...database.env, WORKER: 'on', WORKER_POLL_MS: '50', DB_POOL_SIZE: '8',
  RESEND_API_KEY: 're_fault_test', RESEND_BASE_URL: fake.url,
});

beforeAll(async () => {
  fake = await startFakeResend();
  database = await processDatabase('fault-kill');
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  await fake?.close();
  await database?.drop();
});

interface Sent { candidate: string; type: string; seq: number; outcome: 'ok' | 'error' | 'none'; status?: number }
interface Tracked { id: string; version: number; next: { type: string; example: Record<string, unknown> } | null; done: boolean }

const advanceOf = (journey: { allowedEvents: { type: string; intent: string; example: Record<string, unknown> }[] }) =>
  journey.allowedEvents.find((e) => e.intent === 'advance') ?? null;

describe('the server killed with SIGKILL while events stream in', () => {
  it('keeps every acknowledged event, half-applies none, and sends each email once', async (ctx) => {
    ctx.onTestFailed(() => { console.error(`server log (last 6000 characters):\n${server?.output().slice(-6000)}`); });
    server = await start();
    const url = server.url;

    const tracked: Tracked[] = [];
    for (let i = 0; i < CANDIDATES; i++) {
      const res = await call(url, 'POST', '/api/candidates', applicant({ fullName: `Killed Test ${i}` }));
      expect(res?.status, JSON.stringify(res?.body)).toBe(201);
      tracked.push({ id: res!.body.id, version: res!.body.journey.version, next: advanceOf(res!.body.journey), done: false });
    }

    // Several clients, each with its own candidates (so no event loses a race), each event sent
    // with If-Match: a candidate whose event got an error or no answer is not used again.
    fake.delayMs = 120;
    const sent: Sent[] = [];
    let stop = false;
    const client = async (mine: Tracked[]) => {
      while (!stop) {
        const live = mine.filter((c) => !c.done && c.next);
        if (!live.length) return;
        for (const c of live) {
          if (stop) return;
          const record: Sent = { candidate: c.id, type: c.next!.type, seq: c.version + 1, outcome: 'none' };
          sent.push(record);
          const res = await call(url, 'POST', `/api/candidates/${c.id}/events`, { type: c.next!.type, ...c.next!.example }, { 'if-match': `"${c.version}"` }, 5_000);
          if (res && res.status >= 200 && res.status < 300) {
            record.outcome = 'ok';
            c.version = res.body.journey.version;
            c.next = advanceOf(res.body.journey);
          } else {
            if (res) { record.outcome = 'error'; record.status = res.status; }
            c.done = true;
          }
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, k) => client(tracked.filter((_, i) => i % CLIENTS === k)));

    await waitFor('40 acknowledged events', 20_000, async () => (sent.filter((s) => s.outcome === 'ok').length >= 40 ? true : undefined), 20);
    // Kill while an email is on its way to the provider, so a leased job is left behind.
    await waitFor('an email in flight', 5_000, async () => (fake.inFlight > 0 ? true : undefined), 5);
    await server.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    stop = true;
    await Promise.all(clients);
    const acknowledged = sent.filter((s) => s.outcome === 'ok');
    const unanswered = sent.filter((s) => s.outcome === 'none');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // An email job leased by the killed process stays `running` until its lease (60 s) runs out;
    // the test lets that time pass by ending the leases instead of waiting for them.
    const db = await openDb();
    const leased = await db.db.update(jobs).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(jobs.status, 'running')).returning({ id: jobs.id });
    await db.close();
    expect(leased.length).toBeGreaterThan(0);

    server = await start();
    const again = server.url;
    expect((await call(again, 'GET', '/healthz'))?.status).toBe(200);

    // History: every acknowledged event at its version; nothing half-applied anywhere.
    for (const c of tracked) {
      const [detail, history] = await Promise.all([call(again, 'GET', `/api/candidates/${c.id}`), call(again, 'GET', `/api/candidates/${c.id}/history`)]);
      expect(detail?.status).toBe(200);
      const journey = detail!.body.journey;
      const events = (history!.body.items as { journeyId: string; seq: number; type: string; to: string; toStage: string }[]).filter((e) => e.journeyId === journey.id);
      expect(events.map((e) => e.seq), `seqs of ${c.id}`).toEqual(Array.from({ length: journey.version }, (_, i) => i + 1));
      expect(events.at(-1)!.to).toBe(journey.state);
      expect(events.at(-1)!.toStage).toBe(journey.stage);
      for (const s of sent.filter((x) => x.candidate === c.id)) {
        const at = events.find((e) => e.seq === s.seq);
        if (s.outcome === 'ok') expect(at?.type, `acknowledged ${s.type} of ${c.id}`).toBe(s.type);
        else if (s.outcome === 'error') expect(journey.version, `refused ${s.type} of ${c.id}`).toBe(s.seq - 1);
        else {
          // No answer: applied in full (the history has it and the journey moved on) or not at all.
          expect([s.seq - 1, s.seq]).toContain(journey.version);
          if (at) expect(at.type).toBe(s.type);
        }
      }
    }

    // The restarted worker finishes every email job, including those the killed one had leased.
    const settled = async () => {
      const all = await Promise.all(tracked.map(async (c) => (await call(again, 'GET', `/api/candidates/${c.id}/emails`))?.body.items as { status: string }[]));
      return all.every((items) => items.every((e) => e.status === 'sent')) ? all.flat().length : undefined;
    };
    let before = -1;
    await waitFor('every email to be sent', 25_000, async () => {
      const n = await settled();
      if (n === undefined) return undefined;
      const stable = n === before;
      before = n;
      return stable ? true : undefined;
    }, 600);
    await server.kill('SIGTERM');
    server = null;

    const check = await openDb();
    try {
      const emailJobs = await check.db.select().from(jobs).where(eq(jobs.kind, 'email'));
      expect(emailJobs.length).toBeGreaterThanOrEqual(CANDIDATES);
      expect(emailJobs.filter((j) => j.status !== 'done').map((j) => [j.id, j.status, j.lastError])).toEqual([]);
      const rows = await check.db.select({ jobKey: emails.jobKey, status: emails.status }).from(emails);
      const byJob = new Map(emailJobs.map((j) => [`${j.key}#`, j.id]));
      const expected = rows.map((r) => {
        const hash = r.jobKey.lastIndexOf('#');
        return `intake-job-${byJob.get(r.jobKey.slice(0, hash + 1))}-${Number(r.jobKey.slice(hash + 1))}`;
      }).sort();
      const delivered = fake.delivered.map((d) => d.key!).sort();
      // Each message delivered once, and every message of every job delivered.
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(delivered).toEqual(expected);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await check.close();
    }
    // What happened, for the log: acknowledged and unanswered events, leases the kill left.
    console.info(`kill -9: ${acknowledged.length} acknowledged, ${unanswered.length} unanswered, ${leased.length} leased email jobs, ${fake.requests.length - fake.delivered.length} repeated sends deduplicated`);
  }, 90_000);
});
