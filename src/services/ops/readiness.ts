// /readyz: may this process take traffic? Yes when the database answers, has every migration this
// code ships, and some worker process has written its heartbeat recently (else timers, emails and
// CV parses would wait unseen). A process that is shutting down is never ready.
import { max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { appliedMigrations, latestMigration } from '../../../db/migrations.js';
import { rowsOf } from '../reports/range.js';

export type Check = 'ok' | 'failed' | 'unknown';
export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; worker: Check; accepting: Check };
  /** Why not ready, in words for the operator reading the answer. */
  problems: string[];
}

/**
 * True when the database has applied every migration this code ships. drizzle records each with
 * its journal time (`created_at`) and applies those newer than the newest recorded, so the same
 * rule decides here. A database migrated by a newer release counts as applied.
 */
async function migrationsApplied(db: Db): Promise<boolean> {
  try {
    const [row] = await db.select({ newest: max(appliedMigrations.createdAt) }).from(appliedMigrations);
    return row?.newest != null && Number(row.newest) >= latestMigration().when;
  } catch (error) {
    // No bookkeeping table (42P01) or schema (3F000): nothing was ever migrated here.
    const e = error as { code?: string; cause?: { code?: string } };
    if (['42P01', '3F000'].includes(e.cause?.code ?? e.code ?? '')) return false;
    throw error;
  }
}

export async function readiness(db: Db, opts: { heartbeatStaleMs: number; draining: boolean }): Promise<Readiness> {
  const checks: Readiness['checks'] = { database: 'unknown', migrations: 'unknown', worker: 'unknown', accepting: opts.draining ? 'failed' : 'ok' };
  const problems: string[] = opts.draining ? ['this process is shutting down'] : [];
  try {
    await db.execute(sql`select 1`);
    checks.database = 'ok';
  } catch {
    checks.database = 'failed';
    problems.push('the database is not answering');
    return { ready: false, checks, problems };
  }
  checks.migrations = (await migrationsApplied(db)) ? 'ok' : 'failed';
  if (checks.migrations === 'failed') {
    problems.push('the database lacks migrations this release ships: restart a process of this release to apply them');
    return { ready: false, checks, problems };
  }
  const [beat] = await rowsOf<{ age: number | null }>(db, sql`SELECT (extract(epoch FROM now() - max(beat_at)) * 1000)::float8 AS age FROM worker_heartbeats`);
  const age = beat?.age ?? null;
  checks.worker = age !== null && age < opts.heartbeatStaleMs ? 'ok' : 'failed';
  if (checks.worker === 'failed') {
    problems.push(age === null ? 'no worker process is running (npm run worker, or WORKER=on)' : `no worker heartbeat for ${Math.round(age / 1000)} s`);
  }
  return { ready: problems.length === 0, checks, problems };
}
