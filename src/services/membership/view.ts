// A member's compliance as staff and the member read it: each item with its status, owner, due
// date and the evidence that last renewed it, and the membership's history in words.
import { asc, eq } from 'drizzle-orm';
import { complianceItems, membershipEvents, memberships } from '../../../db/schema/index.js';
import { membershipEventWords } from '../../../workflows/membership/events.js';
import { type ComplianceItem, type ComplianceStatus, complianceItems as itemOrder, itemWords, statusWords } from '../../../workflows/membership/items.js';
import { longDate } from '../../../workflows/when.js';
import type { AppContext } from '../../context.js';

export interface ItemRow {
  item: ComplianceItem; title: string; status: ComplianceStatus; statusWords: string; owner: string; dueOn: string | null;
  since: string; renewedOn: string | null; evidence: Record<string, unknown> | null; roles: string[];
}
export interface MembershipView {
  id: string; candidateId: string; role: string; status: string; bookable: boolean; unbookableSince: string | null; hiredAt: string; version: number;
  items: ItemRow[];
}

export async function membershipView(app: AppContext, candidateId: string): Promise<MembershipView | null> {
  const [m] = await app.db.select().from(memberships).where(eq(memberships.candidateId, candidateId));
  if (!m) return null;
  const rows = await app.db.select().from(complianceItems).where(eq(complianceItems.membershipId, m.id));
  const order = (i: string) => itemOrder.indexOf(i as ComplianceItem);
  return {
    id: m.id, candidateId, role: m.role, status: m.status, bookable: m.bookable, unbookableSince: m.unbookableSince?.toISOString() ?? null,
    hiredAt: m.hiredAt.toISOString(), version: m.version,
    items: rows.sort((a, b) => order(a.item) - order(b.item)).map((r) => ({
      item: r.item as ComplianceItem, title: itemWords[r.item as ComplianceItem], status: r.status as ComplianceStatus,
      statusWords: statusWords[r.status as ComplianceStatus], owner: r.owner, dueOn: r.dueOn, since: r.since.toISOString(),
      renewedOn: r.renewedOn, evidence: r.evidence as Record<string, unknown> | null, roles: r.roles,
    })),
  };
}

const resultWords: Record<string, string> = { no_new_information: 'no new information', new_information: 'new information: suspended for review' };
const actorWords: Record<string, string> = { user: 'staff', system: 'Intake', applicant: 'the member', referee: 'a referee' };

/** A timer's event (`xstate.after.<item>:<kind>.<state>`), in words. */
function timerWords(type: string): string | null {
  const m = /^xstate\.after\.([\w.]+?):(dueSoon|expiry|before:(\d+))/.exec(type);
  if (!m) return null;
  const item = itemWords[m[1] as ComplianceItem] ?? m[1];
  if (m[2] === 'dueSoon') return `${item} became due soon`;
  if (m[2] === 'expiry') return `${item} reached its last day in date`;
  return `${item}: reminder ${m[3]} days before it runs out`;
}

/** One line per event: when, who, what, in words a compliance lead reads. */
export async function membershipHistory(app: AppContext, membershipId: string): Promise<{ at: string; words: string }[]> {
  const rows = await app.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, membershipId)).orderBy(asc(membershipEvents.seq));
  return rows.map((e) => {
    const timer = timerWords(e.type);
    if (timer) return { at: e.at.toISOString(), words: timer };
    const p = e.payload as Record<string, unknown>;
    const item = typeof p.item === 'string' ? itemWords[p.item as ComplianceItem] ?? p.item : null;
    const what = membershipEventWords[e.type as keyof typeof membershipEventWords] ?? e.type.replace(/[._]/g, ' ');
    const detail = p.erased ? `${item ? `: ${item}` : ''} (details erased)`
      : e.type === 'dbsStatusChecked' ? `: ${resultWords[String(p.result)]}, checked ${longDate(String(p.checkedOn))}`
      : e.type === 'itemSuspended' ? `: ${item} (${String(p.reason)})`
        : e.type === 'roleChanged' ? ` to ${String(p.role).replace(/_/g, ' ')} from ${longDate(String(p.effectiveOn))}`
          : item ? `: ${item}${typeof (p.completedOn ?? p.checkedOn ?? p.issueDate ?? p.assessedOn) === 'string' ? ` (${longDate(String(p.completedOn ?? p.checkedOn ?? p.issueDate ?? p.assessedOn))})` : ''}` : '';
    return { at: e.at.toISOString(), words: `${what}${detail}, by ${actorWords[e.actorType] ?? e.actorType}` };
  });
}
