// Staff sign-in. After 10 wrong passwords for an account in a minute, every attempt on it waits
// out the window — the right password too, so a guesser learns nothing — while other accounts
// are unaffected; attempts per address are capped as well. Answers never say whether an account
// exists; every outcome is audited by id.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { dummyHash, verifyPassword } from '../../auth/passwords.js';
import { hit, limits, peek } from '../../auth/rate-limit.js';
import { audit } from '../audit/record.js';

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function authenticate(db: Db, email: string, password: string, address: string, now: Date): Promise<SignInResult> {
  const account = email.trim().toLowerCase();
  const failuresKey = `sign-in:failures:${account}`;
  const failures = await peek(db, failuresKey, limits.signInFailuresPerAccount, now);
  const perAddress = await hit(db, `sign-in:address:${address}`, limits.signInPerAddress, now);
  const accountLocked = failures.count >= limits.signInFailuresPerAccount.max;
  if (accountLocked || !perAddress.allowed) {
    await audit(db, { kind: 'sign_in_throttled', actorType: 'anonymous', actorId: null, detail: { address }, at: now });
    return { ok: false, reason: 'throttled', retryAfterSeconds: Math.max(accountLocked ? failures.retryAfterSeconds : 0, perAddress.allowed ? 0 : perAddress.retryAfterSeconds) };
  }
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, account));
  // Verify against a dummy hash when there is no account, so the answer takes as long either way.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabledAt) {
    await hit(db, failuresKey, limits.signInFailuresPerAccount, now);
    await audit(db, { kind: 'sign_in_failed', actorType: 'anonymous', actorId: null, subjectId: user?.id ?? null, detail: { address }, at: now });
    return { ok: false, reason: 'invalid' };
  }
  await audit(db, { kind: 'sign_in', actorType: 'user', actorId: user.id, detail: { address }, at: now });
  return { ok: true, userId: user.id };
}
