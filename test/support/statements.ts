// Counts the SQL statements Intake sends to its database, at the driver: postgres.js's `debug`
// hook sees every query it builds (transaction BEGIN/COMMIT included), and PGlite's query, exec and
// transaction calls are wrapped (BEGIN and COMMIT counted as the statements they are). One
// statement is one round trip to the database once a connection has prepared it.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';
import type { Database } from '../../db/client.js';

export interface StatementLog { texts: string[]; clear(): void }

type Wrappable = Pick<Transaction, 'query' | 'exec'>;

function wrapQueries(target: Wrappable, texts: string[]) {
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = ((text: string, ...rest: unknown[]) => { texts.push(text); return (query as (...a: unknown[]) => unknown)(text, ...rest); }) as typeof target.query;
  target.exec = ((text: string, ...rest: unknown[]) => { texts.push(text); return (exec as (...a: unknown[]) => unknown)(text, ...rest); }) as typeof target.exec;
}

export function watchStatements(database: Database): StatementLog {
  const texts: string[] = [];
  const clients = new Set([database.db, database.keyed].map((db) => (db as unknown as { $client: unknown }).$client));
  for (const client of clients) {
    if (database.kind === 'postgres') {
      // Every postgres.js connection of the pool reads `debug` from these shared options when it builds a query.
      (client as postgres.Sql).options.debug = (_connection: number, text: string) => { texts.push(text); };
    } else {
      const pg = client as PGlite;
      wrapQueries(pg, texts);
      const transaction = pg.transaction.bind(pg);
      pg.transaction = (async <T>(fn: (tx: Transaction) => Promise<T>) => {
        texts.push('BEGIN');
        try {
          return await transaction((tx) => { wrapQueries(tx, texts); return fn(tx); });
        } finally {
          texts.push('COMMIT');
        }
      }) as typeof pg.transaction;
    }
  }
  return { texts, clear: () => { texts.length = 0; } };
}
