// /api/tokens: a member of staff's own API tokens.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { createPersonalToken, listPersonalTokens, revokeToken } from '../../services/tokens/personal.js';
import { idParam, parseWith, readJsonObject } from '../input.js';

const createBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Optional: the token stops working at this moment. */
  expiresAt: z.iso.datetime({ offset: true, message: 'a date and time with its offset, e.g. 2027-03-31T17:00:00Z' }).optional(),
});

export function tokenRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'tokens.own'); await next(); });
  r.get('/', async (c) => c.json({ items: await listPersonalTokens(app.db, c.get('principal')) }));
  r.post('/', async (c) => {
    const body = parseWith(createBody, await readJsonObject(c));
    return c.json(await createPersonalToken(app.db, c.get('principal'), body.name, app.clock.now(), body.expiresAt ? new Date(body.expiresAt) : null), 201);
  });
  r.delete('/:id', async (c) => c.json(await revokeToken(app.db, c.get('principal'), idParam(c, 'The token'), app.clock.now())));
  return r;
}
