import { and, count, eq, ne } from 'drizzle-orm';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface PipelineParams { programme?: string | undefined }

/**
 * Count of each candidate's current journey per programme, stage and status. A candidate
 * redirected from domestic to HCSWD counts once, on HCSWD; the closed domestic journey stays in
 * their history.
 *
 * Only a closed journey can have been superseded: a hand-over to another programme ends the
 * journey it leaves, as `closed` (test/workflows/handover.test.ts keeps that true of every
 * machine). So every other journey is counted straight from journeys_board_idx, and only closed
 * ones are checked against candidates.current_journey_id, instead of joining all 100,000.
 */
export async function pipelineCounts(db: Db, params: PipelineParams) {
  const programme = params.programme ? eq(journeys.programme, params.programme) : undefined;
  const columns = { programme: journeys.programme, stage: journeys.stage, status: journeys.status, n: count() };
  const rows = await db.select(columns).from(journeys)
    .where(and(programme, ne(journeys.status, 'closed')))
    .groupBy(journeys.programme, journeys.stage, journeys.status)
    .unionAll(
      db.select(columns).from(journeys)
        .innerJoin(candidates, eq(candidates.currentJourneyId, journeys.id))
        .where(and(programme, eq(journeys.status, 'closed')))
        .groupBy(journeys.programme, journeys.stage, journeys.status),
    );
  return rows.map((r) => ({ programme: r.programme, stage: r.stage, status: r.status, count: Number(r.n) }));
}
