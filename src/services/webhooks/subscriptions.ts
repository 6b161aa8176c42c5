// Webhook subscriptions (admin): a URL and the event types it wants. The secret is shown once,
// at creation; deleting a subscription stops its deliveries, including those already queued.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { webhookDeliveries, webhookSubscriptions } from '../../../db/schema/index.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/record.js';
import { addressAllowed, literalAddress } from './addresses.js';
import { newSecret } from './send.js';

type Row = typeof webhookSubscriptions.$inferSelect;
export interface NewWebhook { url: string; events: string[]; description?: string | undefined }

const view = (s: Row) => ({ id: s.id, url: s.url, events: s.events, description: s.description, createdAt: s.createdAt.toISOString() });

export async function createWebhook(app: AppContext, p: StaffPrincipal, input: NewWebhook) {
  // An address written as a number is judged now; a name is judged at each delivery, where it resolves.
  const host = literalAddress(new URL(input.url).hostname);
  if (host && !addressAllowed(host, app.settings.webhooks.allowedNetworks)) {
    throw new AppError('invalid_payload', `url: ${host} is a private, loopback or reserved address, which webhooks may not reach unless WEBHOOK_ALLOWED_NETWORKS lists it`, { field: 'url' });
  }
  const now = app.clock.now();
  const secret = newSecret();
  return app.db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookSubscriptions).values({
      url: input.url, events: input.events, description: input.description ?? null, secret, createdBy: p.userId ?? p.tokenId, createdAt: now,
    }).returning();
    await audit(tx, { kind: 'webhook_created', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: row!.id, detail: { events: input.events }, at: now });
    return { ...view(row!), secret };
  });
}

export async function listWebhooks(db: Db) {
  const rows = await db.select().from(webhookSubscriptions).where(isNull(webhookSubscriptions.deletedAt)).orderBy(desc(webhookSubscriptions.createdAt));
  return rows.map(view);
}

export async function liveWebhook(db: Db, id: string): Promise<Row> {
  const [row] = await db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.deletedAt)));
  if (!row) throw notFound('The webhook');
  return row;
}

export const getWebhook = async (db: Db, id: string) => view(await liveWebhook(db, id));

/** Stops the subscription and what it had queued; its delivery log stays. The secret is forgotten. */
export async function deleteWebhook(app: AppContext, p: StaffPrincipal, id: string) {
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const [row] = await tx.update(webhookSubscriptions).set({ deletedAt: now, secret: '' })
      .where(and(eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.deletedAt))).returning({ id: webhookSubscriptions.id });
    if (!row) throw notFound('The webhook');
    await tx.update(webhookDeliveries).set({ status: 'cancelled' })
      .where(and(eq(webhookDeliveries.subscriptionId, id), inArray(webhookDeliveries.status, ['pending', 'retrying'])));
    await audit(tx, { kind: 'webhook_deleted', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: id, at: now });
    return { id, deletedAt: now.toISOString() };
  });
}
