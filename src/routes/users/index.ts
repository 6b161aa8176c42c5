// /api/users (admin): create staff accounts, reset access, disable.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import { roles } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { createUser, disableUser, listUsers, resetPassword } from '../../services/users/manage.js';
import { idParam, parseWith, readJsonObject } from '../input.js';
import { json, jsonBody, problems, serve, uuidParam } from '../openapi/common.js';

const createBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  password: z.string().min(12, 'at least 12 characters').max(200).optional(),
});

const tags = ['Staff accounts'];
const time = z.iso.datetime();
const user = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(roles), createdAt: time, disabledAt: time.nullable() }).meta({ id: 'StaffAccount' });
const userId = uuidParam('id', 'The staff account\'s id');
const listRoute = createRoute({
  method: 'get', path: '/', tags, summary: 'Staff accounts (admin)', responses: { 200: json(z.object({ items: z.array(user) }), 'The accounts'), ...problems(403) },
});
const newUserRoute = createRoute({
  method: 'post', path: '/', tags, summary: 'A staff account (admin); without a password, a temporary one is made and shown once', request: { body: jsonBody(createBody) },
  responses: { 201: json(z.object({ user, temporaryPassword: z.string().optional() }), 'The account'), ...problems(400, 403, 409, 415) },
});
const resetRoute = createRoute({
  method: 'post', path: '/{id}/reset-password', tags, summary: 'A new temporary password; the account\'s sessions and tokens stop (admin)', request: { params: userId },
  responses: { 200: json(z.object({ temporaryPassword: z.string() }), 'Shown once'), ...problems(403, 404) },
});
const disableRoute = createRoute({
  method: 'post', path: '/{id}/disable', tags, summary: 'Disable an account (admin)', request: { params: userId },
  responses: { 200: json(user, 'The account'), ...problems(403, 404) },
});

export function userRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'users.manage'); await next(); });
  const actor = (c: { get(k: 'principal'): { userId: string | null; tokenId: string | null } }) => c.get('principal').userId ?? c.get('principal').tokenId;
  serve(r, listRoute, async (c) => c.json({ items: await listUsers(app.db) }));
  // A password an admin chooses for someone else is temporary all the same.
  serve(r, newUserRoute, async (c) => c.json(await createUser(app.db, { ...parseWith(createBody, await readJsonObject(c)), temporary: true }, actor(c), app.clock.now()), 201));
  serve(r, resetRoute, async (c) => c.json(await resetPassword(app.db, idParam(c, 'The staff account'), actor(c), app.clock.now())));
  serve(r, disableRoute, async (c) => c.json(await disableUser(app.db, idParam(c, 'The staff account'), actor(c), app.clock.now())));
  return r;
}
