import { asc, eq } from 'drizzle-orm';
import { candidates, journeyEvents, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../errors.js';

export interface HistoryEntry {
  journeyId: string; programme: string; seq: number; type: string; payload: unknown;
  actor: { type: string; id: string | null }; from: string | null; to: string; fromStage: string | null; toStage: string; at: string;
}

/** Every accepted event of every journey the candidate has had, oldest first. */
export async function candidateHistory(db: Db, candidateId: string): Promise<HistoryEntry[]> {
  const [exists] = await db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId));
  if (!exists) throw notFound('The candidate');
  const rows = await db.select({ e: journeyEvents, programme: journeys.programme }).from(journeyEvents)
    .innerJoin(journeys, eq(journeys.id, journeyEvents.journeyId))
    .where(eq(journeys.candidateId, candidateId))
    .orderBy(asc(journeyEvents.at), asc(journeyEvents.id));
  return rows.map(({ e, programme }) => ({
    journeyId: e.journeyId, programme, seq: e.seq, type: e.type, payload: e.payload,
    actor: { type: e.actorType, id: e.actorId }, from: e.fromState, to: e.toState,
    fromStage: e.fromStage, toStage: e.toStage, at: e.at.toISOString(),
  }));
}
