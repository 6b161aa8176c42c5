// Every /api route needs `Authorization: Bearer <token>`: the bootstrap admin token or a staff
// member's personal token (which acts with its owner's current role).
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../engine/context.js';
import { AppError } from '../errors.js';
import type { CandidateWithJourneyRow } from '../services/candidates/get.js';
import { type TokenPrincipal, findToken, findTokenWithCandidate } from './lookup.js';
import type { StaffPrincipal } from './principal.js';

/** A candidate read with the token (`row` null: no such candidate), for authorizedCandidate. */
export interface CandidateRead { id: string; row: CandidateWithJourneyRow | null }
export type AuthVars = { Variables: { principal: StaffPrincipal; candidate: CandidateRead | undefined } };

// A request about one candidate: its id, read with the token in one query.
const ABOUT_CANDIDATE = /^\/api\/candidates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export const requireBearer = (app: AppContext) => createMiddleware<AuthVars>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  let token: TokenPrincipal | null = null;
  const candidateId = ABOUT_CANDIDATE.exec(c.req.path)?.[1]?.toLowerCase();
  if (match && candidateId) {
    const found = await findTokenWithCandidate(app.keyedDb, match[1]!, candidateId);
    token = found.token;
    c.set('candidate', { id: candidateId, row: found.candidate });
  } else if (match) {
    token = await findToken(app.keyedDb, match[1]!);
  }
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="intake"');
    throw new AppError(401, 'unauthorized', 'A valid bearer token is required (Authorization: Bearer <token>).');
  }
  c.set('principal', { kind: 'staff', role: token.role, userId: token.userId, tokenId: token.tokenId, via: 'token' });
  await next();
});
