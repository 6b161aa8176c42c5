// A job whose handler kills its process (a poison pill: a parse that takes the process down) is
// dead-lettered after its maximum attempts instead of being run again at every start, because
// the attempt is counted when the job is claimed. The worker is a real process, killed and
// started again until it has nothing left to do; its CV ends failed, with a code.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cvDocuments, jobs } from '../../db/schema/index.js';
import { loadConfig } from '../../src/config.js';
import { startIntake } from '../../src/server.js';
import { applicant, createTestDatabase } from '../support/intake.js';
import { nurseCvPdf } from './support/cvs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'poison-test-admin-token-0123456789';
let dataDir: string | null = null;
let testDb: { url: string; drop(): Promise<void> } | null = null;
const databaseEnv = (): Record<string, string> => (testDb ? { DATABASE_URL: testDb.url } : { DATA_DIR: dataDir! });
const open = () => startIntake(loadConfig({ ...databaseEnv(), WORKER: 'off', DEMO_DATA: 'off', INTAKE_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'silent' }));

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) testDb = await createTestDatabase(process.env.TEST_DATABASE_URL);
  else dataDir = mkdtempSync(join(tmpdir(), 'intake-poison-'));
});
afterAll(async () => {
  await testDb?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the worker process once; resolves with how it ended. */
function runWorker(now: Date): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/cv/support/poison-worker.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp', LOG_LEVEL: 'silent', INTAKE_BOOTSTRAP_TOKEN: TOKEN, POISON_NOW: now.toISOString(), ...databaseEnv() },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('a job whose handler kills its process', () => {
  it('is dead-lettered after its maximum attempts, and its CV ends failed with a code', async () => {
    // A candidate with a CV (its parse job allows 3 attempts) and a job that dies in its transaction (2).
    const setup = await open();
    const created = await setup.http.request('/api/candidates', { method: 'POST', body: JSON.stringify(applicant()), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    const candidate = await created.json() as { id: string };
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(nurseCvPdf())], { type: 'application/pdf' }), 'cv.pdf');
    const uploaded = await setup.http.request(`/api/candidates/${candidate.id}/cv`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
    const cv = await uploaded.json() as { id: string };
    const start = setup.app.clock.now();
    await setup.app.db.insert(jobs).values({ kind: 'poison_tx', payload: {}, runAt: start, maxAttempts: 2 });
    await setup.close();

    // Start the worker again and again, each time well after the last one's leases ran out.
    const endings: string[] = [];
    for (let run = 1; run <= 10; run++) {
      const { code, signal } = await runWorker(new Date(start.getTime() + run * 10 * 60_000));
      endings.push(signal ?? `exit ${code}`);
      if (!signal) break;
    }
    // A kill for each attempt of each job (3 + 2), then a run that finds both dead and has nothing to do.
    expect(endings).toEqual([...Array(5).fill('SIGKILL'), 'exit 0']);

    const check = await open();
    try {
      const rows = await check.app.db.select().from(jobs);
      const parse = rows.find((j) => j.kind === 'cv_parse')!;
      const poison = rows.find((j) => j.kind === 'poison_tx')!;
      expect(parse).toMatchObject({ status: 'dead', attempts: 3 });
      expect(parse.lastError).toMatch(/stopped its worker on each of 3 attempts/);
      expect(poison).toMatchObject({ status: 'dead', attempts: 2 });
      const [doc] = await check.app.db.select().from(cvDocuments).where(eq(cvDocuments.id, cv.id));
      expect(doc).toMatchObject({ status: 'failed', errorCode: 'cv_too_complex' });
      const shown = await check.http.request(`/api/candidates/${candidate.id}/cv`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(await shown.json()).toMatchObject({ status: 'failed', error: { code: 'cv_too_complex' } });
    } finally {
      await check.close();
    }
  }, 180_000);
});
