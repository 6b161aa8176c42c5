// The delivery log of a subscription, newest first, and replay: a delivery sent again with the
// same webhook-id (a receiver that kept it may drop the repeat; one that lost it gets it again).
import { type SQL, and, desc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { webhookDeliveries } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { enqueue } from '../../jobs/enqueue.js';
import { decodeCursor, encodeCursor, page } from '../keyset.js';
import { liveWebhook } from './subscriptions.js';

type Row = typeof webhookDeliveries.$inferSelect;

/** The Standard Webhooks message id: stable for the delivery, so retries and replays share it. */
export const messageId = (deliveryId: string) => `msg_${deliveryId.replaceAll('-', '')}`;
export const deliveryJobKey = (deliveryId: string) => `webhook:${deliveryId}`;

const view = (d: Row) => ({
  id: d.id, webhookId: messageId(d.id), subscriptionId: d.subscriptionId, eventType: d.eventType, status: d.status,
  attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError, createdAt: d.createdAt.toISOString(),
  lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null, deliveredAt: d.deliveredAt?.toISOString() ?? null,
  payload: d.payload as { type: string; timestamp: string; data: Record<string, unknown> },
});

export interface DeliveriesParams { status?: string | undefined; limit: number; cursor?: string | undefined }

export async function listDeliveries(db: Db, subscriptionId: string, params: DeliveriesParams) {
  await liveWebhook(db, subscriptionId);
  const where: SQL[] = [eq(webhookDeliveries.subscriptionId, subscriptionId)];
  if (params.status) where.push(eq(webhookDeliveries.status, params.status));
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    where.push(or(lt(webhookDeliveries.createdAt, c.at), and(eq(webhookDeliveries.createdAt, c.at), lt(webhookDeliveries.id, c.id)))!);
  }
  const rows = await db.select().from(webhookDeliveries).where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(params.limit + 1);
  const { items, nextCursor } = page(rows, params.limit, (last) => encodeCursor(last.createdAt, last.id));
  return { items: items.map(view), nextCursor };
}

/** Sends a finished delivery (delivered or given up) again, now. One still being tried is 409. */
export async function replayDelivery(app: AppContext, subscriptionId: string, deliveryId: string) {
  await liveWebhook(app.db, subscriptionId);
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const [row] = await tx.select().from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId))).for('update');
    if (!row) throw notFound('The delivery');
    if (row.status === 'pending' || row.status === 'retrying') {
      throw new AppError('delivery_in_progress', 'This delivery is still being tried; replay it once it has been delivered or given up.');
    }
    const [updated] = await tx.update(webhookDeliveries).set({ status: 'pending', lastError: null }).where(eq(webhookDeliveries.id, deliveryId)).returning();
    await enqueue(tx, { kind: 'webhook', key: deliveryJobKey(deliveryId), payload: { deliveryId }, runAt: now, maxAttempts: app.settings.webhooks.maxAttempts }, 'revive');
    return view(updated!);
  });
}
