// /healthz says the process is alive; /readyz whether to send it traffic: the database answers,
// it has every migration this release ships, a worker's heartbeat is recent, and the process is
// not shutting down. Each failure is a 503 problem naming what is wrong. In process, on PGlite or
// TEST_DATABASE_URL's server.
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrations, latestMigration } from '../../db/migrations.js';
import { workerHeartbeats } from '../../db/schema/index.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';
import { waitFor } from '../faults/support/intake-process.js';

let t: TestIntake;

beforeAll(async () => {
  // A worker in this process writes its heartbeat at start, then once a minute: stale after three.
  t = await startTestIntake({ env: { WORKER: 'on', WORKER_HEARTBEAT_MS: '60000' } });
  await waitFor('the first heartbeat', 5_000, async () => ((await t.intake.app.db.select().from(workerHeartbeats)).length === 1 ? true : undefined));
});
afterAll(async () => { await t?.close(); });

const readyz = () => t.get('/readyz', { authorization: '' });

describe('/readyz', () => {
  it('is ready when the database answers, is migrated and a worker beats', async () => {
    const res = await readyz();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', worker: 'ok', accepting: 'ok' } });
  });

  it('is not ready when the newest worker heartbeat is stale', async () => {
    const db = t.intake.app.db;
    const [beat] = await db.select().from(workerHeartbeats);
    await db.update(workerHeartbeats).set({ beatAt: sql`now() - interval '10 minutes'` }).where(eq(workerHeartbeats.workerId, beat!.workerId));
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'service_unavailable', checks: { database: 'ok', migrations: 'ok', worker: 'failed' } });
      expect(res.body.detail).toMatch(/no worker heartbeat for 60\d s/);
      // Alive all the same: nothing for a supervisor to restart.
      expect((await t.get('/healthz', { authorization: '' })).status).toBe(200);
    } finally {
      await db.update(workerHeartbeats).set({ beatAt: sql`now()` }).where(eq(workerHeartbeats.workerId, beat!.workerId));
    }
    expect((await readyz()).status).toBe(200);
  });

  it('is not ready when no worker runs at all', async () => {
    const db = t.intake.app.db;
    const beats = await db.select().from(workerHeartbeats);
    await db.delete(workerHeartbeats);
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect(res.body.detail).toMatch(/no worker process is running/);
    } finally {
      await db.insert(workerHeartbeats).values(beats);
    }
  });

  it('is not ready when the database lacks a migration this release ships', async () => {
    const db = t.intake.app.db;
    const [newest] = await db.select().from(appliedMigrations).orderBy(desc(appliedMigrations.createdAt)).limit(1);
    expect(newest?.createdAt).toBe(latestMigration().when);
    await db.delete(appliedMigrations).where(eq(appliedMigrations.id, newest!.id));
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'service_unavailable', checks: { database: 'ok', migrations: 'failed' } });
      expect(res.body.detail).toMatch(/lacks migrations/);
    } finally {
      await db.insert(appliedMigrations).values(newest!);
    }
    expect((await readyz()).status).toBe(200);
  });

  it('is not ready once the process is shutting down', async () => {
    t.intake.beginShutdown();
    const res = await readyz();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ checks: { accepting: 'failed' } });
    expect(res.body.detail).toMatch(/shutting down/);
  });
});
