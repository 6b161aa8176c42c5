// One application as its applicant works on it in the portal: where it is, and each step that is
// theirs now (the offer, referees, right to work, documents, a query on a check, an interview
// time), with what the step needs to show. Only for the address the session proved.
import { and, desc, eq } from 'drizzle-orm';
import { journeyEvents } from '../../../db/schema/index.js';
import { candidateEventTypes, checksOf } from '../../../workflows/inspect.js';
import { coverageOf } from '../../../workflows/standards/references.js';
import { type CheckName, type JourneyContext, type Referee, type ReferenceCoverage, checkNames } from '../../../workflows/types.js';
import { ukDateOf } from '../../../workflows/when.js';
import type { ApplicantPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { loadSnapshot } from '../../engine/snapshot.js';
import { candidateRow } from '../candidates/read.js';
import { type StoredDocument, listDocuments } from '../documents/store.js';
import { type ApplicationView, applicationViewOf } from './view.js';

export interface PortalQuery { check: CheckName; question: string; raisedAt: string }

export interface ApplicationPage {
  application: ApplicationView;
  /** The version the forms are made from (a stale form is refused, not applied twice). */
  version: number;
  offer: { band?: string; expiresAt: string } | null;
  canAnswerOffer: boolean;
  canGiveReferees: boolean;
  referees: Referee[];
  referencesRequired: number;
  canGiveRightToWork: boolean;
  /** Checks the applicant may upload evidence for now (not yet cleared, not DBS). */
  documentChecks: CheckName[];
  documents: StoredDocument[];
  queries: PortalQuery[];
  interviewSlots: { at: string; location: string }[];
  interview: { at: string; location: string } | null;
}

const finished = new Set(['cleared', 'not_required', 'waived', 'failed']);

/** The application `id`, when it was made with the applicant's address (404 otherwise). */
export async function applicationPage(app: AppContext, who: ApplicantPrincipal, id: string): Promise<ApplicationPage> {
  const row = await candidateRow(app, id);
  if (!row || row.candidate.erasedAt || row.candidate.email.toLowerCase() !== who.email) throw notFound('Your application');
  const { candidate: c, journey: j } = row;
  const snapshot = loadSnapshot(app.machines, j);
  const context = snapshot.context as JourneyContext;
  const next = new Set(j.status === 'in_progress' ? candidateEventTypes(snapshot) : []);
  const checks = checksOf(snapshot);
  const queried = checks.filter((ch) => ch.status === 'query_raised' && ch.name !== 'dbs');
  const queries: PortalQuery[] = [];
  for (const ch of queried) {
    const [raised] = await app.db.select({ payload: journeyEvents.payload, at: journeyEvents.at }).from(journeyEvents)
      .where(and(eq(journeyEvents.journeyId, j.id), eq(journeyEvents.type, `${ch.name}.queryRaised`))).orderBy(desc(journeyEvents.seq)).limit(1);
    queries.push({ check: ch.name, question: String((raised?.payload as { question?: unknown } | undefined)?.question ?? 'We need more information about this check.'), raisedAt: (raised?.at ?? new Date()).toISOString() });
  }
  const rtw = checks.find((ch) => ch.name === 'rightToWork');
  return {
    application: await applicationViewOf(app, row.candidate, row.journey),
    version: j.version,
    offer: context.offer && !context.offer.acceptedAt ? { ...(context.offer.band ? { band: context.offer.band } : {}), expiresAt: context.offer.expiresAt } : null,
    canAnswerOffer: next.has('offerAccepted'),
    canGiveReferees: next.has('references.refereesProvided'),
    referees: context.referees,
    referencesRequired: context.referencesRequired,
    canGiveRightToWork: rtw?.status === 'awaiting_candidate' && next.has('rightToWork.submitted'),
    documentChecks: checks.filter((ch) => ch.name !== 'dbs' && !finished.has(ch.status)).map((ch) => ch.name).filter((n) => checkNames.includes(n)),
    documents: await listDocuments(app, who, c.id),
    queries,
    interviewSlots: next.has('interviewSlotChosen') ? (context.interviewSlots ?? []).filter((s) => Date.parse(s.at) > app.clock.now().getTime()) : [],
    interview: context.interview ?? null,
  };
}

/** The 3 years the applicant's referees (and the gaps they explain) cover so far, from today. */
export function coverageSoFar(app: AppContext, referees: Referee[], gaps: ReferenceCoverage['gaps']): ReferenceCoverage {
  return coverageOf(referees, gaps, ukDateOf(app.clock.now().toISOString()), app.policy);
}
