// Every /api route needs `Authorization: Bearer <token>`. Roles per action come with the access
// issue; for now every valid token acts as its role's holder and is recorded as the actor.
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../engine/context.js';
import { AppError } from '../errors.js';
import { findToken, type TokenPrincipal } from '../services/tokens/bootstrap.js';

export type AuthVars = { Variables: { principal: TokenPrincipal } };

export const requireBearer = (app: AppContext) => createMiddleware<AuthVars>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  const principal = match ? await findToken(app.db, match[1]!) : null;
  if (!principal) {
    c.header('WWW-Authenticate', 'Bearer realm="intake"');
    throw new AppError(401, 'unauthorized', 'A valid bearer token is required (Authorization: Bearer <token>).');
  }
  c.set('principal', principal);
  await next();
});
