// /api/webhooks (admin): subscriptions, their delivery log, replay. docs/webhooks.md says how a
// receiver verifies what it gets.
import { OpenAPIHono } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { listDeliveries, replayDelivery } from '../../services/webhooks/deliveries.js';
import { createWebhookBody, deliveriesQuery } from '../../services/webhooks/schemas.js';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks } from '../../services/webhooks/subscriptions.js';
import { idParam, parseWith, readJsonObject } from '../input.js';
import { serve } from '../openapi/common.js';
import * as routes from './openapi.js';

export function webhookRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'webhooks.manage'); await next(); });
  serve(r, routes.createWebhook, async (c) => {
    const created = await createWebhook(app, c.get('principal'), parseWith(createWebhookBody, await readJsonObject(c)));
    c.header('Location', `/api/webhooks/${created.id}`);
    return c.json(created, 201);
  });
  serve(r, routes.listWebhooks, async (c) => c.json({ items: await listWebhooks(app.db) }));
  serve(r, routes.getWebhook, async (c) => c.json(await getWebhook(app.db, idParam(c, 'The webhook'))));
  serve(r, routes.deleteWebhook, async (c) => c.json(await deleteWebhook(app, c.get('principal'), idParam(c, 'The webhook'))));
  serve(r, routes.listDeliveries, async (c) => {
    const id = idParam(c, 'The webhook');
    return c.json(await listDeliveries(app.db, id, parseWith(deliveriesQuery, c.req.query(), 'invalid_query')));
  });
  serve(r, routes.replayDelivery, async (c) => {
    return c.json(await replayDelivery(app, idParam(c, 'The webhook'), idParam(c, 'The delivery', 'deliveryId')), 202);
  });
  return r;
}
