import { type SQL, and, asc, eq, gt, or } from 'drizzle-orm';
import { candidates, journeyEvents, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor, page } from '../keyset.js';

export interface HistoryEntry {
  journeyId: string; programme: string; seq: number; type: string; payload: unknown;
  actor: { type: string; id: string | null }; from: string | null; to: string; fromStage: string | null; toStage: string; at: string;
}

export interface HistoryPage { limit: number; cursor?: string | undefined }

/** Every accepted event of every journey the candidate has had, oldest first (a page of them, with `paging`). */
async function historyRows(db: Db, candidateId: string, paging?: HistoryPage) {
  const [exists] = await db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId));
  if (!exists) throw notFound('The candidate');
  const where: SQL[] = [eq(journeys.candidateId, candidateId)];
  if (paging?.cursor) {
    const c = decodeCursor(paging.cursor, 'serial');
    where.push(or(gt(journeyEvents.at, c.at), and(eq(journeyEvents.at, c.at), gt(journeyEvents.id, Number(c.id))))!);
  }
  const query = db.select({ e: journeyEvents, programme: journeys.programme }).from(journeyEvents)
    .innerJoin(journeys, eq(journeys.id, journeyEvents.journeyId))
    .where(and(...where))
    .orderBy(asc(journeyEvents.at), asc(journeyEvents.id));
  return paging ? query.limit(paging.limit + 1) : query;
}

type Row = Awaited<ReturnType<typeof historyRows>>[number];

const entry = ({ e, programme }: Row): HistoryEntry => ({
  journeyId: e.journeyId, programme, seq: e.seq, type: e.type, payload: e.payload,
  actor: { type: e.actorType, id: e.actorId }, from: e.fromState, to: e.toState,
  fromStage: e.fromStage, toStage: e.toStage, at: e.at.toISOString(),
});

export async function candidateHistory(db: Db, candidateId: string): Promise<HistoryEntry[]> {
  return (await historyRows(db, candidateId)).map(entry);
}

/** A page of the history, for pollers: `nextCursor` continues after the last event returned. */
export async function candidateHistoryPage(db: Db, candidateId: string, paging: HistoryPage) {
  const { items, nextCursor } = page(await historyRows(db, candidateId, paging), paging.limit, (last) => encodeCursor(last.e.at, last.e.id));
  return { items: items.map(entry), nextCursor };
}
