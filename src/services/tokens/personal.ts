// Personal API tokens: shown once at creation, stored hashed, revocable, and with an expiry if the
// owner gives one.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { apiTokens, users } from '../../../db/schema/index.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/record.js';
import { hashToken, newApiToken } from './bootstrap.js';

const owner = (p: StaffPrincipal) => (p.userId ? eq(apiTokens.userId, p.userId) : isNull(apiTokens.userId));

export async function createPersonalToken(db: Db, p: StaffPrincipal, name: string, now: Date, expiresAt: Date | null = null) {
  if (expiresAt && expiresAt <= now) throw new AppError('invalid_payload', 'expiresAt: the expiry must be in the future.', { field: 'expiresAt' });
  const token = newApiToken();
  const [row] = await db.insert(apiTokens).values({ name, tokenHash: hashToken(token), role: p.role, userId: p.userId, createdAt: now, expiresAt }).returning();
  await audit(db, { kind: 'token_created', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: row!.id, at: now });
  return { ...tokenView(row!), token };
}

const tokenView = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listPersonalTokens(db: Db, p: StaffPrincipal) {
  const rows = await db.select().from(apiTokens).where(owner(p)).orderBy(desc(apiTokens.createdAt));
  return rows.map(tokenView);
}

/** Revokes one of the caller's own tokens (an admin may revoke anyone's). */
export async function revokeToken(db: Db, p: StaffPrincipal, id: string, now: Date) {
  const [row] = await db.update(apiTokens).set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), p.role === 'admin' ? undefined : owner(p), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound('The token');
  await audit(db, { kind: 'token_revoked', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: id, at: now });
  return { id, revokedAt: now.toISOString() };
}

/** Every token (admin): whose it is, and whether it still works. */
export async function listAllTokens(db: Db) {
  const rows = await db.select({ t: apiTokens, owner: users.name }).from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId)).orderBy(desc(apiTokens.createdAt)).limit(500);
  return rows.map(({ t, owner: who }) => ({ ...tokenView(t), owner: who, lastUsedAt: t.lastUsedAt?.toISOString() ?? null }));
}
