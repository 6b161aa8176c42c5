import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { describeMachine } from '../../../workflows/diagram.js';
import { machineVersions } from '../../../workflows/index.js';
import { programmes } from '../../../workflows/types.js';
import { parseWith } from '../input.js';
import { json, problems, serve } from '../openapi/common.js';

const params = z.strictObject({ programme: z.enum(programmes).meta({ param: { name: 'programme', in: 'path' } }) });

const describeRoute = createRoute({
  method: 'get', path: '/{programme}', tags: ['Workflows'], summary: 'The machine\'s states and transitions, with a Mermaid diagram', request: { params },
  responses: {
    200: json(z.object({
      programme: z.enum(programmes), version: z.number().int(), id: z.string(),
      states: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), owner: z.string(), stage: z.string().optional(), status: z.string().optional() })),
      transitions: z.array(z.object({ from: z.string(), event: z.string(), to: z.array(z.string()), guard: z.string().optional() })),
      mermaid: z.string(),
    }), 'The workflow'),
    ...problems(400, 403),
  },
});

export function workflowRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'workflows.read'); await next(); });
  serve(r, describeRoute, (c) => {
    const { programme } = parseWith(params, c.req.param(), 'invalid_parameter');
    return c.json({ programme, version: machineVersions[programme], ...describeMachine(app.machines[programme]) });
  });
  return r;
}
