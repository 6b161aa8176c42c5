// Staff sign-in. Each attempt on an account is counted before the password is checked, in the one
// statement that decides it (src/auth/rate-limit.ts), so parallel guesses cannot slip past the
// limit: after 10 wrong passwords for an account in a minute, every attempt on it waits out the
// window — the right password too, so a guesser learns nothing — while other accounts are
// unaffected. A right password gives its count back. Attempts per address are capped as well.
// Answers never say whether an account exists; every outcome is audited by id. A hash made at a
// lower cost than today's is remade with the password just checked.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.js';
import { hit, limitKey, limits, unhit } from '../../auth/rate-limit.js';
import { audit } from '../audit/record.js';

export type SignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function authenticate(db: Db, email: string, password: string, address: string, now: Date): Promise<SignInResult> {
  const account = email.trim().toLowerCase();
  const accountKey = limitKey('sign-in:account', account);
  const perAccount = await hit(db, accountKey, limits.signInFailuresPerAccount, now);
  const perAddress = await hit(db, limitKey('sign-in:address', address), limits.signInPerAddress, now);
  if (!perAccount.allowed || !perAddress.allowed) {
    await audit(db, { kind: 'sign_in_throttled', actorType: 'anonymous', actorId: null, detail: { address }, at: now });
    const wait = (h: typeof perAccount) => (h.allowed ? 0 : h.retryAfterSeconds);
    return { ok: false, reason: 'throttled', retryAfterSeconds: Math.max(wait(perAccount), wait(perAddress)) };
  }
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, account));
  // Verify against a dummy hash when there is no account, so the answer takes as long either way.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabledAt) {
    await audit(db, { kind: 'sign_in_failed', actorType: 'anonymous', actorId: null, subjectId: user?.id ?? null, detail: { address }, at: now });
    return { ok: false, reason: 'invalid' };
  }
  await unhit(db, accountKey, perAccount);
  if (needsRehash(user.passwordHash)) {
    // Only if the hash is still the one just checked: a password changed meanwhile stays changed.
    await db.update(users).set({ passwordHash: await hashPassword(password) })
      .where(sql`${users.id} = ${user.id} and ${users.passwordHash} = ${user.passwordHash}`);
  }
  await audit(db, { kind: 'sign_in', actorType: 'user', actorId: user.id, detail: { address }, at: now });
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword };
}
