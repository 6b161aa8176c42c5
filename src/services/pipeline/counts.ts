import { and, count, eq } from 'drizzle-orm';
import { journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface PipelineParams { programme?: string | undefined }

/** Count of current journeys per programme and stage, active and finished alike. */
export async function pipelineCounts(db: Db, params: PipelineParams) {
  const rows = await db.select({ programme: journeys.programme, stage: journeys.stage, status: journeys.status, n: count() })
    .from(journeys)
    .where(and(params.programme ? eq(journeys.programme, params.programme) : undefined))
    .groupBy(journeys.programme, journeys.stage, journeys.status);
  return rows.map((r) => ({ programme: r.programme, stage: r.stage, status: r.status, count: Number(r.n) }));
}
