import { eq } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { AppContext } from '../../engine/context.js';
import type { JourneyRow } from '../../engine/dispatch.js';
import { type JourneyView, journeyView } from '../../engine/view.js';
import { notFound } from '../../errors.js';

export type CandidateRow = typeof candidates.$inferSelect;

export interface CandidateWithJourney {
  id: string; fullName: string; email: string; phone: string | null; postcode: string | null; profession: string;
  programme: string; createdAt: string; updatedAt: string; journey: JourneyView;
}

export function candidateWithJourney(app: AppContext, c: CandidateRow, j: JourneyRow, snapshot?: AnyMachineSnapshot): CandidateWithJourney {
  return {
    id: c.id, fullName: c.fullName, email: c.email, phone: c.phone, postcode: c.postcode, profession: c.profession,
    programme: j.programme, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
    journey: journeyView(app, j, snapshot),
  };
}

/** A candidate with their current journey (the latest one, e.g. HCSWD after a redirect). */
export async function getCandidate(app: AppContext, id: string): Promise<CandidateWithJourney> {
  const [found] = await app.db.select({ c: candidates, j: journeys }).from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(eq(candidates.id, id));
  if (!found) throw notFound('The candidate');
  return candidateWithJourney(app, found.c, found.j);
}

export async function currentJourneyId(app: AppContext, candidateId: string): Promise<string> {
  const [row] = await app.db.select({ journeyId: candidates.currentJourneyId }).from(candidates).where(eq(candidates.id, candidateId));
  if (!row?.journeyId) throw notFound('The candidate');
  return row.journeyId;
}
