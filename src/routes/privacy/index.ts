// Data protection (admin): subject-access export and erasure on request, both audited.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorizeCandidate } from '../../auth/authorize.js';
import { actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { eraseOnRequest } from '../../services/privacy/erase-on-request.js';
import { exportCandidate } from '../../services/privacy/export.js';
import { idParam, parseWith, readJsonObject } from '../input.js';

/** An explicit confirmation; no free text, since nothing about the request may outlive the erasure. */
const eraseBody = z.strictObject({ confirm: z.literal(true) });

export function privacyRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();

  r.get('/:id/export', async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'data.export', id, c.get('candidate'));
    c.header('Content-Disposition', `attachment; filename="subject-access-${id}.json"`);
    return c.json(await exportCandidate(app, id, actorOf(c.get('principal'))));
  });

  // Erasure on request: the journey is withdrawn first if it is in progress (see the service).
  r.post('/:id/erase', async (c) => {
    const id = idParam(c);
    parseWith(eraseBody, await readJsonObject(c));
    const result = await eraseOnRequest(app, c.get('principal'), id, c.get('candidate'));
    return c.json({ candidateId: id, erased: true, alreadyErased: result.alreadyErased });
  });
  return r;
}
