import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthVars } from '../../auth/bearer.js';
import { authorize } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { describeMachine } from '../../../workflows/diagram.js';
import { machineVersions } from '../../../workflows/index.js';
import { programmes } from '../../../workflows/types.js';
import { parseWith } from '../input.js';

const params = z.strictObject({ programme: z.enum(programmes) });

export function workflowRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'workflows.read'); await next(); });
  r.get('/:programme', (c) => {
    const { programme } = parseWith(params, c.req.param(), 'invalid_parameter');
    return c.json({ programme, version: machineVersions[programme], ...describeMachine(app.machines[programme]) });
  });
  return r;
}
