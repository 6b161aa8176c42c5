import { type SQL, and, desc, eq, gt, lt, or } from 'drizzle-orm';
import { decodeCursor, encodeCursor, page } from '../keyset.js';
import type { Db } from '../../../db/client.js';
import { candidates, emails } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { Settings } from '../../context.js';
import { expandLinks } from './links.js';

type EmailRow = typeof emails.$inferSelect;

/** What the candidate's record shows of each email: no bodies, which the mailbox holds. */
const emailSummary = (e: EmailRow) => ({
  id: e.id, template: e.template, to: e.toAddress, toRole: e.toRole, subject: e.subject, status: e.status,
  transport: e.transport, providerId: e.providerId, attempts: e.attempts, lastError: e.lastError,
  createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null,
});

export interface EmailsPage { limit: number; cursor?: string | undefined }

/** The candidate's emails, oldest first (a page of them, with `paging`; messages of one job in order). */
export async function candidateEmails(db: Db, candidateId: string): Promise<ReturnType<typeof emailSummary>[]>;
export async function candidateEmails(db: Db, candidateId: string, paging: EmailsPage): Promise<{ items: ReturnType<typeof emailSummary>[]; nextCursor: string | null }>;
export async function candidateEmails(db: Db, candidateId: string, paging?: EmailsPage) {
  const [exists] = await db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId));
  if (!exists) throw notFound('The candidate');
  const where: SQL[] = [eq(emails.candidateId, candidateId)];
  if (paging?.cursor) {
    const c = decodeCursor(paging.cursor, 'key');
    where.push(or(gt(emails.createdAt, c.at), and(eq(emails.createdAt, c.at), gt(emails.jobKey, c.id)))!);
  }
  const query = db.select().from(emails).where(and(...where)).orderBy(emails.createdAt, emails.jobKey);
  if (!paging) return (await query).map(emailSummary);
  const { items, nextCursor } = page(await query.limit(paging.limit + 1), paging.limit, (last) => encodeCursor(last.createdAt, last.jobKey));
  return { items: items.map(emailSummary), nextCursor };
}

export interface MailboxParams { to?: string | undefined; limit: number; before?: string | undefined }

/** The local mailbox: every message the mailbox transport "sent", newest first. */
export async function mailbox(db: Db, params: MailboxParams) {
  const where: SQL[] = [eq(emails.transport, 'mailbox')];
  if (params.to) where.push(eq(emails.toAddress, params.to.toLowerCase()));
  if (params.before) where.push(lt(emails.createdAt, new Date(params.before)));
  const rows = await db.select().from(emails).where(and(...where)).orderBy(desc(emails.createdAt), desc(emails.jobKey)).limit(params.limit);
  return rows.map(emailSummary);
}

/** One message as its recipient got it: one-time links expanded (the mailbox is staff-only). */
export async function mailboxMessage(db: Db, settings: Pick<Settings, 'publicUrl' | 'secret'>, id: string) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  if (!row) throw notFound('The email');
  return { ...emailSummary(row), text: expandLinks(row.text, settings), html: expandLinks(row.html, settings), attachments: row.attachments ? (JSON.parse(row.attachments) as { filename: string; contentType: string }[]).map(({ filename, contentType }) => ({ filename, contentType })) : [] };
}
