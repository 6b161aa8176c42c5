// What the recruiter's record shows of the applicant's own work in the portal: their documents
// against the check each serves, what they sent with each of their events (a share code, a query
// answer, the interview time they chose), and the interview times on offer.
import { and, asc, eq } from 'drizzle-orm';
import { journeyEvents } from '../../../db/schema/index.js';
import { candidateEventTypes } from '../../../workflows/inspect.js';
import type { JourneyContext } from '../../../workflows/types.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { allows } from '../../auth/permissions.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { loadSnapshot } from '../../engine/snapshot.js';
import { type StoredDocument, listDocuments } from '../documents/store.js';

export interface ApplicantEvent { type: string; at: string; payload: Record<string, unknown> }

export interface StaffPortalView {
  candidateId: string;
  version: number;
  documents: StoredDocument[];
  fromApplicant: ApplicantEvent[];
  interviewSlots: { at: string; location: string }[];
  canOfferSlots: boolean;
}

export async function staffPortalView(app: AppContext, staff: StaffPrincipal, candidateId: string): Promise<StaffPortalView> {
  const { journey } = await authorizedCandidate(app, staff, 'candidates.read', candidateId);
  const snapshot = loadSnapshot(app.machines, journey);
  const events = await app.db.select({ type: journeyEvents.type, at: journeyEvents.at, payload: journeyEvents.payload }).from(journeyEvents)
    .where(and(eq(journeyEvents.journeyId, journey.id), eq(journeyEvents.actorType, 'applicant'))).orderBy(asc(journeyEvents.seq));
  const open = journey.status === 'in_progress' && candidateEventTypes(snapshot).includes('interviewSlotsOffered');
  return {
    candidateId,
    version: journey.version,
    documents: await listDocuments(app, staff, candidateId),
    fromApplicant: events.map((e) => ({ type: e.type, at: e.at.toISOString(), payload: (e.payload ?? {}) as Record<string, unknown> })),
    interviewSlots: (snapshot.context as JourneyContext).interviewSlots ?? [],
    canOfferSlots: open && allows(staff.role, 'journey.act', journey.programme),
  };
}
