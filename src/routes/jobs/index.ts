// Dead-lettered jobs: visible to staff with their reason; an admin can send one again.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../auth/authorize.js';
import { deadJobs, retryJob } from '../../services/emails/dead-letters.js';
import { parseWith } from '../input.js';

const query = z.strictObject({ status: z.literal('dead').default('dead'), kind: z.enum(['email', 'timer', 'cv-parse']).optional() });
const params = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function jobRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.get('/', async (c) => {
    await authorize(app, c.get('principal'), 'jobs.read');
    return c.json({ items: await deadJobs(app.db, parseWith(query, c.req.query(), 'invalid_query').kind) });
  });
  r.post('/:id/retry', async (c) => {
    await authorize(app, c.get('principal'), 'jobs.retry');
    const { id } = parseWith(params, c.req.param(), 'invalid_parameter');
    return c.json(await retryJob(app.db, id, app.clock.now()));
  });
  return r;
}
