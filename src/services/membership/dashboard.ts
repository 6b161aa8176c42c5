// The compliance lead's dashboard: members by status, what expires in the next 30, 60 and 90
// days, overdue (and suspended) by item and owner, and the rows behind them for a CSV. Read from
// memberships and compliance_items, each query served by one of their indexes. Scoped like the
// reports: a reader sees members hired on the programmes they may read reports on.
import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { candidates, complianceItems, journeys, memberships } from '../../../db/schema/index.js';
import { type Programme, programmes } from '../../../workflows/types.js';
import { addDays, ukDateOf } from '../../../workflows/when.js';
import type { AppContext } from '../../context.js';

export interface DashboardParams { programmes: readonly Programme[]; now: Date }
export const windows = [30, 60, 90] as const;

/** Members hired on programmes the reader may see: no filter when they see all. */
const inScope = (p: DashboardParams, membershipId: typeof memberships.id | typeof complianceItems.membershipId = complianceItems.membershipId) => (p.programmes.length < programmes.length
  ? inArray(membershipId, sql`(select m.id from ${memberships} m join ${journeys} j on j.id = m.journey_id where j.programme in ${p.programmes.length ? p.programmes : ['none']})`)
  : undefined);

export async function membersByStatus(app: AppContext, p: DashboardParams): Promise<Record<string, number>> {
  const rows = await app.db.select({ status: memberships.status, n: count() }).from(memberships)
    .where(inScope(p, memberships.id)).groupBy(memberships.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Items still in date that run out within 30, 60 and 90 days (each window includes the shorter). */
export async function expiringCounts(app: AppContext, p: DashboardParams): Promise<Record<(typeof windows)[number], number>> {
  const today = ukDateOf(p.now);
  const [row] = await app.db.select({
    d30: sql<number>`count(*) filter (where ${complianceItems.dueOn} <= ${addDays(today, 30)})`.mapWith(Number),
    d60: sql<number>`count(*) filter (where ${complianceItems.dueOn} <= ${addDays(today, 60)})`.mapWith(Number),
    d90: count(),
  }).from(complianceItems)
    .where(and(gte(complianceItems.dueOn, today), lte(complianceItems.dueOn, addDays(today, 90)), inScope(p)));
  return { 30: row?.d30 ?? 0, 60: row?.d60 ?? 0, 90: row?.d90 ?? 0 };
}

export interface LapsedCount { item: string; owner: string; status: string; n: number }
/** Overdue and suspended items, by item and who must act. */
export async function lapsedByItemAndOwner(app: AppContext, p: DashboardParams): Promise<LapsedCount[]> {
  return app.db.select({ item: complianceItems.item, owner: complianceItems.owner, status: complianceItems.status, n: count() }).from(complianceItems)
    .where(and(inArray(complianceItems.status, ['overdue', 'suspended']), inScope(p)))
    .groupBy(complianceItems.item, complianceItems.owner, complianceItems.status)
    .orderBy(sql`count(*) desc`, asc(complianceItems.item));
}

export interface DueRow { candidateId: string; fullName: string; item: string; status: string; owner: string; dueOn: string | null }
/** Items that need someone: overdue or suspended, or running out within `days`; soonest first. */
export async function dueItems(app: AppContext, p: DashboardParams & { days: number; limit: number }): Promise<DueRow[]> {
  const today = ukDateOf(p.now);
  return app.db.select({
    candidateId: complianceItems.candidateId, fullName: candidates.fullName, item: complianceItems.item, status: complianceItems.status,
    owner: complianceItems.owner, dueOn: complianceItems.dueOn,
  }).from(complianceItems).innerJoin(candidates, eq(candidates.id, complianceItems.candidateId))
    .where(and(lte(complianceItems.dueOn, addDays(today, p.days)), inScope(p)))
    .orderBy(asc(complianceItems.dueOn), asc(complianceItems.candidateId)).limit(p.limit);
}
