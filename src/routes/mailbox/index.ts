// The local development mailbox (staff): what the mailbox transport "sent" about candidates the
// reader may see, one-time links redacted.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { mailbox, mailboxMessage } from '../../services/emails/list.js';
import { idParam, parseWith } from '../input.js';

const query = z.strictObject({
  to: z.email().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true }).optional(),
});

export function mailboxRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'mailbox.read'); await next(); });
  const scope = (c: Context<AuthVars>) => programmesFor(c.get('principal').role, 'mailbox.read');
  r.get('/', async (c) => c.json({ items: await mailbox(app.db, { ...parseWith(query, c.req.query(), 'invalid_query'), programmes: scope(c) }) }));
  r.get('/:id', async (c) => c.json(await mailboxMessage(app.db, idParam(c, 'The email'), scope(c))));
  return r;
}
