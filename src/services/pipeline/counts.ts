import { and, count, eq, isNull } from 'drizzle-orm';
import { journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface PipelineParams { programme?: string | undefined }

/**
 * Count of each candidate's current journey per programme, stage and status. A candidate
 * redirected from domestic to HCSWD counts once, on HCSWD; the closed domestic journey stays in
 * their history. Current journeys are the ones not superseded, so this is an index-only scan of
 * journeys_current_idx, grouped in its order, with no join to candidates.
 */
export async function pipelineCounts(db: Db, params: PipelineParams) {
  const rows = await db.select({ programme: journeys.programme, status: journeys.status, stage: journeys.stage, n: count() })
    .from(journeys)
    .where(and(isNull(journeys.supersededAt), params.programme ? eq(journeys.programme, params.programme) : undefined))
    .groupBy(journeys.programme, journeys.status, journeys.stage);
  return rows.map((r) => ({ programme: r.programme, stage: r.stage, status: r.status, count: Number(r.n) }));
}
