// The webhooks Intake sends, in the document's `webhooks` section (OpenAPI 3.1): one entry per
// event type, with the body and the Standard Webhooks headers a receiver verifies.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { webhookEventTypes } from '../../services/webhooks/schemas.js';

const about: Record<(typeof webhookEventTypes)[number], string> = {
  'candidate.created': 'A candidate applied or was added (API, pages, import)',
  'stage.changed': 'A journey moved to another stage (board column); `fromStage` is where it was',
  'check.cleared': 'A pre-employment check was cleared; `check` names it',
  'check.failed': 'A pre-employment check failed; `check` names it',
  'offer.made': 'A conditional offer was made',
  'offer.accepted': 'The candidate accepted the offer',
  'offer.declined': 'The candidate declined the offer',
  hired: 'The candidate is cleared and has worked their first shift: a bank member',
  withdrawn: 'The candidate withdrew',
  rejected: 'The application was rejected',
  closed: 'The journey closed (e.g. an exam limit reached, or moved to another programme)',
  'programme.changed': 'The candidate moved to another programme (e.g. to HCSWD); `previousJourneyId` is the old journey',
  'candidate.erased': 'The candidate\'s personal data was erased (retention or request): erase your copy too',
  'bookability.changed': 'A bank member became bookable or stopped being bookable for their role; `bookable`, and `blockedBy` names the compliance items that stop it',
};

const headers = z.object({
  'webhook-id': z.string().describe('The message id: the same on every attempt and replay; drop a repeat'),
  'webhook-timestamp': z.string().describe('Seconds since 1970 when this attempt was signed; refuse old ones'),
  'webhook-signature': z.string().describe('v1,<base64 HMAC-SHA256 of "id.timestamp.body"> keyed with the base64-decoded secret after whsec_'),
});

export function registerWebhookEvents(registry: OpenAPIHono['openAPIRegistry']) {
  for (const type of webhookEventTypes) {
    const body = z.object({
      type: z.literal(type),
      timestamp: z.iso.datetime(),
      data: z.object({
        candidateId: z.uuid(), journeyId: z.uuid().optional(), programme: z.string().optional(), state: z.string().optional(),
        stage: z.string().optional(), status: z.string().optional(), version: z.number().int().optional(), event: z.string().optional(),
        at: z.iso.datetime(),
      }).catchall(z.unknown()).describe('Ids, states and times only: read the candidate through the API for the rest'),
    });
    registry.registerWebhook({
      method: 'post', path: type, summary: about[type], tags: ['Webhooks'],
      request: { headers, body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: { 200: { description: 'Any 2xx: received. Anything else (or no answer within the timeout) is retried with backoff.' } },
    });
  }
}
