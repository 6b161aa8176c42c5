// /api/users (admin): create staff accounts, reset access, disable.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import { roles } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { createUser, disableUser, listUsers, resetPassword } from '../../services/users/manage.js';
import { idParam, parseWith, readJsonObject } from '../input.js';

const createBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  password: z.string().min(12, 'at least 12 characters').max(200).optional(),
});

export function userRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'users.manage'); await next(); });
  const actor = (c: { get(k: 'principal'): { userId: string | null; tokenId: string | null } }) => c.get('principal').userId ?? c.get('principal').tokenId;
  r.get('/', async (c) => c.json({ items: await listUsers(app.db) }));
  // A password an admin chooses for someone else is temporary all the same.
  r.post('/', async (c) => c.json(await createUser(app.db, { ...parseWith(createBody, await readJsonObject(c)), temporary: true }, actor(c), app.clock.now()), 201));
  r.post('/:id/reset-password', async (c) => c.json(await resetPassword(app.db, idParam(c, 'The staff account'), actor(c), app.clock.now())));
  r.post('/:id/disable', async (c) => c.json(await disableUser(app.db, idParam(c, 'The staff account'), actor(c), app.clock.now())));
  return r;
}
