// What an applicant sees: every application made with the email address they proved by using a
// sign-in link, newest first, each in plain words. Nothing about anyone else.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { candidates, cvDocuments, emails, journeyEvents, journeys } from '../../../db/schema/index.js';
import { type ApplicantStatus, type CheckView, applicantStatusOf, candidateEventTypes, checksOf, stageOf, stagesAhead } from '../../../workflows/inspect.js';
import type { AppContext } from '../../context.js';
import { loadSnapshot } from '../../engine/snapshot.js';

/** One application, in the words the page shows. */
export interface ApplicationView {
  id: string;
  fullName: string;
  programme: string;
  profession: string;
  appliedAt: string;
  status: string;
  applicantStatus: ApplicantStatus;
  steps: { stage: string; state: 'done' | 'current' | 'upcoming' }[];
  checks: CheckView[];
  cv: { filename: string; uploadedAt: string; status: string } | null;
  emails: { subject: string; sentAt: string | null; createdAt: string }[];
  canWithdraw: boolean;
}

export interface PortalView {
  /** The first name all the applications share, or null when they differ. */
  firstName: string | null;
  applications: ApplicationView[];
  csrf: string;
}

type Row = { c: typeof candidates.$inferSelect; j: typeof journeys.$inferSelect };

const applicationView = (app: AppContext, { c, j }: Row) => applicationViewOf(app, c, j);

/** One application in the words the pages show (the caller has checked it is the applicant's). */
export async function applicationViewOf(app: AppContext, c: typeof candidates.$inferSelect, j: typeof journeys.$inferSelect): Promise<ApplicationView> {
  const snapshot = loadSnapshot(app.machines, j);
  const history = await app.db.select({ stage: journeyEvents.toStage }).from(journeyEvents)
    .where(eq(journeyEvents.journeyId, j.id)).orderBy(asc(journeyEvents.seq));
  const passed = history.map((h) => h.stage).filter((s, i, all) => s !== all[i - 1]);
  const current = stageOf(snapshot);
  const done = passed.filter((s) => s !== current);
  const ahead = j.status === 'in_progress' ? stagesAhead(snapshot, app.clock.now().toISOString()).filter((s) => s !== current) : [];
  const [cv] = await app.db.select().from(cvDocuments).where(eq(cvDocuments.candidateId, c.id)).orderBy(desc(cvDocuments.createdAt)).limit(1);
  const sent = await app.db.select().from(emails)
    .where(and(eq(emails.candidateId, c.id), eq(emails.toRole, 'candidate'), eq(emails.status, 'sent'))).orderBy(desc(emails.createdAt));
  return {
    id: c.id,
    fullName: c.fullName,
    programme: j.programme,
    profession: c.profession,
    appliedAt: c.createdAt.toISOString(),
    status: j.status,
    applicantStatus: applicantStatusOf(snapshot),
    steps: [
      ...done.map((stage) => ({ stage, state: 'done' as const })),
      { stage: current, state: j.status === 'in_progress' ? ('current' as const) : ('done' as const) },
      ...ahead.map((stage) => ({ stage, state: 'upcoming' as const })),
    ],
    checks: checksOf(snapshot),
    cv: cv ? { filename: cv.filename, uploadedAt: cv.createdAt.toISOString(), status: cv.status } : null,
    emails: sent.map((e) => ({ subject: e.subject, sentAt: e.sentAt?.toISOString() ?? null, createdAt: e.createdAt.toISOString() })),
    canWithdraw: j.status === 'in_progress' && candidateEventTypes(snapshot).includes('withdrawn'),
  };
}

const firstNameOf = (fullName: string) => fullName.split(/\s+/)[0] ?? fullName;

export async function portalView(app: AppContext, email: string, csrf: string): Promise<PortalView> {
  const rows = await app.db.select({ c: candidates, j: journeys }).from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(eq(sql`lower(${candidates.email})`, email), isNull(candidates.erasedAt)))
    .orderBy(desc(candidates.createdAt));
  const applications: ApplicationView[] = [];
  for (const row of rows) applications.push(await applicationView(app, row));
  const names = new Set(applications.map((a) => firstNameOf(a.fullName)));
  return { firstName: names.size === 1 ? [...names][0]! : null, applications, csrf };
}

