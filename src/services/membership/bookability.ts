// Can a shift system book this member, for this role? Read from compliance_items (written with
// every change to the membership): a member is not bookable for a role while an item that role
// needs is overdue or suspended. Each reason names the item and since when. Someone who is not a
// bank member yet (not hired, or not found among those the caller may read) is not bookable.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { candidates, complianceItems, journeys, memberships } from '../../../db/schema/index.js';
import { type ComplianceItem, itemWords } from '../../../workflows/membership/items.js';
import { type Programme, programmes } from '../../../workflows/types.js';
import { addDays, ukDateOf } from '../../../workflows/when.js';
import type { AppContext } from '../../context.js';

export interface Reason { item: ComplianceItem | 'membership'; words: string; status: string; since: string; dueOn: string | null }
export interface Bookability { candidateId: string; role: string | null; bookable: boolean; reasons: Reason[] }

export interface BookabilityParams {
  candidateIds: string[];
  /** The shift's role (a profession); the member's own role when left out. */
  role?: string | undefined;
  /** Programmes of hiring journeys the caller may read. */
  programmes: readonly Programme[];
}

const notMember = (candidateId: string, since: string): Bookability => ({
  candidateId, role: null, bookable: false, reasons: [{ item: 'membership', words: 'Not a bank member (not hired, or not found)', status: 'not_member', since, dueOn: null }],
});

export async function bookabilityOf(app: AppContext, p: BookabilityParams): Promise<Bookability[]> {
  if (!p.candidateIds.length) return [];
  const scoped = p.programmes.length < programmes.length;
  const found = await app.db.select({ id: memberships.id, candidateId: memberships.candidateId, role: memberships.role })
    .from(memberships).innerJoin(journeys, eq(journeys.id, memberships.journeyId))
    // An erased person is no longer a member anyone may book: their evidence is gone.
    .innerJoin(candidates, eq(candidates.id, memberships.candidateId))
    .where(and(inArray(memberships.candidateId, p.candidateIds), isNull(candidates.erasedAt), scoped ? inArray(journeys.programme, [...p.programmes]) : undefined));
  const blocking = found.length ? await app.db.select({
    candidateId: complianceItems.candidateId, item: complianceItems.item, status: complianceItems.status, since: complianceItems.since,
    dueOn: complianceItems.dueOn, roles: complianceItems.roles,
  }).from(complianceItems)
    .where(and(inArray(complianceItems.candidateId, found.map((m) => m.candidateId)), inArray(complianceItems.status, ['overdue', 'suspended']))) : [];
  const today = ukDateOf(app.clock.now());
  const byId = new Map(found.map((m) => [m.candidateId, m]));
  return p.candidateIds.map((id) => {
    const m = byId.get(id);
    if (!m) return notMember(id, today);
    const role = p.role ?? m.role;
    const reasons = blocking.filter((b) => b.candidateId === id && b.roles.includes(role)).map((b) => ({
      item: b.item as ComplianceItem, words: `${itemWords[b.item as ComplianceItem]}: ${b.status === 'overdue' ? `ran out on ${b.dueOn}` : 'suspended for review'}`,
      status: b.status,
      // Overdue: since the day after its last day in date; suspended: since the review began.
      since: b.status === 'overdue' && b.dueOn ? addDays(b.dueOn, 1) : ukDateOf(b.since),
      dueOn: b.dueOn,
    }));
    return { candidateId: id, role, bookable: reasons.length === 0, reasons };
  });
}
