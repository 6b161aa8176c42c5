// What an admin sends to subscribe, and what the API answers: one set of zod schemas for the
// routes' parsing and the OpenAPI document.
import { z } from 'zod';
import { webhookEventTypes } from '../../engine/webhook-events.js';

export { webhookEventTypes };

const eventType = z.enum(['*', ...webhookEventTypes], `an event type (${webhookEventTypes.join(', ')}) or * for all`);

export const createWebhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).max(2000)
    .refine((u) => { const url = new URL(u); return !url.username && !url.password; }, 'put no user name or password in the address: the signature proves the sender'),
  events: z.array(eventType).min(1, 'name at least one event type, or *').max(webhookEventTypes.length + 1)
    .refine((events) => new Set(events).size === events.length, 'name each event type once'),
  description: z.string().trim().min(1).max(200).optional(),
}).meta({ id: 'NewWebhook' });

export const webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
}).meta({ id: 'Webhook' });

export const createdWebhook = webhook.extend({
  secret: z.string().regex(/^whsec_/).describe('Shown once: signs every delivery (Standard Webhooks). Keep it with the receiver.'),
}).meta({ id: 'CreatedWebhook' });

export const deliveryStatuses = ['pending', 'retrying', 'delivered', 'failed', 'cancelled'] as const;

export const delivery = z.object({
  id: z.uuid(),
  webhookId: z.string().describe('The `webhook-id` header the receiver got: the same on every attempt and on a replay'),
  subscriptionId: z.uuid(),
  eventType: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  payload: z.object({ type: z.string(), timestamp: z.iso.datetime(), data: z.record(z.string(), z.unknown()) }),
}).meta({ id: 'WebhookDelivery' });

export const deliveriesQuery = z.strictObject({
  status: z.enum(deliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
