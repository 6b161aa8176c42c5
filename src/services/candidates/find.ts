// Find anyone, whatever their status (in progress, hired, withdrawn, rejected, closed): by name,
// email, phone (digits compared, spaces and +44 ignored) or registration number, in the
// programmes the caller may read, sorted as the list view asks.
import { type SQL, and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { candidates, journeys } from '../../../db/schema/index.js';

export const findSorts = ['name', 'applied', 'stage', 'inStage', 'status'] as const;
export type FindSort = (typeof findSorts)[number];

export interface FindParams {
  q?: string | undefined; status?: string | undefined; programme?: string | undefined;
  sort: FindSort; dir: 'asc' | 'desc'; programmes: readonly string[]; limit: number; offset: number;
  /** Only these candidates (to name the outcome of a bulk action). */
  ids?: string[] | undefined;
}

export interface FoundCandidate {
  id: string; fullName: string; email: string; phone: string | null; registrationNumber: string | null; profession: string;
  programme: string; stage: string; status: string; owner: string; stageEnteredAt: Date; createdAt: Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function matches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const digits = q.replace(/\D/g, '').replace(/^44/, '0');
  const terms: SQL[] = [ilike(candidates.fullName, pattern), ilike(candidates.email, pattern), ilike(candidates.registrationNumber, `%${escapeLike(q.replace(/\s/g, ''))}%`)];
  if (digits.length >= 6) {
    terms.push(sql`regexp_replace(regexp_replace(coalesce(${candidates.phone}, ''), '\\D', '', 'g'), '^44', '0') like ${`%${digits.replace(/^0/, '')}%`}`);
  }
  return or(...terms)!;
}

export async function findCandidates(db: Db, p: FindParams): Promise<{ items: FoundCandidate[]; total: number }> {
  if (!p.programmes.length) return { items: [], total: 0 };
  const where: SQL[] = [inArray(journeys.programme, [...p.programmes]), sql`${candidates.erasedAt} is null`];
  if (p.q) where.push(matches(p.q));
  if (p.status) where.push(eq(journeys.status, p.status));
  if (p.ids) where.push(inArray(candidates.id, p.ids.length ? p.ids : ['00000000-0000-0000-0000-000000000000']));
  if (p.programme) where.push(eq(journeys.programme, p.programme));
  const column = { name: candidates.fullName, applied: candidates.createdAt, stage: journeys.stage, inStage: journeys.stageEnteredAt, status: journeys.status }[p.sort];
  // "Longest in stage" first is the oldest stage entry: the direction flips for that column.
  const ascending = p.sort === 'inStage' ? p.dir === 'desc' : p.dir === 'asc';
  const rows = await db.select({
    id: candidates.id, fullName: candidates.fullName, email: candidates.email, phone: candidates.phone, registrationNumber: candidates.registrationNumber,
    profession: candidates.profession, programme: journeys.programme, stage: journeys.stage, status: journeys.status, owner: journeys.owner,
    stageEnteredAt: journeys.stageEnteredAt, createdAt: candidates.createdAt, total: sql<number>`count(*) over ()`.mapWith(Number),
  }).from(journeys).innerJoin(candidates, eq(candidates.currentJourneyId, journeys.id)).where(and(...where))
    .orderBy(ascending ? asc(column) : desc(column), asc(candidates.id)).limit(p.limit).offset(p.offset);
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
