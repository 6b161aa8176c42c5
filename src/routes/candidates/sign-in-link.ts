// POST /api/candidates/:id/sign-in-link: emails the candidate a new portal sign-in link. Staff
// send links; no reply, page or stored email ever shows one (src/services/emails/links.ts).
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { sendMagicLinkFor } from '../../services/portal/magic-link.js';
import { idParam } from '../input.js';
import { candidateIdParam, json, problems, serve } from '../openapi/common.js';

const signInLinkRoute = createRoute({
  method: 'post', path: '/{id}/sign-in-link', tags: ['Candidates'],
  summary: 'Email the candidate a new portal sign-in link (the link itself is never shown to staff)',
  request: { params: candidateIdParam },
  responses: { 202: json(z.object({ candidateId: z.uuid(), sent: z.literal(true) }), 'The link is on its way'), ...problems(403, 404, 429) },
});

export function signInLinkRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  serve(r, signInLinkRoute, async (c) => {
    const id = idParam(c);
    await sendMagicLinkFor(app, c.get('principal'), id, c.get('candidate'));
    return c.json({ candidateId: id, sent: true as const }, 202);
  });
  return r;
}
