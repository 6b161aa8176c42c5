// Dead-lettered jobs: visible to staff with their reason; an admin can send one again.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../auth/authorize.js';
import { deadJobs, retryJob } from '../../services/emails/dead-letters.js';
import { parseWith } from '../input.js';
import { json, paged, problems, serve } from '../openapi/common.js';

export const jobKinds = ['email', 'timer', 'cv_parse', 'retention', 'webhook', 'import'] as const;

const query = z.strictObject({
  status: z.literal('dead').default('dead'), kind: z.enum(jobKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional(),
});
const params = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ param: { name: 'id', in: 'path' } }) });

const tags = ['Jobs'];
const deadJob = z.object({
  id: z.number().int(), kind: z.string(), journeyId: z.uuid().nullable(), attempts: z.number().int(), lastError: z.string().nullable(),
  template: z.string().nullable(), to: z.string().nullable(), finishedAt: z.iso.datetime().nullable(),
}).meta({ id: 'DeadJob' });

const listRoute = createRoute({
  method: 'get', path: '/', tags, summary: 'Dead-lettered jobs, newest first, with the reason', request: { query },
  responses: { 200: json(paged(deadJob), 'A page of dead jobs'), ...problems(400, 403) },
});
const retryRoute = createRoute({
  method: 'post', path: '/{id}/retry', tags, summary: 'Send a dead job again (admin)', request: { params },
  responses: { 200: json(z.object({ id: z.number().int(), status: z.literal('pending') }), 'Queued again'), ...problems(400, 403, 404, 409) },
});

export function jobRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  serve(r, listRoute, async (c) => {
    await authorize(app, c.get('principal'), 'jobs.read');
    return c.json(await deadJobs(app.db, parseWith(query, c.req.query(), 'invalid_query')));
  });
  serve(r, retryRoute, async (c) => {
    await authorize(app, c.get('principal'), 'jobs.retry');
    const { id } = parseWith(params, c.req.param(), 'invalid_parameter');
    return c.json(await retryJob(app.db, id, app.clock.now()));
  });
  return r;
}
