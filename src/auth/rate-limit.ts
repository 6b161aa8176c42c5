// Fixed-window counters kept in the database, so a limit holds across every server process.
// One statement both counts and resets an expired window, so concurrent hits cannot race.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export interface Limit { max: number; windowMs: number }

export const limits = {
  /** Failed sign-ins per account: after 10 in a minute, every attempt waits out the window. */
  signInFailuresPerAccount: { max: 10, windowMs: 60_000 },
  signInPerAddress: { max: 50, windowMs: 60_000 },
  magicLinkPerEmail: { max: 5, windowMs: 15 * 60_000 },
  magicLinkPerAddress: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/** Counts a hit; returns whether it is within the limit and, if not, seconds until the window ends. */
export async function hit(db: Db, key: string, limit: Limit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const cutoff = new Date(now.getTime() - limit.windowMs);
  const rows = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${cutoff.toISOString()} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${cutoff.toISOString()} then ${now.toISOString()}::timestamptz else rate_limits.window_start end
    returning count, window_start`);
  const row = ((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]))[0] as { count: number; window_start: string | Date };
  const started = new Date(row.window_start).getTime();
  return { allowed: Number(row.count) <= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((started + limit.windowMs - now.getTime()) / 1000)) };
}

/** How many hits the key has in its current window, without counting one. */
export async function peek(db: Db, key: string, limit: Limit, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
  const rows = await db.execute(sql`select count, window_start from rate_limits where key = ${key}`);
  const row = ((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]))[0] as { count: number; window_start: string | Date } | undefined;
  if (!row) return { count: 0, retryAfterSeconds: 0 };
  const started = new Date(row.window_start).getTime();
  if (started + limit.windowMs <= now.getTime()) return { count: 0, retryAfterSeconds: 0 };
  return { count: Number(row.count), retryAfterSeconds: Math.max(1, Math.ceil((started + limit.windowMs - now.getTime()) / 1000)) };
}
