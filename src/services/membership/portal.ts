// What a member sees in the portal: for each membership under their email address, what is due
// and when, in their words. The same rows the staff read, with nothing internal.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { candidates, memberships } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { type MembershipView, membershipView } from './view.js';

export interface MemberPortalView { candidateId: string; fullName: string; view: MembershipView }

export async function memberPortalView(app: AppContext, email: string): Promise<MemberPortalView[]> {
  const rows = await app.db.select({ id: candidates.id, fullName: candidates.fullName }).from(candidates)
    .innerJoin(memberships, eq(memberships.candidateId, candidates.id))
    .where(and(eq(sql`lower(${candidates.email})`, email.toLowerCase()), isNull(candidates.erasedAt)));
  const out: MemberPortalView[] = [];
  for (const r of rows) {
    const view = await membershipView(app, r.id);
    if (view) out.push({ candidateId: r.id, fullName: r.fullName, view });
  }
  return out;
}
