// Every /api route needs `Authorization: Bearer <token>`: the bootstrap admin token or a staff
// member's personal token (which acts with its owner's current role, until it expires if it was
// made with an expiry).
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { CandidateRead } from '../services/candidates/read.js';
import { candidateIdIn } from './about-candidate.js';
import { type TokenPrincipal, findToken, findTokenWithCandidate } from './lookup.js';
import type { StaffPrincipal } from './principal.js';

export type AuthVars = { Variables: { principal: StaffPrincipal; candidate: CandidateRead | undefined } };

export const requireBearer = (app: AppContext) => createMiddleware<AuthVars>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  let token: TokenPrincipal | null = null;
  // A request about one candidate: read with the token in one query.
  const candidateId = candidateIdIn(c.req.path, '/api/candidates');
  if (match && candidateId) {
    const found = await findTokenWithCandidate(app.keyedDb, match[1]!, candidateId, app.clock.now());
    token = found.token;
    c.set('candidate', { id: candidateId, row: found.candidate });
  } else if (match) {
    token = await findToken(app.keyedDb, match[1]!, app.clock.now());
  }
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="intake"');
    throw new AppError('unauthorized', 'A valid bearer token is required (Authorization: Bearer <token>).');
  }
  c.set('principal', { kind: 'staff', role: token.role, userId: token.userId, tokenId: token.tokenId, via: 'token' });
  await next();
});
