// One drizzle schema, two drivers: PGlite (embedded, default) or PostgreSQL via postgres.js.
import { mkdirSync } from 'node:fs';
import { lockDataDir } from './data-dir-lock.js';
import { useNamedStatements } from './pglite-statements.js';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder } from './migrations.js';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: inside one, use it and never `db` (PGlite has a single connection). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /**
   * For the statements that find or change one row by its key on every request (the token, the
   * candidate with their journey, dispatch's commit): on PostgreSQL a second pool whose sessions
   * let PostgreSQL keep generic plans, where `db`'s plan every execution for its values. The
   * same handle as `db` on PGlite.
   */
  keyed: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory, or 'memory://' for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start a new data directory from this dump of one (the tests' migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

/**
 * drizzle sends every query as `unsafe(text, params, { prepare: false })`, which postgres.js runs
 * in two round trips (Parse/Describe, wait, then Bind/Execute) with a fresh parse each time
 * (drizzle-orm#6096). Turning prepare back on for queries with parameters (postgres.js's own
 * default) makes them one round trip once a connection has seen the statement: about a third
 * fewer round trips per event. Applied to transaction and savepoint scopes too.
 *
 * Planning: on `db`'s pool each execution is planned for its own values
 * (plan_cache_mode=force_custom_plan), as unnamed statements were: a generic plan can pick a bad
 * path for a rare stage or a search term (with PostgreSQL's default, the board's name search
 * went from 5 ms to 90 ms once it switched to a generic plan). The `keyed` pool leaves the
 * default: its statements find rows by primary or unique key, where the generic plan is the
 * right one, and planning the commit statement afresh was a third of PostgreSQL's time per event.
 */
function namedStatements(sql: postgres.Sql): postgres.Sql {
  const scoped = sql as postgres.Sql & { savepoint?: (fn: (s: postgres.Sql) => unknown) => Promise<unknown> };
  const unsafe = sql.unsafe;
  scoped.unsafe = ((text: string, params?: unknown[], options?: { prepare?: boolean }) => unsafe(text, params as never, params?.length ? { ...options, prepare: true } : options)) as typeof sql.unsafe;
  const wrapScope = (open: (...args: unknown[]) => Promise<unknown>) => (...args: unknown[]) => {
    const fn = args.pop() as (s: postgres.Sql) => unknown;
    return open(...args, (s: postgres.Sql) => fn(namedStatements(s)));
  };
  if (typeof scoped.begin === 'function') scoped.begin = wrapScope(scoped.begin as never) as never;
  if (typeof scoped.savepoint === 'function') scoped.savepoint = wrapScope(scoped.savepoint as never) as never;
  return sql;
}

type DriverClient =
  | { unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]> }
  | { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * One statement as text with numbered parameters, sent straight to the driver of `db` (or of the
 * transaction `db` is): for hot statements whose text never changes, where the query builder's
 * assembly costs more than the database's work. Rows come back as the driver parses them, so
 * return only numbers and text.
 */
export async function executeStatement<T>(db: DbOrTx, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { session: { client: DriverClient } }).session.client;
  if ('unsafe' in client) return (await client.unsafe(text, params, { prepare: true })) as T[];
  return (await client.query(text, params)).rows as T[];
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = (settings: Record<string, string>) => namedStatements(postgres(opts.url!, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      // random_page_cost 1.1, the usual value for a database on SSD or in memory: with the
      // default (4, for spinning disks) the planner reads all 100,000 candidates rather than
      // the search index for some names (q=), 100 ms instead of 2 ms.
      connection: { random_page_cost: '1.1', ...settings },
      // After the database goes away, postgres.js waits longer and longer between attempts to
      // reconnect (up to 20 s), and requests queue behind them. Capped at 1 s, a request during
      // an outage is refused with a 503 within about a second, and service resumes within about
      // a second of the database's return (test/faults/postgres-outage.test.ts).
      backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
      connect_timeout: 10,
    }));
    const client = pool({ plan_cache_mode: 'force_custom_plan' });
    const keyedClient = pool({});
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    const keyed = drizzlePostgres(keyedClient, { schema }) as unknown as Db;
    // Several server processes may start together: one migrates while the others wait for the
    // lock. A one-connection client keeps the lock and the migration on the same session.
    const migrator = postgres(opts.url, { max: 1, onnotice: () => {} });
    try {
      await migrator`SELECT pg_advisory_lock(712001)`;
      await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder });
      await migrator`SELECT pg_advisory_unlock(712001)`;
    } finally {
      await migrator.end({ timeout: 5 });
    }
    return { db, keyed, kind: 'postgres', close: async () => { await Promise.all([client.end({ timeout: 5 }), keyedClient.end({ timeout: 5 })]); } };
  }
  const dataDir = opts.dataDir ?? './.data';
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const unlock = memory ? () => {} : lockDataDir(dataDir);
  // pg_trgm: the candidate search index (migration 0004).
  const client = new PGlite(dataDir, { extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  useNamedStatements(client);
  return { db, keyed: db, kind: 'pglite', close: async () => { await client.close(); unlock(); } };
}
