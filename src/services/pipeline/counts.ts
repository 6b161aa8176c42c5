import { and, count, eq } from 'drizzle-orm';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface PipelineParams { programme?: string | undefined }

/**
 * Count of each candidate's current journey per programme, stage and status. A candidate
 * redirected from domestic to HCSWD counts once, on HCSWD; the closed domestic journey stays in
 * their history.
 */
export async function pipelineCounts(db: Db, params: PipelineParams) {
  const rows = await db.select({ programme: journeys.programme, stage: journeys.stage, status: journeys.status, n: count() })
    .from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(params.programme ? eq(journeys.programme, params.programme) : undefined))
    .groupBy(journeys.programme, journeys.stage, journeys.status);
  return rows.map((r) => ({ programme: r.programme, stage: r.stage, status: r.status, count: Number(r.n) }));
}
