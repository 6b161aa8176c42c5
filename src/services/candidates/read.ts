// A candidate with their current journey, as read for a change: the journey with its xmin, so
// dispatch can write from this very row (src/engine/rows.ts). The credential checks read it in
// the same statement as the token or the session (src/auth/lookup.ts, src/auth/session.ts), so an
// event costs that one read and the commit.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { prepared } from '../../../db/prepared.js';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { type LoadedJourney, loadedJourneyColumns } from '../../engine/rows.js';

export type CandidateRow = typeof candidates.$inferSelect;
export interface CandidateWithJourneyRow { candidate: CandidateRow; journey: LoadedJourney }

/** A candidate read with the caller's credentials, for the checks that follow (`row` null: no such candidate). */
export interface CandidateRead { id: string; row: CandidateWithJourneyRow | null }

/** The columns of a candidate with their current journey (joined on candidates.current_journey_id). */
export const candidateWithJourneyColumns = { candidate: candidates, journey: loadedJourneyColumns };

/** A candidate (placeholder `id`) with their current journey. */
const candidateWithJourneyQuery = (db: DbOrTx) => db.select(candidateWithJourneyColumns).from(candidates)
  .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId)).where(eq(candidates.id, sql.placeholder('id')));

/**
 * The row, or null. On the app's pool it is prepared once per database handle, on the pool for
 * reads by key; inside a transaction (`tx`) it is read there.
 */
export async function readCandidateWithJourney(app: AppContext, id: string, tx?: DbOrTx): Promise<CandidateWithJourneyRow | null> {
  const query = tx
    ? candidateWithJourneyQuery(tx)
    : prepared(app.keyedDb, 'candidate_with_journey', (db: Db) => candidateWithJourneyQuery(db).prepare('candidate_with_journey'));
  const [row] = await query.execute({ id });
  return row ?? null;
}

/** The row from a credential check's read when it is this candidate's, else read now. */
export async function candidateRow(app: AppContext, id: string, read?: CandidateRead, tx?: DbOrTx): Promise<CandidateWithJourneyRow | null> {
  return read?.id === id ? read.row : readCandidateWithJourney(app, id, tx);
}
