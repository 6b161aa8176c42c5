import { type SQL, and, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, page } from '../keyset.js';
import type { Db } from '../../../db/client.js';
import { candidates, emails, journeys } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { redactLinks } from './links.js';

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

export interface MailboxParams {
  to?: string | undefined; limit: number; before?: string | undefined;
  /** The programmes whose candidates' emails the reader may see (the current journey's programme). */
  programmes: readonly string[];
}

/** Emails about candidates of these programmes: joined through the candidate's current journey. */
const inScope = (programmes: readonly string[]) => (programmes.length ? inArray(journeys.programme, [...programmes]) : sql`false`);

/** The local mailbox: every message the mailbox transport "sent" about candidates the reader may see, newest first. */
export async function mailbox(db: Db, params: MailboxParams) {
  const where: SQL[] = [eq(emails.transport, 'mailbox'), inScope(params.programmes)];
  if (params.to) where.push(eq(emails.toAddress, params.to.toLowerCase()));
  if (params.before) where.push(lt(emails.createdAt, new Date(params.before)));
  const rows = await db.select({ e: emails }).from(emails)
    .innerJoin(candidates, eq(candidates.id, emails.candidateId))
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(...where)).orderBy(desc(emails.createdAt), desc(emails.jobKey)).limit(params.limit);
  return rows.map((r) => emailSummary(r.e));
}

/**
 * One message of the local mailbox as stored: one-time links redacted (staff may send a new link,
 * never read one), and only about a candidate the reader may see (else not found). An email a
 * provider delivered is not in the mailbox: its record shows its summary only.
 */
export async function mailboxMessage(db: Db, id: string, programmes: readonly string[]) {
  const [found] = await db.select({ e: emails }).from(emails)
    .innerJoin(candidates, eq(candidates.id, emails.candidateId))
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(eq(emails.id, id), eq(emails.transport, 'mailbox'), inScope(programmes)));
  if (!found) throw notFound('The email');
  const row = found.e;
  return {
    ...emailSummary(row), text: redactLinks(row.text), html: redactLinks(row.html),
    attachments: row.attachments ? (JSON.parse(row.attachments) as { filename: string; contentType: string }[]).map(({ filename, contentType }) => ({ filename, contentType })) : [],
  };
}
