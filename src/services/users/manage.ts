// Staff accounts: admins create them and reset access; `npm run user:create` makes the first.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { apiTokens, sessions, users } from '../../../db/schema/index.js';
import { hashPassword, temporaryPassword } from '../../auth/passwords.js';
import type { Role } from '../../auth/permissions.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/record.js';

export interface CreateUserParams { email: string; name: string; role: Role; password?: string | undefined }
export type UserView = { id: string; email: string; name: string; role: string; createdAt: string; disabledAt: string | null };

const view = (u: typeof users.$inferSelect): UserView => ({
  id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null,
});

export async function createUser(db: Db, params: CreateUserParams, actorId: string | null, now: Date): Promise<{ user: UserView; temporaryPassword?: string }> {
  const password = params.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  const [row] = await db.insert(users).values({ email: params.email.toLowerCase(), name: params.name, role: params.role, passwordHash, createdAt: now, passwordChangedAt: now })
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
    const [row] = await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId)).returning({ id: users.id });
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
