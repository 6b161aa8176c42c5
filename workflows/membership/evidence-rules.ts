// What a membership event's evidence must make sense against the member it is about (DOMAIN.md):
// the payload schemas check shapes and that dates are not in the future; these rules check the
// evidence against the member's role and what is already held. Pure; the engine asks them before
// the machine, so a refusal names the rule and the field at fault.
import type { Policy } from '../policy.js';
import { type Refusal, refuse } from '../refusal.js';
import { registrationProblem } from '../rules.js';
import { dbsLevelMeets, requiredDbsLevel } from '../standards/dbs.js';
import type { DbsLevel } from '../vocabulary.js';
import { addDays } from '../when.js';
import type { ComplianceItem } from './items.js';
import type { MembershipContext } from './machine.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function renewalRefusal(context: MembershipContext, item: ComplianceItem, event: Record<string, unknown>, today: string, policy: Policy): Refusal | null {
  if (item === 'dbs') {
    const required = requiredDbsLevel(policy, { programme: 'domestic', profession: context.role });
    if (!dbsLevelMeets(event.level as DbsLevel, required)) {
      return refuse('membership.dbsLevelForRole', `This member's role needs a DBS check at ${required.replaceAll('_', ' ')} level; the certificate is ${String(event.level).replaceAll('_', ' ')}.`, 'level');
    }
  }
  if (item === 'rightToWork' && event.permission === 'time_limited') {
    const ends = str(event.permissionExpiresOn)!;
    if (ends <= today || ends <= String(event.checkedOn)) {
      return refuse('membership.permissionExpired', `A permission that ended on ${ends} does not renew the right to work: a follow-up check must find a permission still in date.`, 'permissionExpiresOn');
    }
  }
  if (item === 'rightToWork' && event.permission === 'unlimited' && event.permissionExpiresOn !== undefined) {
    return refuse('membership.permissionExpiry', 'A permission without time limit has no end date: leave the end date out, or choose time-limited.', 'permissionExpiresOn');
  }
  if (item === 'registration') {
    const wrong = registrationProblem(context.role, String(event.body), String(event.number));
    if (wrong) return wrong;
    for (const f of ['renewalDueOn', 'revalidationDueOn'] as const) {
      const due = str(event[f]);
      if (due && due < today) {
        return refuse('membership.registrationLapsed', `The register shows ${f === 'renewalDueOn' ? 'renewal' : 'revalidation'} was due on ${due}: a lapsed registration does not renew the item.`, f);
      }
    }
  }
  return null;
}

/** Why this event's evidence cannot be recorded for this member (null: it can). */
export function membershipRefusal(context: MembershipContext, type: string, event: Record<string, unknown>, today: string, policy: Policy): Refusal | null {
  const dbs = context.items.dbs;
  const issued = str(dbs?.evidence?.issueDate);
  if (type === 'itemRenewed') return renewalRefusal(context, event.item as ComplianceItem, event, today, policy);
  if (type === 'updateServiceConsented') {
    const level = str(dbs?.evidence?.level);
    // The Update Service takes standard and enhanced certificates only, subscribed within 30 days of issue.
    if (level === 'basic') return refuse('membership.updateServiceLevel', 'A basic DBS certificate cannot be on the Update Service: record a new standard or enhanced certificate.', 'subscribedOn');
    const subscribed = String(event.subscribedOn);
    if (issued && (subscribed < issued || subscribed > addDays(issued, 30))) {
      return refuse('membership.updateServiceWindow', `A certificate issued on ${issued} can be subscribed to the Update Service from that day to 30 days after it.`, 'subscribedOn');
    }
  }
  if (type === 'dbsStatusChecked') {
    // A status check is lawful only with the member's consent, whatever it finds.
    if (!dbs?.updateService) return refuse('membership.updateServiceConsent', 'The member has not consented to DBS Update Service status checks: record their consent first, or a new certificate.', 'checkedOn');
    if (issued && String(event.checkedOn) < issued) return refuse('membership.statusCheckDate', `A status check cannot be before the certificate was issued (${issued}).`, 'checkedOn');
  }
  if (type === 'roleChanged' && event.role === context.role) {
    return refuse('membership.sameRole', 'The member already works in this role: choose the new role.', 'role');
  }
  return null;
}
