// Every /api route needs `Authorization: Bearer <token>`: the bootstrap admin token or a staff
// member's personal token (which acts with its owner's current role).
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../engine/context.js';
import { AppError } from '../errors.js';
import { findToken } from '../services/tokens/bootstrap.js';
import type { StaffPrincipal } from './principal.js';

export type AuthVars = { Variables: { principal: StaffPrincipal } };

export const requireBearer = (app: AppContext) => createMiddleware<AuthVars>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  const token = match ? await findToken(app.keyedDb, match[1]!) : null;
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="intake"');
    throw new AppError(401, 'unauthorized', 'A valid bearer token is required (Authorization: Bearer <token>).');
  }
  c.set('principal', { kind: 'staff', role: token.role, userId: token.userId, tokenId: token.tokenId, via: 'token' });
  await next();
});
