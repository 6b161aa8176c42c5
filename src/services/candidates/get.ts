import { eq, sql } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { Db } from '../../../db/client.js';
import { prepared } from '../../../db/prepared.js';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { AppContext } from '../../engine/context.js';
import { type JourneyRow, type LoadedJourney, loadedJourneyColumns } from '../../engine/dispatch.js';
import { type JourneyView, journeyView } from '../../engine/view.js';
import { notFound } from '../../errors.js';

export type CandidateRow = typeof candidates.$inferSelect;
/** A candidate with their current journey as read for a change (the journey with its xmin). */
export interface CandidateWithJourneyRow { candidate: CandidateRow; journey: LoadedJourney }

/** The columns of a candidate with their current journey (joined on candidates.current_journey_id). */
export const candidateWithJourneyColumns = { candidate: candidates, journey: loadedJourneyColumns };

/** A candidate (placeholder `id`) with their current journey. */
export const candidateWithJourneyQuery = (db: Db) => db.select(candidateWithJourneyColumns).from(candidates)
  .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId)).where(eq(candidates.id, sql.placeholder('id')));

/** The row, or null: prepared once per database handle, on the pool for reads by key. */
export async function readCandidateWithJourney(app: AppContext, id: string): Promise<CandidateWithJourneyRow | null> {
  const query = prepared(app.keyedDb, 'candidate_with_journey', (db) => candidateWithJourneyQuery(db).prepare('candidate_with_journey'));
  const [row] = await query.execute({ id });
  return row ?? null;
}

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
  const found = await readCandidateWithJourney(app, id);
  if (!found) throw notFound('The candidate');
  return candidateWithJourney(app, found.candidate, found.journey);
}

export async function currentJourneyId(app: AppContext, candidateId: string): Promise<string> {
  const [row] = await app.db.select({ journeyId: candidates.currentJourneyId }).from(candidates).where(eq(candidates.id, candidateId));
  if (!row?.journeyId) throw notFound('The candidate');
  return row.journeyId;
}
