// Who is asking: a bearer token looked up by its hash, with its owner's current role. A request
// about one candidate (src/auth/bearer.ts) reads the candidate with their journey in the same
// query, one round trip instead of two; that row is used only once the token has been found good
// and the permission table allows it (src/auth/authorize.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { apiTokens, candidates, journeys, users } from '../../db/schema/index.js';
import { type CandidateWithJourneyRow, candidateWithJourneyColumns } from '../services/candidates/read.js';
import { hashToken } from '../services/tokens/bootstrap.js';
import type { Role } from './permissions.js';

export interface TokenPrincipal { tokenId: string; role: Role; userId: string | null; name: string }

const tokenColumns = { t: apiTokens, userRole: users.role, disabledAt: users.disabledAt };
const live = and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt));

/** A token by its hash (placeholder `hash`), with its owner's role. */
const findTokenQuery = (db: Db) => db.select(tokenColumns)
  .from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId)).where(live);

/** The same, and the candidate `id` (placeholder) with their current journey. */
export const findTokenWithCandidateQuery = (db: Db) => db.select({ ...tokenColumns, ...candidateWithJourneyColumns })
  .from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId))
  .leftJoin(candidates, eq(candidates.id, sql.placeholder('id')))
  .leftJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
  .where(live);

type TokenRow = { t: typeof apiTokens.$inferSelect; userRole: string | null; disabledAt: Date | null };

/** A live token: not revoked (in the query), not expired; a personal token takes its owner's current role and dies with a disabled account. */
function liveToken(row: TokenRow | undefined, now: Date): TokenPrincipal | null {
  if (!row || (row.t.expiresAt && row.t.expiresAt <= now)) return null;
  if (row.t.userId && (row.disabledAt || !row.userRole)) return null;
  return { tokenId: row.t.id, role: (row.userRole ?? row.t.role) as Role, userId: row.t.userId, name: row.t.name };
}

export async function findToken(db: Db, token: string, now: Date): Promise<TokenPrincipal | null> {
  const query = prepared(db, 'find_token', (d) => findTokenQuery(d).prepare('find_token'));
  const [row] = await query.execute({ hash: hashToken(token) });
  return liveToken(row, now);
}

/** The token, and the candidate with their current journey (null when there is no such candidate). */
export async function findTokenWithCandidate(db: Db, token: string, candidateId: string, now: Date): Promise<{ token: TokenPrincipal | null; candidate: CandidateWithJourneyRow | null }> {
  const query = prepared(db, 'find_token_with_candidate', (d) => findTokenWithCandidateQuery(d).prepare('find_token_with_candidate'));
  const [row] = await query.execute({ hash: hashToken(token), id: candidateId });
  const principal = liveToken(row, now);
  return { token: principal, candidate: principal && row?.candidate && row.journey ? { candidate: row.candidate, journey: row.journey } : null };
}
