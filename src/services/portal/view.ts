// What an applicant sees about themselves: only their own record, in plain words.
import { and, asc, desc, eq } from 'drizzle-orm';
import { candidates, cvDocuments, emails, journeyEvents, journeys } from '../../../db/schema/index.js';
import { type ApplicantStatus, type CheckView, applicantStatusOf, candidateEventTypes, checksOf, stageOf, stagesAhead } from '../../../workflows/inspect.js';
import type { AppContext } from '../../context.js';
import { loadSnapshot } from '../../engine/snapshot.js';
import { notFound } from '../../errors.js';

/** The applicant's status page, in the words the page shows. */
export interface PortalView {
  firstName: string;
  programme: string;
  profession: string;
  status: string;
  applicantStatus: ApplicantStatus;
  steps: { stage: string; state: 'done' | 'current' | 'upcoming' }[];
  checks: CheckView[];
  cv: { filename: string; uploadedAt: string; status: string } | null;
  emails: { subject: string; sentAt: string | null; createdAt: string }[];
  canWithdraw: boolean;
  csrf: string;
}

export async function portalView(app: AppContext, candidateId: string, csrf: string): Promise<PortalView> {
  const [row] = await app.db.select({ c: candidates, j: journeys }).from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId)).where(eq(candidates.id, candidateId));
  if (!row) throw notFound('Your application');
  const snapshot = loadSnapshot(app.machines, row.j);
  const history = await app.db.select({ stage: journeyEvents.toStage }).from(journeyEvents)
    .where(eq(journeyEvents.journeyId, row.j.id)).orderBy(asc(journeyEvents.seq));
  const passed = history.map((h) => h.stage).filter((s, i, all) => s !== all[i - 1]);
  const current = stageOf(snapshot);
  const done = passed.filter((s) => s !== current);
  const ahead = row.j.status === 'in_progress' ? stagesAhead(snapshot, app.clock.now().toISOString()).filter((s) => s !== current) : [];
  const [cv] = await app.db.select().from(cvDocuments).where(eq(cvDocuments.candidateId, candidateId)).orderBy(desc(cvDocuments.createdAt)).limit(1);
  const sent = await app.db.select().from(emails)
    .where(and(eq(emails.candidateId, candidateId), eq(emails.toRole, 'candidate'), eq(emails.status, 'sent'))).orderBy(desc(emails.createdAt));
  return {
    firstName: row.c.fullName.split(/\s+/)[0] ?? row.c.fullName,
    programme: row.j.programme,
    profession: row.c.profession,
    status: row.j.status,
    applicantStatus: applicantStatusOf(snapshot),
    steps: [
      ...done.map((stage) => ({ stage, state: 'done' as const })),
      { stage: current, state: row.j.status === 'in_progress' ? ('current' as const) : ('done' as const) },
      ...ahead.map((stage) => ({ stage, state: 'upcoming' as const })),
    ],
    checks: checksOf(snapshot),
    cv: cv ? { filename: cv.filename, uploadedAt: cv.createdAt.toISOString(), status: cv.status } : null,
    emails: sent.map((e) => ({ subject: e.subject, sentAt: e.sentAt?.toISOString() ?? null, createdAt: e.createdAt.toISOString() })),
    canWithdraw: row.j.status === 'in_progress' && candidateEventTypes(snapshot).includes('withdrawn'),
    csrf,
  };
}
