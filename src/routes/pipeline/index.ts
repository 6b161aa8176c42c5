import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { programmes } from '../../../workflows/types.js';
import { stageOrder } from '../../../workflows/inspect.js';
import { pipelineCounts } from '../../services/pipeline/counts.js';
import { parseWith } from '../input.js';
import { json, problems, serve } from '../openapi/common.js';

const query = z.strictObject({ programme: z.enum(programmes).optional() });

const countsRoute = createRoute({
  method: 'get', path: '/', tags: ['Pipeline'], summary: 'Count per stage (in the machine\'s order) and per final status', request: { query },
  responses: {
    200: json(z.object({
      programmes: z.array(z.object({
        programme: z.enum(programmes), total: z.number().int(),
        stages: z.array(z.object({ stage: z.string(), count: z.number().int() })),
        statuses: z.record(z.string(), z.number().int()),
      })),
    }), 'The counts'),
    ...problems(400, 403),
  },
});

export function pipelineRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'pipeline.read'); await next(); });
  // Count per stage, in the order the machine defines its stages; finished journeys by status.
  serve(r, countsRoute, async (c) => {
    const { programme } = parseWith(query, c.req.query(), 'invalid_query');
    const rows = await pipelineCounts(app.db, { programme });
    const wanted = programme ? [programme] : [...programmes];
    return c.json({
      programmes: wanted.map((p) => {
        const mine = rows.filter((r) => r.programme === p);
        const stages = stageOrder(app.machines[p]).map((stage) => ({
          stage,
          count: mine.filter((r) => r.stage === stage && r.status === 'in_progress').reduce((a, r) => a + r.count, 0),
        }));
        const statuses = Object.fromEntries(['in_progress', 'hired', 'withdrawn', 'rejected', 'closed'].map((s) => [s, mine.filter((r) => r.status === s).reduce((a, r) => a + r.count, 0)]));
        return { programme: p, total: mine.reduce((a, r) => a + r.count, 0), stages, statuses };
      }),
    });
  });
  return r;
}
