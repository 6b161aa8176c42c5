import { type SQL, and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor, page } from '../keyset.js';
import { nameOrEmailMatches } from './search.js';
import { candidates, journeyEvents, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';

export interface ListCandidatesParams {
  programme?: string | undefined; stage?: string | undefined; status?: string | undefined;
  q?: string | undefined; limit: number; cursor?: string | undefined;
  /** Pollers: only candidates changed since then (an event, or their details), oldest change first. */
  updatedSince?: string | undefined;
  /** The programmes the caller may read (from the permission table). */
  programmes?: readonly string[];
}

export interface CandidateListItem {
  id: string; fullName: string; email: string; profession: string; programme: string; state: string; stage: string;
  status: string; owner: string; stageEnteredAt: string; createdAt: string;
  /** The latest change: an event on the journey, or to the candidate's details. */
  updatedAt: string;
}

/**
 * Newest first, keyset-paginated on the current journey's (created_at, candidate id). The board's
 * filters (programme, stage, status) are journey columns, so ordering on the journey lets one
 * index both filter and order (journeys_list_idx): a page reads about a page of rows at any size.
 * That is when the candidate applied, or, for one moved to HCSWD, when they moved.
 */
/** The later of the candidate's and their current journey's last change. */
const changedAt = sql<Date>`greatest(${candidates.updatedAt}, ${journeys.updatedAt})`.mapWith(candidates.updatedAt);

export async function listCandidates(db: Db, params: ListCandidatesParams) {
  const where: SQL[] = [];
  if (params.programme) where.push(eq(journeys.programme, params.programme));
  if (params.programmes) where.push(inArray(journeys.programme, [...params.programmes]));
  if (params.stage) where.push(eq(journeys.stage, params.stage));
  if (params.status) where.push(eq(journeys.status, params.status));
  if (params.q) {
    where.push(nameOrEmailMatches(params.q));
  }
  const cursor = params.cursor ? decodeCursor(params.cursor) : null;
  let order: SQL[];
  if (params.updatedSince) {
    // Changed since: candidates with a history event since then (journey_events_at_idx) or whose
    // details changed (candidates_updated_idx), oldest change first, so a poller pages forward.
    const since = new Date(params.updatedSince);
    // Times compared with an expression go as text with a cast: the driver cannot infer the type.
    const time = (d: Date) => sql`${d.toISOString()}::timestamptz`;
    where.push(sql`${changedAt} >= ${time(since)}`, inArray(candidates.id, sql`(${db.select({ id: journeys.candidateId }).from(journeyEvents)
      .innerJoin(journeys, eq(journeys.id, journeyEvents.journeyId)).where(gte(journeyEvents.at, since))} union ${db.select({ id: candidates.id }).from(candidates).where(gte(candidates.updatedAt, since))})`));
    if (cursor) where.push(sql`(${changedAt}, ${candidates.id}) > (${time(cursor.at)}, ${cursor.id}::uuid)`);
    order = [asc(changedAt), asc(candidates.id)];
  } else {
    if (cursor) where.push(or(lt(journeys.createdAt, cursor.at), and(eq(journeys.createdAt, cursor.at), lt(journeys.candidateId, cursor.id)))!);
    order = [desc(journeys.createdAt), desc(journeys.candidateId)];
  }
  // Only the columns a list item shows: a journey's snapshot is the bulk of its row.
  const rows = await db.select({
    c: { id: candidates.id, fullName: candidates.fullName, email: candidates.email, profession: candidates.profession, createdAt: candidates.createdAt },
    j: { programme: journeys.programme, state: journeys.state, stage: journeys.stage, status: journeys.status, owner: journeys.owner, stageEnteredAt: journeys.stageEnteredAt, createdAt: journeys.createdAt },
    changedAt,
  }).from(journeys)
    .innerJoin(candidates, eq(candidates.currentJourneyId, journeys.id))
    .where(and(...where))
    .orderBy(...order)
    .limit(params.limit + 1);
  const result = page(rows, params.limit, (last) => (params.updatedSince ? encodeCursor(last.changedAt, last.c.id) : encodeCursor(last.j.createdAt, last.c.id)));
  return {
    items: result.items.map(({ c, j, changedAt: changed }): CandidateListItem => ({
      id: c.id, fullName: c.fullName, email: c.email, profession: c.profession, programme: j.programme, state: j.state,
      stage: j.stage, status: j.status, owner: j.owner, stageEnteredAt: j.stageEnteredAt.toISOString(), createdAt: c.createdAt.toISOString(),
      updatedAt: changed.toISOString(),
    })),
    nextCursor: result.nextCursor,
  };
}
