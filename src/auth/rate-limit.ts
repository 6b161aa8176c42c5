// Fixed-window counters kept in the database, so a limit holds across every server process.
// One statement both counts and resets an expired window, so concurrent hits cannot race.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rateLimits } from '../../db/schema/index.js';

interface Limit { max: number; windowMs: number }

export const limits = {
  /** Failed sign-ins per account: after 10 in a minute, every attempt waits out the window. */
  signInFailuresPerAccount: { max: 10, windowMs: 60_000 },
  signInPerAddress: { max: 50, windowMs: 60_000 },
  magicLinkPerEmail: { max: 5, windowMs: 15 * 60_000 },
  magicLinkPerAddress: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

const retryAfter = (started: Date, limit: Limit, now: Date) => Math.max(1, Math.ceil((started.getTime() + limit.windowMs - now.getTime()) / 1000));

/** Counts a hit; returns whether it is within the limit and, if not, seconds until the window ends. */
export async function hit(db: Db, key: string, limit: Limit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz`;
  const [row] = await db.insert(rateLimits).values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return { allowed: row!.count <= limit.max, retryAfterSeconds: retryAfter(row!.windowStart, limit, now) };
}

/** How many hits the key has in its current window, without counting one. */
export async function peek(db: Db, key: string, limit: Limit, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
  const [row] = await db.select({ count: rateLimits.count, windowStart: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.windowStart.getTime() + limit.windowMs <= now.getTime()) return { count: 0, retryAfterSeconds: 0 };
  return { count: row.count, retryAfterSeconds: retryAfter(row.windowStart, limit, now) };
}
