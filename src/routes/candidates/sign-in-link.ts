// POST /api/candidates/:id/sign-in-link: emails the candidate a new portal sign-in link. Staff
// send links; no reply, page or stored email ever shows one (src/services/emails/links.ts).
import { Hono } from 'hono';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { sendMagicLinkFor } from '../../services/portal/magic-link.js';
import { idParam } from '../input.js';

export function signInLinkRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.post('/:id/sign-in-link', async (c) => {
    const id = idParam(c);
    await sendMagicLinkFor(app, c.get('principal'), id, c.get('candidate'));
    return c.json({ candidateId: id, sent: true }, 202);
  });
  return r;
}
