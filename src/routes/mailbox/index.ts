// The local development mailbox (staff): what the mailbox transport "sent" about candidates the
// reader may see, one-time links redacted.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { mailbox, mailboxMessage } from '../../services/emails/list.js';
import { emailSummary } from '../candidates/openapi.js';
import { idParam, parseWith } from '../input.js';
import { json, problems, serve, uuidParam } from '../openapi/common.js';

const query = z.strictObject({
  to: z.email().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true }).optional(),
});

const tags = ['Mailbox'];
const listRoute = createRoute({
  method: 'get', path: '/', tags, summary: 'The local mailbox, newest first (when no Resend key is set)', request: { query },
  responses: { 200: json(z.object({ items: z.array(emailSummary) }), 'Messages'), ...problems(400, 403) },
});
const messageRoute = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One message as its recipient got it', request: { params: uuidParam('id', 'The email\'s id') },
  responses: {
    200: json(emailSummary.extend({ text: z.string(), html: z.string(), attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })) }), 'The message'),
    ...problems(403, 404),
  },
});

export function mailboxRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'mailbox.read'); await next(); });
  const scope = (c: Context<AuthVars>) => programmesFor(c.get('principal').role, 'mailbox.read');
  serve(r, listRoute, async (c) => c.json({ items: await mailbox(app.db, { ...parseWith(query, c.req.query(), 'invalid_query'), programmes: scope(c) }) }));
  serve(r, messageRoute, async (c) => c.json(await mailboxMessage(app.db, idParam(c, 'The email'), scope(c))));
  return r;
}
