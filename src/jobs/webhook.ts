// Delivers one webhook (a leased job: the request is made with no transaction open). A 2xx
// answer marks the delivery delivered and it is never sent again; anything else is tried again
// with the worker's backoff until WEBHOOK_MAX_ATTEMPTS, then given up (`failed`, replayable).
// An address webhooks may not reach is given up at once: retrying cannot change that.
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';
import { AddressRefusedError } from '../services/webhooks/addresses.js';
import { messageId } from '../services/webhooks/deliveries.js';
import { sendWebhook } from '../services/webhooks/send.js';
import { type LeasedHandler, PermanentJobError } from './types.js';

export const webhookHandler = (): LeasedHandler => ({
  mode: 'lease',
  leaseMs: 60_000,
  async run(app, job) {
    const { deliveryId } = job.payload as { deliveryId: string };
    const [found] = await app.db.select({ d: webhookDeliveries, s: webhookSubscriptions }).from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!found || found.d.status === 'delivered' || found.d.status === 'cancelled') return 'dropped';
    if (found.s.deletedAt) {
      await app.db.update(webhookDeliveries).set({ status: 'cancelled' }).where(eq(webhookDeliveries.id, deliveryId));
      return 'dropped';
    }
    const at = app.clock.now();
    const record = (fields: Partial<typeof webhookDeliveries.$inferInsert>) =>
      app.db.update(webhookDeliveries).set({ attempts: found.d.attempts + 1, lastAttemptAt: at, ...fields }).where(eq(webhookDeliveries.id, deliveryId));
    let status: number | null = null;
    let error: Error;
    try {
      ({ status } = await sendWebhook({ url: found.s.url, secret: found.s.secret, id: messageId(deliveryId), body: JSON.stringify(found.d.payload), at }, app.settings.webhooks));
      if (status >= 200 && status < 300) {
        await record({ status: 'delivered', deliveredAt: at, lastStatusCode: status, lastError: null });
        return 'done';
      }
      error = new Error(`the receiver answered ${status}`);
    } catch (sendError) {
      error = sendError instanceof AddressRefusedError ? new PermanentJobError(sendError.message) : sendError as Error;
    }
    const last = error instanceof PermanentJobError || job.attempts + 1 >= job.maxAttempts;
    await record({ status: last ? 'failed' : 'retrying', lastStatusCode: status, lastError: error.message.slice(0, 500) });
    throw error;
  },
});
