// A PDF bomb sent anonymously through /apply: about a megabyte whose one Flate stream inflates to
// a gibibyte. The server is a real process with its worker on: it answers /healthz all the while
// the CV is parsed, the CV ends failed with cv_too_complex, and after a restart the server is up
// and the CV is not parsed again. Embedded PGlite in a data directory, or with TEST_DATABASE_URL a
// private database on that PostgreSQL server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntakeProcess, call, sleep, startIntakeProcess } from '../faults/support/intake-process.js';
import { applicant, createTestDatabase } from '../support/intake.js';
import { gibibyteBombPdf } from './support/pdf.js';

let server: IntakeProcess | null = null;
let dataDir: string | null = null;
let testDb: { url: string; drop(): Promise<void> } | null = null;
let bomb: Buffer;

const start = () => startIntakeProcess({ ...(testDb ? { DATABASE_URL: testDb.url } : { DATA_DIR: dataDir! }), WORKER: 'on', WORKER_POLL_MS: '50' });

beforeAll(async () => {
  bomb = await gibibyteBombPdf(1);
  if (process.env.TEST_DATABASE_URL) testDb = await createTestDatabase(process.env.TEST_DATABASE_URL);
  else dataDir = mkdtempSync(join(tmpdir(), 'intake-bomb-'));
});
afterAll(async () => {
  await server?.kill('SIGKILL');
  await testDb?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a PDF bomb sent through /apply', () => {
  it('never takes the server down, before or after a restart, and its CV ends failed as too complex', async (ctx) => {
    ctx.onTestFailed(() => { console.error(`server log (last 4000 characters):\n${server?.output().slice(-4000)}`); });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    server = await start();

    // Anonymously, as an applicant: the form and the file, from the server's own page.
    const person = applicant();
    const form = new FormData();
    for (const [k, v] of Object.entries(person)) form.set(k, String(v));
    form.set('file', new Blob([new Uint8Array(bomb)], { type: 'application/pdf' }), 'cv.pdf');
    const applied = await fetch(`${server.url}/apply`, { method: 'POST', body: form, headers: { origin: server.url } });
    expect(applied.status).toBe(201);
    const found = await call(server.url, 'GET', `/api/candidates?q=${encodeURIComponent(person.email)}`);
    const id = (found!.body.items as { id: string }[])[0]!.id;

    // The worker parses it meanwhile; the server answers every health check until it is done.
    let checks = 0;
    let cv: { status: string; error?: { code: string; detail: string } } = { status: 'pending' };
    for (const deadline = Date.now() + 90_000; cv.status === 'pending' && Date.now() < deadline; checks++) {
      const health = await call(server.url, 'GET', '/healthz', undefined, {}, 5_000);
      expect(health?.status, 'the server stopped answering /healthz').toBe(200);
      cv = (await call(server.url, 'GET', `/api/candidates/${id}/cv`, undefined, {}, 5_000))!.body;
      if (cv.status === 'pending') await sleep(100);
    }
    expect(cv).toMatchObject({ status: 'failed', error: { code: 'cv_too_complex' } });
    expect(cv.error!.detail).toMatch(/expands to more than \d+ MB/);
    expect(checks).toBeGreaterThan(0);

    // A restart: up at once, the CV still failed, and it stays up while the worker polls.
    await server.kill('SIGTERM');
    server = await start();
    for (let i = 0; i < 10; i++) {
      expect((await call(server.url, 'GET', '/healthz', undefined, {}, 5_000))?.status).toBe(200);
      await sleep(100);
    }
    expect((await call(server.url, 'GET', `/api/candidates/${id}/cv`))!.body).toMatchObject({ status: 'failed', error: { code: 'cv_too_complex' } });
  }, 180_000);
});
