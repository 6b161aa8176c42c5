// The webhook routes as the OpenAPI document declares them (served in ./index.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createWebhookBody, createdWebhook, deliveriesQuery, delivery, webhook } from '../../services/webhooks/schemas.js';
import { json, jsonBody, paged, problems, uuidParam } from '../openapi/common.js';

const tags = ['Webhooks'];
const webhookId = uuidParam('id', 'The subscription\'s id');
const deliveryParams = webhookId.extend(uuidParam('deliveryId', 'The delivery\'s id').shape);

export const createWebhook = createRoute({
  method: 'post', path: '/', tags, summary: 'Subscribe a URL to events (admin)',
  description: 'The answer carries the signing secret, once. See docs/webhooks.md for verifying a delivery.',
  request: { body: jsonBody(createWebhookBody) },
  responses: { 201: json(createdWebhook, 'The subscription, with its secret'), ...problems(400, 403, 415) },
});

export const listWebhooks = createRoute({
  method: 'get', path: '/', tags, summary: 'The subscriptions (admin)',
  responses: { 200: json(z.object({ items: z.array(webhook) }), 'Every live subscription'), ...problems(403) },
});

export const getWebhook = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One subscription (admin)', request: { params: webhookId },
  responses: { 200: json(webhook, 'The subscription'), ...problems(403, 404) },
});

export const deleteWebhook = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Unsubscribe (admin): queued deliveries are cancelled', request: { params: webhookId },
  responses: { 200: json(z.object({ id: z.uuid(), deletedAt: z.iso.datetime() }), 'Deleted'), ...problems(403, 404) },
});

export const listDeliveries = createRoute({
  method: 'get', path: '/{id}/deliveries', tags, summary: 'The delivery log, newest first (admin)', request: { params: webhookId, query: deliveriesQuery },
  responses: { 200: json(paged(delivery), 'A page of deliveries'), ...problems(400, 403, 404) },
});

export const replayDelivery = createRoute({
  method: 'post', path: '/{id}/deliveries/{deliveryId}/replay', tags, summary: 'Send a delivery again, now (admin)',
  description: 'For a delivery that was delivered or given up; it keeps its webhook-id.',
  request: { params: deliveryParams },
  responses: { 202: json(delivery, 'Queued again'), ...problems(403, 404, 409) },
});
