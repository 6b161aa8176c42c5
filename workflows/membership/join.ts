// A member joins with the clearance dates their hiring journey recorded: each item's evidence as
// the check cleared it, due from that evidence and the policy. What was never recorded (training
// not finished, a substantive member's checks) is due at the end of the new member's grace weeks:
// they may work while finishing it, then bookings stop (DOMAIN.md: up to 6 weeks).
import type { Policy } from '../policy.js';
import type { Profession } from '../types.js';
import { addDays, ukDateOf } from '../when.js';
import { type ComplianceItem, type ItemRecord, complianceItems, dueAfterRenewal, isRequired, moduleOf } from './items.js';

/** What the hiring journey knew at hire. Dates are UK dates (YYYY-MM-DD). */
export interface JoiningFacts {
  profession: Profession;
  /** When the member was cleared to work (the grace weeks count from it); the hire, failing that. */
  clearedAt: string;
  dbs?: { issueDate: string; level?: string; updateService?: boolean; updateServiceSubscribedOn?: string } | undefined;
  rightToWork?: { permission: string; permissionExpiresOn?: string; checkedOn?: string } | undefined;
  registration?: { body: string; number: string; renewalDueOn?: string; checkedOn?: string } | undefined;
  workHealth?: { assessedOn: string; outcome?: string } | undefined;
  trainingCompletedOn?: Record<string, string> | undefined;
}

function evidenceFor(item: ComplianceItem, facts: JoiningFacts): Record<string, unknown> | undefined {
  if (item === 'dbs') return facts.dbs;
  if (item === 'rightToWork') return facts.rightToWork;
  if (item === 'registration') return facts.registration?.renewalDueOn || facts.registration?.checkedOn ? facts.registration : undefined;
  if (item === 'workHealth') return facts.workHealth;
  const on = facts.trainingCompletedOn?.[moduleOf(item)];
  return on ? { completedOn: on } : undefined;
}

const renewedOnOf = (e: Record<string, unknown>) => String(e.completedOn ?? e.checkedOn ?? e.issueDate ?? e.assessedOn ?? '') || null;

export function joiningItems(facts: JoiningFacts, policy: Policy): Record<ComplianceItem, ItemRecord> {
  const graceEnds = addDays(ukDateOf(facts.clearedAt), policy.trainingGraceWeeks * 7);
  const out = {} as Record<ComplianceItem, ItemRecord>;
  for (const item of complianceItems) {
    if (!isRequired(item, facts.profession)) {
      out[item] = { dueOn: null, evidence: null, renewedOn: null };
      continue;
    }
    const evidence = evidenceFor(item, facts);
    out[item] = evidence
      ? { dueOn: dueAfterRenewal(item, evidence, policy), evidence, renewedOn: renewedOnOf(evidence), ...(item === 'dbs' && facts.dbs?.updateService ? { updateService: true } : {}) }
      : { dueOn: graceEnds, evidence: null, renewedOn: null };
  }
  return out;
}
