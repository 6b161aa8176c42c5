// Queries on the hot path (every API request's token, every event's candidate) are built once per
// database handle: drizzle then only binds the values, instead of assembling the SQL text from
// the query builder on each request. Keyed by the handle, so each test's database gets its own.
import type { Db } from './client.js';

const byDb = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = byDb.get(db);
  if (!queries) {
    queries = new Map();
    byDb.set(db, queries);
  }
  if (!queries.has(name)) queries.set(name, build(db));
  return queries.get(name) as T;
}
