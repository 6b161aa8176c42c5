// The compliance items a bank member keeps in date after hire (DOMAIN.md, "Also after clearance"):
// DBS, right to work, registration, occupational health, and the 11 Core Skills Training Framework
// subjects with the Oliver McGowan training. Pure: when each is due comes from its evidence and
// the policy; its status from that date and today.
import type { Policy } from '../policy.js';
import { type Profession, professions } from '../types.js';
import { type TrainingModule, trainingModules } from '../vocabulary.js';
import { addDays, addMonths } from '../when.js';

export const checkItems = ['dbs', 'rightToWork', 'registration', 'workHealth'] as const;
export const trainingItems = trainingModules.map((m) => `training.${m}` as const);
export const complianceItems = [...checkItems, ...trainingItems] as const;
export type ComplianceItem = (typeof complianceItems)[number];

export const complianceStatuses = ['compliant', 'due_soon', 'overdue', 'suspended', 'not_required'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];

/** Who must act on an item: the member, or the compliance team (a review, an Update Service check). */
export type ItemOwner = 'member' | 'compliance_team' | 'none';

/** Roles with no professional register: registration is not required of them. */
const unregistered: readonly Profession[] = ['healthcare_assistant', 'non_clinical'];

export interface ItemRecord {
  /** The last day the item is in date; null: not required. */
  dueOn: string | null;
  /** The evidence that last renewed it (structured fields, never a document's contents). */
  evidence: Record<string, unknown> | null;
  renewedOn: string | null;
  /** Set by a review (new Update Service information, a lapsed register): not bookable until reinstated. */
  suspended?: { reason: string; since: string } | null;
  /** DBS: the member consented to status checks on the Update Service. */
  updateService?: boolean;
}

export const isTraining = (item: string): item is `training.${TrainingModule}` => item.startsWith('training.');
export const moduleOf = (item: string) => item.slice('training.'.length) as TrainingModule;

/** The roles for which a lapsed item stops bookings. */
export function rolesNeeding(item: ComplianceItem, policy: Policy): readonly Profession[] {
  if (isTraining(item)) return policy.trainingRolesNeeding[moduleOf(item)] ?? professions;
  if (item === 'registration') return professions.filter((p) => !unregistered.includes(p));
  return professions;
}

export function isRequired(item: ComplianceItem, role: Profession): boolean {
  if (item === 'registration') return !unregistered.includes(role);
  return true;
}

/** Days before the due date from which the item counts as due soon. */
export const leadDays = (item: ComplianceItem, policy: Policy): number =>
  item === 'dbs' ? policy.dbsRenewalLeadDays : policy.complianceDueSoonDays;

/** The last day in date after a renewal, from its evidence and the policy. */
export function dueAfterRenewal(item: ComplianceItem, evidence: Record<string, unknown>, policy: Policy): string | null {
  const day = (k: string) => (typeof evidence[k] === 'string' ? (evidence[k] as string) : undefined);
  if (item === 'dbs') {
    // On the Update Service, a status check renews it for another year from the check.
    const from = day('statusCheckedOn') ?? day('issueDate')!;
    return addDays(addMonths(from, policy.dbsRenewalMonths), -1);
  }
  if (item === 'rightToWork') return evidence.permission === 'unlimited' ? null : day('permissionExpiresOn') ?? null;
  if (item === 'registration') {
    const renewal = day('renewalDueOn') ?? addMonths(day('checkedOn')!, policy.registrationRenewalMonths[String(evidence.body)] ?? 12);
    const revalidation = day('revalidationDueOn');
    return revalidation && revalidation < renewal ? revalidation : renewal;
  }
  // Occupational health: no expiry; reassessed on a change of role.
  if (item === 'workHealth') return null;
  return addDays(addMonths(day('completedOn')!, 12 * policy.trainingRefresherYears[moduleOf(item)]), -1);
}

/** The item's status on `today` (a UK date): overdue the day after its last day in date. */
export function statusOn(record: ItemRecord, item: ComplianceItem, today: string, policy: Policy): ComplianceStatus {
  if (record.suspended) return 'suspended';
  // No expiry: in date on its evidence (occupational health, a permission without time limit), else not needed.
  if (record.dueOn === null) return record.evidence ? 'compliant' : 'not_required';
  if (today > record.dueOn) return 'overdue';
  if (today >= addDays(record.dueOn, -leadDays(item, policy))) return 'due_soon';
  return 'compliant';
}

/** Who acts next on an item in this status. */
export function ownerOf(status: ComplianceStatus, item: ComplianceItem, record: ItemRecord): ItemOwner {
  if (status === 'compliant' || status === 'not_required') return 'none';
  if (status === 'suspended') return 'compliance_team';
  // With the member's Update Service consent, the team checks the status online.
  if (item === 'dbs' && record.updateService) return 'compliance_team';
  return 'member';
}

export const itemWords: Record<ComplianceItem, string> = {
  dbs: 'DBS check', rightToWork: 'Right to work', registration: 'Professional registration', workHealth: 'Occupational health',
  'training.equality_diversity_human_rights': 'Equality, diversity and human rights', 'training.health_safety_welfare': 'Health, safety and welfare',
  'training.conflict_resolution': 'Conflict resolution', 'training.fire_safety': 'Fire safety',
  'training.infection_prevention_control': 'Infection prevention and control', 'training.moving_handling': 'Moving and handling',
  'training.safeguarding_adults': 'Safeguarding adults', 'training.preventing_radicalisation': 'Preventing radicalisation',
  'training.safeguarding_children': 'Safeguarding children', 'training.resuscitation': 'Resuscitation',
  'training.information_governance': 'Information governance and data security',
  'training.oliver_mcgowan': 'Oliver McGowan training on learning disability and autism',
};

export const statusWords: Record<ComplianceStatus, string> = {
  compliant: 'In date', due_soon: 'Due soon', overdue: 'Overdue', suspended: 'Suspended', not_required: 'Not required',
};
