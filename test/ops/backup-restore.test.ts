// The backup and restore of docs/operations.md, done as written: pg_dump of a database Intake has
// used, pg_restore into a fresh database, the built server started on it, and a candidate read
// back with their history. PostgreSQL pass only (TEST_DATABASE_URL): skipped on PGlite.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startIntake } from '../../src/server.js';
import { TOKEN, applicant, createTestDatabase } from '../support/intake.js';
import { type IntakeProcess, call, startIntakeProcess } from '../faults/support/intake-process.js';

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;
const temp = mkdtempSync(join(tmpdir(), 'intake-backup-'));
const databases: { drop(): Promise<void> }[] = [];
let server: IntakeProcess | null = null;

afterAll(async () => {
  await server?.kill('SIGKILL');
  for (const db of databases) await db.drop();
  rmSync(temp, { recursive: true, force: true });
});

if (!adminUrl) console.info('backup-restore: skipped on PGlite (it runs in the PostgreSQL pass, with TEST_DATABASE_URL)');

describe.skipIf(!adminUrl)('a backup restored into a fresh database', () => {
  it('starts Intake and gives back the candidate and their history', async () => {
    const source = await createTestDatabase(adminUrl!);
    const target = await createTestDatabase(adminUrl!);
    databases.push(source, target);

    // A candidate with some history, written by Intake on the source database.
    const intake = await startIntake(loadConfig({ DATABASE_URL: source.url, WORKER: 'off', DEMO_DATA: 'off', INTAKE_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'silent' }));
    const api = async (path: string, body?: unknown) => {
      const res = await intake.http.request(path, {
        method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    };
    const created = await api('/api/candidates', applicant({ fullName: 'Restored From Backup' }));
    expect(created.status).toBe(201);
    const next = created.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    expect((await api(`/api/candidates/${created.body.id}/events`, { type: next.type, ...next.example })).status).toBe(200);
    const history = (await api(`/api/candidates/${created.body.id}/history`)).body;
    await intake.close();

    // The commands of docs/operations.md.
    const dump = join(temp, 'intake.dump');
    await run('pg_dump', ['--format=custom', '--file', dump, source.url]);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', target.url, dump]);

    server = await startIntakeProcess({ DATABASE_URL: target.url, WORKER: 'on' });
    const read = await call(server.url, 'GET', `/api/candidates/${created.body.id}`);
    expect(read?.status).toBe(200);
    expect(read?.body).toMatchObject({ fullName: 'Restored From Backup', journey: { version: created.body.journey.version + 1 } });
    expect((await call(server.url, 'GET', `/api/candidates/${created.body.id}/history`))?.body).toEqual(history);
    // Its migrations came with it: nothing to apply, and ready.
    expect(server.output()).not.toMatch(/"level":"error"/);
    expect((await call(server.url, 'GET', '/readyz'))?.status).toBe(200);
  });
});
