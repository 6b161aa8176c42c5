import { type SQL, and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../keyset.js';
import { nameOrEmailMatches } from './search.js';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface ListCandidatesParams {
  programme?: string | undefined; stage?: string | undefined; status?: string | undefined;
  q?: string | undefined; limit: number; cursor?: string | undefined;
  /** The programmes the caller may read (from the permission table). */
  programmes?: readonly string[];
}

export interface CandidateListItem {
  id: string; fullName: string; email: string; profession: string; programme: string; state: string; stage: string;
  status: string; owner: string; stageEnteredAt: string; createdAt: string;
}

/**
 * Newest first, keyset-paginated on the current journey's (created_at, candidate id). The board's
 * filters (programme, stage, status) are journey columns, so ordering on the journey lets one
 * index both filter and order (journeys_list_idx): a page reads about a page of rows at any size.
 * That is when the candidate applied, or, for one moved to HCSWD, when they moved.
 */
export async function listCandidates(db: Db, params: ListCandidatesParams) {
  const where: SQL[] = [];
  if (params.programme) where.push(eq(journeys.programme, params.programme));
  if (params.programmes) where.push(inArray(journeys.programme, [...params.programmes]));
  if (params.stage) where.push(eq(journeys.stage, params.stage));
  if (params.status) where.push(eq(journeys.status, params.status));
  if (params.q) {
    where.push(nameOrEmailMatches(params.q));
  }
  if (params.cursor) {
    const c = decodeCursor(params.cursor);
    where.push(or(lt(journeys.createdAt, c.at), and(eq(journeys.createdAt, c.at), lt(journeys.candidateId, c.id)))!);
  }
  // Only the columns a list item shows: a journey's snapshot is the bulk of its row.
  const rows = await db.select({
    c: { id: candidates.id, fullName: candidates.fullName, email: candidates.email, profession: candidates.profession, createdAt: candidates.createdAt },
    j: { programme: journeys.programme, state: journeys.state, stage: journeys.stage, status: journeys.status, owner: journeys.owner, stageEnteredAt: journeys.stageEnteredAt, createdAt: journeys.createdAt },
  }).from(journeys)
    .innerJoin(candidates, eq(candidates.currentJourneyId, journeys.id))
    .where(and(...where))
    .orderBy(desc(journeys.createdAt), desc(journeys.candidateId))
    .limit(params.limit + 1);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ c, j }): CandidateListItem => ({
      id: c.id, fullName: c.fullName, email: c.email, profession: c.profession, programme: j.programme, state: j.state,
      stage: j.stage, status: j.status, owner: j.owner, stageEnteredAt: j.stageEnteredAt.toISOString(), createdAt: c.createdAt.toISOString(),
    })),
    nextCursor: rows.length > params.limit && last ? encodeCursor(last.j.createdAt, last.c.id) : null,
  };
}
