// /api/tokens: a member of staff's own API tokens.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { createPersonalToken, listPersonalTokens, revokeToken } from '../../services/tokens/personal.js';
import { idParam, parseWith, readJsonObject } from '../input.js';
import { json, jsonBody, problems, serve, uuidParam } from '../openapi/common.js';

const createBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Optional: the token stops working at this moment. */
  expiresAt: z.iso.datetime({ offset: true, message: 'a date and time with its offset, e.g. 2027-03-31T17:00:00Z' }).optional(),
});

const tags = ['Tokens'];
const time = z.iso.datetime();
const token = z.object({ id: z.uuid(), name: z.string(), createdAt: time, revokedAt: time.nullable() }).meta({ id: 'Token' });
const listRoute = createRoute({
  method: 'get', path: '/', tags, summary: 'Your API tokens', responses: { 200: json(z.object({ items: z.array(token) }), 'Your tokens'), ...problems(403) },
});
const newTokenRoute = createRoute({
  method: 'post', path: '/', tags, summary: 'A new personal token, shown once', request: { body: jsonBody(createBody) },
  responses: { 201: json(z.object({ id: z.uuid(), name: z.string(), createdAt: time, token: z.string() }), 'The token (only its hash is kept)'), ...problems(400, 403, 415) },
});
const revokeRoute = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Revoke one of your tokens (an admin: anyone\'s)', request: { params: uuidParam('id', 'The token\'s id') },
  responses: { 200: json(z.object({ id: z.uuid(), revokedAt: time }), 'Revoked'), ...problems(403, 404) },
});

export function tokenRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'tokens.own'); await next(); });
  serve(r, listRoute, async (c) => c.json({ items: await listPersonalTokens(app.db, c.get('principal')) }));
  serve(r, newTokenRoute, async (c) => {
    const body = parseWith(createBody, await readJsonObject(c));
    return c.json(await createPersonalToken(app.db, c.get('principal'), body.name, app.clock.now(), body.expiresAt ? new Date(body.expiresAt) : null), 201);
  });
  serve(r, revokeRoute, async (c) => c.json(await revokeToken(app.db, c.get('principal'), idParam(c, 'The token'), app.clock.now())));
  return r;
}
