// Data protection (admin): subject-access export and erasure on request, both audited.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorizeCandidate } from '../../auth/authorize.js';
import { actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { eraseOnRequest } from '../../services/privacy/erase-on-request.js';
import { exportCandidate } from '../../services/privacy/export.js';
import { idParam, parseWith, readJsonObject } from '../input.js';
import { candidateIdParam, json, jsonBody, problems, serve } from '../openapi/common.js';

/** An explicit confirmation; no free text, since nothing about the request may outlive the erasure. */
const eraseBody = z.strictObject({ confirm: z.literal(true) });

const tags = ['Data protection'];
const exportRoute = createRoute({
  method: 'get', path: '/{id}/export', tags, summary: 'Everything held about a candidate (admin; audited)', request: { params: candidateIdParam },
  responses: { 200: json(z.record(z.string(), z.unknown()).describe('The candidate, journeys, history, emails, CVs, notes, cohorts and audit entries'), 'The subject-access export'), ...problems(403, 404) },
});
const eraseRoute = createRoute({
  method: 'post', path: '/{id}/erase', tags, summary: 'Erase the candidate\'s personal data now (admin)',
  description: 'A journey in progress is withdrawn first. History, stages and times stay, without the person.',
  request: { params: candidateIdParam, body: jsonBody(eraseBody) },
  responses: { 200: json(z.object({ candidateId: z.uuid(), erased: z.literal(true), alreadyErased: z.boolean() }), 'Erased'), ...problems(400, 403, 404, 415) },
});

export function privacyRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();

  serve(r, exportRoute, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'data.export', id, c.get('candidate'));
    c.header('Content-Disposition', `attachment; filename="subject-access-${id}.json"`);
    return c.json(await exportCandidate(app, id, actorOf(c.get('principal'))));
  });

  // Erasure on request: the journey is withdrawn first if it is in progress (see the service).
  serve(r, eraseRoute, async (c) => {
    const id = idParam(c);
    parseWith(eraseBody, await readJsonObject(c));
    const result = await eraseOnRequest(app, c.get('principal'), id, c.get('candidate'));
    return c.json({ candidateId: id, erased: true, alreadyErased: result.alreadyErased });
  });
  return r;
}
