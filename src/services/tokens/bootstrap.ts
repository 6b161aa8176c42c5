import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { prepared } from '../../../db/prepared.js';
import { apiTokens, candidates, journeys, users } from '../../../db/schema/index.js';
import { type LoadedJourney, loadedJourneyColumns } from '../../engine/dispatch.js';
import type { Role } from '../../auth/permissions.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newApiToken = () => `intake_${randomBytes(24).toString('base64url')}`;

/**
 * The first admin token: INTAKE_BOOTSTRAP_TOKEN if set (registered idempotently), otherwise one
 * generated at the first start and returned so it can be printed once. Only its hash is stored.
 */
export async function ensureBootstrapToken(db: Db, configured: string | undefined): Promise<string | null> {
  if (configured) {
    await db.insert(apiTokens).values({ name: 'bootstrap', tokenHash: hashToken(configured), role: 'admin' }).onConflictDoNothing();
    return null;
  }
  const [existing] = await db.select({ n: count() }).from(apiTokens).where(isNull(apiTokens.revokedAt));
  if (Number(existing?.n ?? 0) > 0) return null;
  const token = newApiToken();
  await db.insert(apiTokens).values({ name: 'bootstrap (generated)', tokenHash: hashToken(token), role: 'admin' });
  return token;
}

export interface TokenPrincipal { tokenId: string; role: Role; userId: string | null; name: string }

/** A token by its hash (placeholder `hash`), with its owner's role. */
export const findTokenQuery = (db: Db) => db.select({ t: apiTokens, userRole: users.role, disabledAt: users.disabledAt })
  .from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId))
  .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)));

/**
 * The same, and the candidate `id` (placeholder) with their current journey: a request about one
 * candidate needs both, and one round trip serves it. The candidate is read whoever asks; it is
 * used only once the token has been found good and the permission table allows it.
 */
export const findTokenWithCandidateQuery = (db: Db) => db.select({
  t: apiTokens, userRole: users.role, disabledAt: users.disabledAt, candidate: candidates, journey: loadedJourneyColumns,
}).from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId))
  .leftJoin(candidates, eq(candidates.id, sql.placeholder('id')))
  .leftJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
  .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)));

export type CandidateRow = typeof candidates.$inferSelect;
export interface CandidateWithJourneyRow { candidate: CandidateRow; journey: LoadedJourney }

type TokenRow = { t: typeof apiTokens.$inferSelect; userRole: string | null; disabledAt: Date | null };

/** A live token; a personal token takes its owner's current role and dies with a disabled account. */
function liveToken(row: TokenRow | undefined): TokenPrincipal | null {
  if (!row) return null;
  if (row.t.userId && (row.disabledAt || !row.userRole)) return null;
  return { tokenId: row.t.id, role: (row.userRole ?? row.t.role) as Role, userId: row.t.userId, name: row.t.name };
}

export async function findToken(db: Db, token: string): Promise<TokenPrincipal | null> {
  const query = prepared(db, 'find_token', (d) => findTokenQuery(d).prepare('find_token'));
  const [row] = await query.execute({ hash: hashToken(token) });
  return liveToken(row);
}

/** The token, and the candidate with their current journey (null when there is no such candidate). */
export async function findTokenWithCandidate(db: Db, token: string, candidateId: string): Promise<{ token: TokenPrincipal | null; candidate: CandidateWithJourneyRow | null }> {
  const query = prepared(db, 'find_token_with_candidate', (d) => findTokenWithCandidateQuery(d).prepare('find_token_with_candidate'));
  const [row] = await query.execute({ hash: hashToken(token), id: candidateId });
  const live = liveToken(row);
  return { token: live, candidate: live && row?.candidate && row.journey ? { candidate: row.candidate, journey: row.journey } : null };
}
