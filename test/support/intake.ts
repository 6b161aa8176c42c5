// Starts a real Intake for a test file: PGlite in memory by default, or — when TEST_DATABASE_URL
// is set — a private database on that PostgreSQL server, dropped afterwards, so files never share
// rows (the suite runs files in parallel).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/context.js';
import { type Intake, startIntake } from '../../src/server.js';
import type { Policy } from '../../workflows/policy.js';
import { pgliteTemplate } from './pglite-template.js';

export const TOKEN = 'test-admin-token-0123456789abcdef';

export class MovableClock implements Clock {
  constructor(private current: Date) {}
  now() { return new Date(this.current); }
  set(date: Date) { this.current = new Date(date); }
  advance(ms: number) { this.current = new Date(this.current.getTime() + ms); }
}

export interface Reply<T = any> { status: number; headers: Headers; body: T }

export interface TestIntake {
  intake: Intake;
  clock: MovableClock;
  databaseKind: 'pglite' | 'postgres';
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startTestIntake(opts: { policy?: Partial<Policy>; env?: Record<string, string> } = {}): Promise<TestIntake> {
  const db = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : null;
  const url = db?.url;
  const config = loadConfig({ DEMO_DATA: 'off', WORKER: 'off', INTAKE_BOOTSTRAP_TOKEN: TOKEN, DB_POOL_SIZE: '8', LOG_LEVEL: process.env.LOG_LEVEL, ...(url ? { DATABASE_URL: url } : {}), ...opts.env });
  config.policy = { ...config.policy, ...opts.policy };
  const clock = new MovableClock(new Date('2026-03-02T09:00:00.000Z'));
  const intake = await startIntake(config, { clock, dataDir: 'memory://', loadDataDir: url ? undefined : pgliteTemplate() });

  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await intake.http.request(path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  return {
    intake, clock, databaseKind: intake.database.kind, request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    async close() {
      await intake.close();
      await db?.drop();
    },
  };
}

export const applicant = (over: Record<string, unknown> = {}) => ({
  programme: 'domestic', profession: 'registered_nurse', fullName: 'Eleanor Mae Whitcombe',
  email: `eleanor.${randomBytes(4).toString('hex')}@example.com`, phone: '+447700900412', postcode: 'LS18 4QX', ...over,
});

/** A fresh database on the test server, named for this run; `drop` removes it. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `intake_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
