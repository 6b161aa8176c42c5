// Cohorts: intakes of international recruits run together (e.g. "March 2027 nurses"). A cohort
// has a name, a start date and members; members are international candidates only, each at most
// once per cohort (the primary key), and leaving a cohort never touches the candidate's journey.
import { and, asc, count, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { nameOrEmailMatches } from '../candidates/search.js';
import { candidates, cohortMembers, cohorts, journeys } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';

export type CohortRow = typeof cohorts.$inferSelect;
export interface CohortSummary { id: string; name: string; startsOn: string | null; createdAt: Date; members: number }
export interface CandidateMatch { id: string; fullName: string; email: string; profession: string; stage: string; status: string }
export interface AddOutcome { added: string[]; alreadyMembers: string[]; refused: string[] }

/** The only programme cohorts are for (issue 6: coordinators' international intakes). */
const COHORT_PROGRAMME = 'international';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createCohort(app: AppContext, input: { name: string; startsOn: string }, createdBy: string | null): Promise<CohortRow> {
  const [row] = await app.db.insert(cohorts).values({
    name: input.name, programme: COHORT_PROGRAMME, startsOn: input.startsOn, createdBy, createdAt: app.clock.now(),
  }).returning();
  return row!;
}

/** Every cohort with its member count, the soonest start first (undated last). */
export async function listCohorts(app: AppContext): Promise<CohortSummary[]> {
  const rows = await app.db.select({
    id: cohorts.id, name: cohorts.name, startsOn: cohorts.startsOn, createdAt: cohorts.createdAt, members: count(cohortMembers.candidateId),
  }).from(cohorts).leftJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .groupBy(cohorts.id).orderBy(sql`${cohorts.startsOn} asc nulls last`, desc(cohorts.createdAt), asc(cohorts.id));
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

export async function getCohort(app: AppContext, id: string): Promise<CohortRow> {
  if (!UUID.test(id)) throw notFound('The cohort');
  const [row] = await app.db.select().from(cohorts).where(eq(cohorts.id, id.toLowerCase()));
  if (!row) throw notFound('The cohort');
  return row;
}

/** The candidate ids in a cohort. */
export async function memberIds(app: AppContext, cohortId: string): Promise<string[]> {
  const rows = await app.db.select({ id: cohortMembers.candidateId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId));
  return rows.map((r) => r.id);
}

/**
 * International candidates not yet in this cohort whose name or email contains `q`, or whose id
 * is `q`: the add-candidates search. Erased records (no personal data left) are not offered.
 */
export async function searchCandidates(app: AppContext, cohortId: string, q: string, limit = 20): Promise<CandidateMatch[]> {
  const term = q.trim();
  if (!term) return [];
  const match = UUID.test(term)
    ? eq(candidates.id, term.toLowerCase())
    : nameOrEmailMatches(term);
  return app.db.select({
    id: candidates.id, fullName: candidates.fullName, email: candidates.email, profession: candidates.profession, stage: journeys.stage, status: journeys.status,
  }).from(candidates).innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(
      match, eq(journeys.programme, COHORT_PROGRAMME), isNull(candidates.erasedAt),
      notExists(app.db.select({ one: sql`1` }).from(cohortMembers).where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.candidateId, candidates.id)))),
    ))
    .orderBy(asc(candidates.fullName), asc(candidates.id)).limit(limit);
}

/**
 * Adds candidates by id: international candidates only (others are `refused`, as are ids that do
 * not exist), and a candidate already in the cohort is left as they are (`alreadyMembers`).
 */
export async function addMembers(app: AppContext, cohortId: string, candidateIds: string[]): Promise<AddOutcome> {
  const ids = [...new Set(candidateIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
  const refusedMalformed = candidateIds.filter((id) => !UUID.test(id));
  if (ids.length === 0) return { added: [], alreadyMembers: [], refused: refusedMalformed };
  const eligible = new Set((await app.db.select({ id: candidates.id }).from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(inArray(candidates.id, ids), eq(journeys.programme, COHORT_PROGRAMME)))).map((r) => r.id));
  const wanted = ids.filter((id) => eligible.has(id));
  const inserted = wanted.length === 0 ? [] : await app.db.insert(cohortMembers)
    .values(wanted.map((candidateId) => ({ cohortId, candidateId, addedAt: app.clock.now() })))
    .onConflictDoNothing().returning({ id: cohortMembers.candidateId });
  const added = new Set(inserted.map((r) => r.id));
  return {
    added: wanted.filter((id) => added.has(id)),
    alreadyMembers: wanted.filter((id) => !added.has(id)),
    refused: [...refusedMalformed, ...ids.filter((id) => !eligible.has(id))],
  };
}

/** Takes candidates out of a cohort (their journeys are untouched); returns how many left. */
export async function removeMembers(app: AppContext, cohortId: string, candidateIds: string[]): Promise<number> {
  const ids = candidateIds.map((id) => id.toLowerCase()).filter((id) => UUID.test(id));
  if (ids.length === 0) return 0;
  const removed = await app.db.delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), inArray(cohortMembers.candidateId, ids))).returning({ id: cohortMembers.candidateId });
  return removed.length;
}
