// Idempotency keys (src/routes/idempotency.ts): a credential's key is claimed by the first
// request that carries it, and then holds that request's answer for 24 hours. One statement
// claims a key, or takes over one whose holder died (its lease ran out) or that has expired, so
// two requests with the same key never both run.
import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { idempotencyKeys } from '../../../db/schema/index.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
/** How long a request may hold its key before another with the same key may run (a crashed server's). */
const LEASE_MS = 2 * 60 * 1000;

export interface KeyRef { credential: string; key: string }
export interface StoredAnswer { status: number; headers: Record<string, string>; body: string }
export type Claim = { kind: 'owned' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' } | { kind: 'busy' };

const is = (ref: KeyRef) => and(eq(idempotencyKeys.credential, ref.credential), eq(idempotencyKeys.key, ref.key));

export async function claimKey(db: DbOrTx, ref: KeyRef, fingerprint: string, now: Date): Promise<Claim> {
  const fresh = {
    fingerprint, status: 'running', lockedUntil: new Date(now.getTime() + LEASE_MS), responseStatus: null, responseHeaders: null, responseBody: null,
    createdAt: now, expiresAt: new Date(now.getTime() + KEEP_MS),
  };
  const claimed = await db.insert(idempotencyKeys).values({ ...ref, ...fresh })
    .onConflictDoUpdate({
      target: [idempotencyKeys.credential, idempotencyKeys.key],
      set: fresh,
      setWhere: or(
        lte(idempotencyKeys.expiresAt, now),
        and(eq(idempotencyKeys.status, 'running'), lte(idempotencyKeys.lockedUntil, now), eq(idempotencyKeys.fingerprint, fingerprint)),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return { kind: 'owned' };
  const [row] = await db.select().from(idempotencyKeys).where(is(ref));
  if (!row) return { kind: 'busy' }; // released a moment ago: the client may simply try again
  if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (row.status !== 'done') return { kind: 'busy' };
  return { kind: 'replay', answer: { status: row.responseStatus!, headers: (row.responseHeaders ?? {}) as Record<string, string>, body: row.responseBody ?? '' } };
}

export async function completeKey(db: DbOrTx, ref: KeyRef, answer: StoredAnswer): Promise<void> {
  await db.update(idempotencyKeys).set({ status: 'done', responseStatus: answer.status, responseHeaders: answer.headers, responseBody: answer.body })
    .where(is(ref));
}

/** Frees a key whose request did not finish (a 5xx): the client may try again with it. */
export async function releaseKey(db: DbOrTx, ref: KeyRef): Promise<void> {
  await db.delete(idempotencyKeys).where(and(is(ref), eq(idempotencyKeys.status, 'running')));
}

/** Stored answers can hold personal data (a created candidate): gone after their 24 hours. */
export async function purgeExpiredKeys(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now));
}

/** Erasure: stored answers that mention any of these candidates go at once. */
export async function forgetAnswersAbout(db: DbOrTx, candidateIds: readonly string[]): Promise<void> {
  if (!candidateIds.length) return;
  await db.delete(idempotencyKeys).where(or(...candidateIds.map((id) => sql`${idempotencyKeys.responseBody} like ${`%${id}%`}`)));
}
