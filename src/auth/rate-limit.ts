// Fixed-window counters kept in the database, so a limit holds across every server process.
// One statement both counts and resets an expired window, so concurrent hits cannot race: the
// count it returns is this hit's place in the window, and deciding by it is atomic. Keys name
// what is counted by a hash, never in clear: the table holds no email address or IP address.
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rateLimits } from '../../db/schema/index.js';

export interface Limit { max: number; windowMs: number }

export const limits = {
  /** Sign-in attempts per account: after 10 wrong passwords in a minute, every attempt waits out the window. */
  signInFailuresPerAccount: { max: 10, windowMs: 60_000 },
  signInPerAddress: { max: 50, windowMs: 60_000 },
  magicLinkPerEmail: { max: 5, windowMs: 15 * 60_000 },
  magicLinkPerAddress: { max: 30, windowMs: 15 * 60_000 },
  applicationsPerAddress: { max: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** The longest window: a row older than this counts nothing any more (purged by housekeeping). */
export const LONGEST_WINDOW_MS = Math.max(...Object.values(limits).map((l) => l.windowMs));

/** The key of a counter: what it counts, and a hash of whom (an email is lower-cased first). */
export const limitKey = (kind: string, who: string) =>
  `${kind}:${createHash('sha256').update(who.trim().toLowerCase()).digest('base64url').slice(0, 32)}`;

const retryAfter = (started: Date, limit: Limit, now: Date) => Math.max(1, Math.ceil((started.getTime() + limit.windowMs - now.getTime()) / 1000));

export interface Hit { allowed: boolean; retryAfterSeconds: number; windowStart: Date }

/** Counts a hit; returns whether it is within the limit and, if not, seconds until the window ends. */
export async function hit(db: DbOrTx, key: string, limit: Limit, now: Date): Promise<Hit> {
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
  return { allowed: row!.count <= limit.max, retryAfterSeconds: retryAfter(row!.windowStart, limit, now), windowStart: row!.windowStart };
}

/** Gives back a hit that turned out not to count (a right password), if its window is still the current one. */
export async function unhit(db: DbOrTx, key: string, counted: Hit): Promise<void> {
  await db.update(rateLimits).set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, counted.windowStart)));
}

/** Forgets the counters of these keys (an erased candidate's). */
export async function forgetLimits(db: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

/** Deletes counters whose window ended long ago; returns how many. */
export async function purgeLimits(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - LONGEST_WINDOW_MS)))
    .returning({ key: rateLimits.key });
  return rows.length;
}
