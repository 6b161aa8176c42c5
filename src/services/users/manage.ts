// Staff accounts: admins create them and reset access; `npm run user:create` makes the first. A
// password Intake makes up (a new account's, a reset's) is temporary: it must be changed at the
// first sign-in (src/auth/session.ts sends its holder to the page that does it).
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { apiTokens, sessions, users } from '../../../db/schema/index.js';
import { hashPassword, temporaryPassword, verifyPassword } from '../../auth/passwords.js';
import type { Role } from '../../auth/permissions.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/record.js';

export interface CreateUserParams {
  email: string; name: string; role: Role;
  /** Chosen by the person (or the demo): kept. Without one a temporary password is made. */
  password?: string | undefined;
  /** The given password is a temporary one all the same (the demo's, printed on the console). */
  temporary?: boolean;
}
export type UserView = { id: string; email: string; name: string; role: string; createdAt: string; disabledAt: string | null };

const view = (u: typeof users.$inferSelect): UserView => ({
  id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null,
});

export async function createUser(db: Db, params: CreateUserParams, actorId: string | null, now: Date): Promise<{ user: UserView; temporaryPassword?: string }> {
  const password = params.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  const mustChangePassword = !params.password || params.temporary === true;
  const [row] = await db.insert(users).values({ email: params.email.toLowerCase(), name: params.name, role: params.role, passwordHash, mustChangePassword, createdAt: now, passwordChangedAt: now })
    .onConflictDoNothing().returning();
  if (!row) throw new AppError('version_conflict', 'A staff account with that email already exists.');
  await audit(db, { kind: 'user_created', actorType: 'user', actorId, subjectId: row.id, detail: { role: params.role }, at: now });
  return { user: view(row), ...(params.password ? {} : { temporaryPassword: password }) };
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await db.select().from(users).orderBy(users.createdAt)).map(view);
}

/** A new temporary password; every session and personal token of the account stops working. */
export async function resetPassword(db: Db, userId: string, actorId: string | null, now: Date): Promise<{ temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash, passwordChangedAt: now, mustChangePassword: true }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!row) throw notFound('The staff account');
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    await audit(tx, { kind: 'password_reset', actorType: 'user', actorId, subjectId: userId, at: now });
    return { temporaryPassword: password };
  });
}

export async function disableUser(db: Db, userId: string, actorId: string | null, now: Date): Promise<UserView> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ disabledAt: sql`coalesce(${users.disabledAt}, ${now.toISOString()}::timestamptz)` }).where(eq(users.id, userId)).returning();
    if (!row) throw notFound('The staff account');
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await audit(tx, { kind: 'user_disabled', actorType: 'user', actorId, subjectId: userId, at: now });
    return view(row);
  });
}

/** A new role: the account's sessions end so the new permissions apply at once. */
export async function setRole(db: Db, userId: string, role: Role, actorId: string | null, now: Date): Promise<UserView> {
  if (userId === actorId) throw new AppError('forbidden', 'You cannot change your own role: ask another administrator.');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    if (!row) throw notFound('The staff account');
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.update(apiTokens).set({ role }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    await audit(tx, { kind: 'role_changed', actorType: 'user', actorId, subjectId: userId, detail: { role }, at: now });
    return view(row);
  });
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'current' | 'newPassword'; message: string };

/**
 * A member of staff changes their own password: the current one must be right and the new one
 * different. Their other sessions end (this one, `keepSession`, stays); API tokens are untouched.
 */
export async function changeOwnPassword(db: Db, userId: string, current: string, next: string, keepSession: string, now: Date): Promise<ChangePasswordResult> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) throw notFound('The staff account');
  if (!(await verifyPassword(current, user.passwordHash))) return { ok: false, field: 'current', message: 'Your current password is not right.' };
  if (current === next) return { ok: false, field: 'newPassword', message: 'Choose a password different from the one you have now.' };
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, mustChangePassword: false }).where(eq(users.id, userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepSession)));
    await audit(tx, { kind: 'password_changed', actorType: 'user', actorId: userId, subjectId: userId, at: now });
  });
  return { ok: true };
}
