// Delivers one email job. Rendering happens once: the first attempt stores every message the job
// makes (one per recipient) in `emails`, in one transaction with any referee links it needs;
// later attempts send exactly those rows again. Each message is sent with a stable idempotency
// key (the job id + its index), so a worker that dies after the provider accepted a message but
// before recording it makes the provider see the same message again, not a second one.
import { asc, eq, like } from 'drizzle-orm';
import { candidates, emails } from '../../db/schema/index.js';
import type { ApplicantStatus, CheckView } from '../../workflows/inspect.js';
import type { JourneyContext, Referee } from '../../workflows/types.js';
import type { AppContext } from '../context.js';
import { mailbox } from '../email/ics.js';
import { headerValue } from '../email/headers.js';
import { renderHtml, renderText } from '../email/layout.js';
import { expandLinks, linkPlaceholder } from '../services/emails/links.js';
import { type Attachment, findTemplate, type Recipient, type TemplateData } from '../email/templates/index.js';
import { type EmailTransport, RejectedSendError } from '../email/transport.js';
import { openReferenceRequest } from '../services/references/open-request.js';
import { type JobOutcome, type JobRow, type LeasedHandler, PermanentJobError } from './types.js';

interface EmailJobPayload {
  template: string; to: Recipient; candidateId: string; journeyId: string;
  context: JourneyContext; status: ApplicantStatus; checks: CheckView[];
  /** A sign-in link's id: the email carries its placeholder, expanded when sent. */
  linkId?: string;
  event?: Record<string, unknown>;
}

type EmailRow = typeof emails.$inferSelect;

/** Referees who still owe a reference when the email was caused. */
const outstandingReferees = (ctx: JourneyContext): Referee[] => ctx.referees.filter((r) => !ctx.referencesReceived.includes(r.email));

async function renderOnce(app: AppContext, job: JobRow): Promise<EmailRow[]> {
  const p = job.payload as EmailJobPayload;
  const prefix = `${job.key ?? `job:${job.id}`}#`;
  return app.db.transaction(async (tx) => {
    const existing = await tx.select().from(emails).where(like(emails.jobKey, `${prefix}%`)).orderBy(asc(emails.jobKey));
    if (existing.length) return existing;
    const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, p.candidateId));
    if (!candidate || candidate.erasedAt) return []; // deleted or erased since: nothing to send
    const template = findTemplate(p.template, p.to);
    if (!template) throw new PermanentJobError(`no email template "${p.template}" for ${p.to}`);
    const now = app.clock.now();
    const base: TemplateData = {
      candidate: { id: candidate.id, fullName: candidate.fullName, email: candidate.email, programme: p.context.programme, profession: candidate.profession },
      context: p.context, status: p.status, checks: p.checks ?? [], policy: app.policy, now, organizer: mailbox(app.settings.emailFrom),
      ...(p.event ? { event: p.event } : {}),
      links: {
        portal: `${app.settings.publicUrl}/portal`, candidate: `${app.settings.publicUrl}/candidates/${candidate.id}`,
        ...(p.linkId ? { magic: linkPlaceholder('magic', p.linkId) } : {}),
      },
    };
    const staff: Record<string, string> = { recruiter: app.settings.recruitmentTeam, coordinator: app.settings.internationalTeam, hr: app.settings.hrContact, compliance: app.settings.complianceTeam };
    const messages: { address: string; data: TemplateData }[] = [];
    if (p.to === 'candidate') messages.push({ address: candidate.email, data: base });
    else if (p.to === 'referees') {
      for (const referee of outstandingReferees(p.context)) {
        const reference = await openReferenceRequest(app, tx, p.journeyId, referee, now);
        messages.push({ address: referee.email, data: { ...base, referee, links: { ...base.links, reference } } });
      }
    } else messages.push({ address: staff[p.to]!, data: base });
    if (!messages.length) return [];
    const rows = messages.map(({ address, data }, i) => {
      const content = template(data);
      return {
        jobKey: `${prefix}${String(i).padStart(3, '0')}`, candidateId: candidate.id, journeyId: p.journeyId,
        template: p.template, toRole: p.to, toAddress: address, subject: headerValue(content.subject),
        text: renderText(content), html: renderHtml(content),
        attachments: content.attachments?.length ? JSON.stringify(content.attachments) : null,
        transport: 'pending', status: 'queued', createdAt: now,
      };
    });
    return tx.insert(emails).values(rows).returning();
  });
}

export function emailHandler(transport: EmailTransport, from: string): LeasedHandler {
  return {
    mode: 'lease',
    leaseMs: 60_000,
    async run(app, job): Promise<JobOutcome> {
      const rows = await renderOnce(app, job);
      if (!rows.length) return 'dropped';
      for (const [i, row] of rows.entries()) {
        if (row.status === 'sent') continue;
        const idempotencyKey = `intake-job-${job.id}-${i}`;
        try {
          // The live links exist only here, on their way out: the stored row holds placeholders.
          const { providerId } = await transport.send({
            from: headerValue(from), to: headerValue(row.toAddress), subject: headerValue(row.subject),
            text: expandLinks(row.text, app.settings), html: expandLinks(row.html, app.settings),
            attachments: row.attachments ? (JSON.parse(row.attachments) as Attachment[]).map((a) => ({ ...a, filename: headerValue(a.filename) })) : [],
          }, idempotencyKey);
          await app.db.update(emails).set({ status: 'sent', transport: transport.name, providerId, sentAt: app.clock.now(), attempts: row.attempts + 1, lastError: null }).where(eq(emails.id, row.id));
        } catch (sendError) {
          // A message the provider refused is dead-lettered at once; anything else is retried.
          const error = sendError instanceof RejectedSendError ? new PermanentJobError(sendError.message) : sendError;
          const last = error instanceof PermanentJobError || job.attempts + 1 >= job.maxAttempts;
          await app.db.update(emails).set({
            status: last ? 'failed' : 'retrying', transport: transport.name, attempts: row.attempts + 1,
            lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          }).where(eq(emails.id, row.id));
          throw error;
        }
      }
      return 'done';
    },
  };
}
