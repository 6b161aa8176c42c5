// Subject access: everything Intake holds about one candidate, as one JSON object — interview
// notes and reference answers included (UK GDPR Art. 15 covers them). Read in one transaction so
// the export is a consistent picture, and the export itself is audited (ids only).
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import {
  auditLog, candidates, cohortMembers, cohorts, cvDocuments, documents as uploads, emails, journeyEvents, journeys, magicLinks, notes, referenceRequests, sessions,
} from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { redactLinks } from '../emails/links.js';

export interface ExportActor { type: string; id: string | null }

/** Plain JSON: dates become ISO strings, nothing of drizzle's types leaks out. */
const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

export async function exportCandidate(app: AppContext, candidateId: string, actor: ExportActor): Promise<Record<string, unknown>> {
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, candidateId));
    if (!candidate) throw notFound('The candidate');
    const journeyRows = await tx.select().from(journeys).where(eq(journeys.candidateId, candidateId)).orderBy(asc(journeys.createdAt));
    const journeyIds = journeyRows.map((j) => j.id);

    const history = journeyIds.length
      ? await tx.select().from(journeyEvents).where(inArray(journeyEvents.journeyId, journeyIds)).orderBy(asc(journeyEvents.at), asc(journeyEvents.id))
      : [];
    const mail = await tx.select().from(emails).where(journeyIds.length ? or(eq(emails.candidateId, candidateId), inArray(emails.journeyId, journeyIds)) : eq(emails.candidateId, candidateId)).orderBy(asc(emails.createdAt), asc(emails.jobKey));
    // Token hashes are credentials, not data about the person: left out.
    const references = journeyIds.length
      ? await tx.select({
        id: referenceRequests.id, journeyId: referenceRequests.journeyId, refereeName: referenceRequests.refereeName, refereeEmail: referenceRequests.refereeEmail,
        answers: referenceRequests.answers, createdAt: referenceRequests.createdAt, expiresAt: referenceRequests.expiresAt, usedAt: referenceRequests.usedAt,
      }).from(referenceRequests).where(inArray(referenceRequests.journeyId, journeyIds)).orderBy(asc(referenceRequests.createdAt))
      : [];
    const documents = await tx.select().from(cvDocuments).where(eq(cvDocuments.candidateId, candidateId)).orderBy(asc(cvDocuments.createdAt));
    // Documents the applicant (or staff for them) uploaded for the checks (issue 15).
    const uploaded = await tx.select().from(uploads).where(eq(uploads.candidateId, candidateId)).orderBy(asc(uploads.createdAt));
    const noteRows = await tx.select().from(notes).where(eq(notes.candidateId, candidateId)).orderBy(asc(notes.createdAt));
    const memberships = await tx.select({ cohortId: cohorts.id, name: cohorts.name, programme: cohorts.programme, startsOn: cohorts.startsOn, addedAt: cohortMembers.addedAt })
      .from(cohortMembers).innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId)).where(eq(cohortMembers.candidateId, candidateId));
    const signIns = await tx.select({ createdAt: magicLinks.createdAt, expiresAt: magicLinks.expiresAt, usedAt: magicLinks.usedAt }).from(magicLinks).where(eq(magicLinks.email, candidate.email.toLowerCase()));
    const sessionRows = await tx.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.applicantEmail, candidate.email.toLowerCase()));
    const audit = await tx.select().from(auditLog)
      .where(or(eq(auditLog.subjectId, candidateId), and(eq(auditLog.actorType, 'applicant'), eq(auditLog.actorId, candidateId))))
      .orderBy(asc(auditLog.at), asc(auditLog.id));

    await tx.insert(auditLog).values({
      kind: 'subject_access_export', actorType: actor.type, actorId: actor.id, subjectId: candidateId,
      detail: { journeys: journeyRows.length, events: history.length, emails: mail.length, documents: documents.length }, at: now,
    });

    return plain({
      exportedAt: now,
      candidate,
      journeys: journeyRows,
      history: history.map(({ id: _id, ...e }) => e),
      // One-time links as the person's copy shows them: named, not given (nor as placeholders).
      emails: mail.map(({ attachments, text, html, ...e }) => ({ ...e, text: redactLinks(text), html: redactLinks(html), attachments: attachments ? JSON.parse(attachments) : [] })),
      referenceRequests: references,
      cvDocuments: documents.map(({ content, ...doc }) => ({ ...doc, contentBase64: content.toString('base64') })),
      documents: uploaded.map(({ content, ...doc }) => ({ ...doc, contentBase64: content.toString('base64') })),
      notes: noteRows,
      cohorts: memberships,
      signInLinks: signIns,
      sessions: sessionRows,
      auditLog: audit,
    }) as Record<string, unknown>;
  });
}
