// Criminal record (DBS): the level the role needs (a policy table per profession; the HCSWD
// programme is direct care: enhanced with the adults' barred list at least), an issue date not
// in the future, the Update Service only on standard or enhanced checks and joined within 30 days
// of issue, a new certificate applied for only once identity was verified, and an applicant of
// 16 or over when the date of birth is known. Only the number, date, level and outcome are kept.
import { z } from 'zod';
import type { Policy } from '../policy.js';
import { type Rule, refuse } from '../refusal.js';
import type { JourneyContext } from '../types.js';
import { type DbsLevel, dbsLevels } from '../vocabulary.js';
import { addDays, addMonths, longDate, ukDateOf, whenOf } from '../when.js';
import { isoDate, note, occurredOn, shortText } from '../events/fields.js';
import { applied, happened, inOrder } from './dates.js';

/** DBS rules, not local policy. */
export const dbsRules = {
  /** The Update Service takes a certificate only if subscribed within 30 days of its issue. */
  updateServiceSubscribeDays: 30,
  /** DBS applicants must be 16 or over. */
  minimumAge: 16,
};

export const dbsEvidence = z.strictObject({
  certificateNumber: z.string().regex(/^[0-9]{12}$/, 'a DBS certificate number is 12 digits'),
  issueDate: isoDate,
  level: z.enum(dbsLevels),
  outcome: z.enum(['clear', 'information_disclosed_risk_assessed']),
  /** Information disclosed: who assessed the risk and decided it is acceptable. */
  riskAssessedBy: shortText.optional(),
  /** The certificate is on the DBS Update Service: its status was checked online. */
  updateService: z.boolean().default(false),
  updateServiceSubscribedOn: isoDate.optional(),
  occurredOn,
  note,
}).superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.outcome === 'information_disclosed_risk_assessed' && !v.riskAssessedBy) issue('riskAssessedBy', 'name who assessed the disclosed information');
  if (v.updateService && v.level === 'basic') issue('updateService', 'the DBS Update Service covers standard and enhanced checks only, not basic checks');
  if (v.updateService && !v.updateServiceSubscribedOn) issue('updateServiceSubscribedOn', 'give the date the candidate joined the Update Service');
  if (v.updateService && v.updateServiceSubscribedOn && v.updateServiceSubscribedOn > addDays(v.issueDate, dbsRules.updateServiceSubscribeDays)) {
    issue('updateServiceSubscribedOn', `a certificate can join the Update Service only within ${dbsRules.updateServiceSubscribeDays} days of its issue date`);
  }
  if (!v.updateService && v.updateServiceSubscribedOn) issue('updateServiceSubscribedOn', 'an Update Service date is given only when the certificate is on the Update Service');
});

/** The DBS application the candidate filled in; the date of birth, when given, shows they are 16+. */
export const dbsApplication = z.strictObject({ dateOfBirth: isoDate.optional(), occurredOn, note });

const barred: Record<DbsLevel, string[]> = {
  basic: [], standard: [], enhanced: [], enhanced_adults_barred: ['adults'], enhanced_children_barred: ['children'], enhanced_both_barred: ['adults', 'children'],
};
const tier = (level: DbsLevel) => (level === 'basic' ? 0 : level === 'standard' ? 1 : 2);

/** Whether a certificate at `level` is enough where `required` is needed. */
export const dbsLevelMeets = (level: DbsLevel, required: DbsLevel): boolean =>
  level in barred && tier(level) >= tier(required) && barred[required].every((list) => barred[level].includes(list));

/** The level this journey's role needs: the profession's (policy), and for HCSWD at least direct care. */
export function requiredDbsLevel(policy: Policy, context: Pick<JourneyContext, 'programme' | 'profession'>): DbsLevel {
  const level = policy.dbsLevelByProfession[context.profession] ?? 'enhanced_adults_barred';
  if (context.programme === 'hcswd' && !dbsLevelMeets(level, 'enhanced_adults_barred')) {
    return level === 'enhanced_children_barred' ? 'enhanced_both_barred' : 'enhanced_adults_barred';
  }
  return level;
}

const levelWords = (level: string) => level.replace('enhanced_', 'enhanced with the ').replace('adults_barred', 'adults’ barred list')
  .replace('children_barred', 'children’s barred list').replace('both_barred', 'adults’ and children’s barred lists');

function levelForRole(policy: Policy): Rule {
  return (context, event) => {
    const required = requiredDbsLevel(policy, context);
    return dbsLevelMeets(event.level as DbsLevel, required) ? null
      : refuse('dbs.levelForRole', `This role needs a DBS check at ${levelWords(required)} level; the certificate is ${levelWords(String(event.level))}.`, 'level');
  };
}

const issueDateValid: Rule = (context, event) => {
  const issued = String(event.issueDate);
  const today = ukDateOf(event.at);
  if (issued > today) return refuse('dbs.issueDateInFuture', `The certificate’s issue date (${longDate(issued)}) cannot be in the future.`, 'issueDate');
  const subscribed = event.updateServiceSubscribedOn;
  if (typeof subscribed === 'string' && subscribed > today) return refuse('dbs.issueDateInFuture', `The Update Service date (${longDate(subscribed)}) cannot be in the future.`, 'updateServiceSubscribedOn');
  // A new certificate comes from our application, made only once identity was verified; a
  // certificate on the Update Service may be older (its status is checked instead).
  const identity = whenOf(context, 'identity.cleared');
  if (event.updateService !== true && identity && issued < ukDateOf(identity)) {
    return refuse('dbs.afterIdentity', `A new DBS certificate is applied for only once identity is verified (${longDate(ukDateOf(identity))}); this one was issued on ${longDate(issued)}. Use the Update Service for an earlier certificate.`, 'issueDate');
  }
  return null;
};

/** 16 or over on the day of the application, when the date of birth is known. */
const oldEnough: Rule = (_, event) => {
  const born = event.dateOfBirth;
  if (typeof born !== 'string') return null;
  const day = typeof event.occurredOn === 'string' ? event.occurredOn : ukDateOf(event.at);
  return addMonths(born, 12 * dbsRules.minimumAge) <= day ? null
    : refuse('dbs.minimumAge', `A DBS applicant must be ${dbsRules.minimumAge} or over: born on ${longDate(born)}, the candidate is not.`, 'dateOfBirth');
};

export const dbsCheckRules = (policy: Policy): Record<string, Rule[]> => ({
  'dbs.submitted': [inOrder(applied), oldEnough],
  'dbs.referred': [inOrder(happened('identity.cleared', 'identity was verified'))],
  'dbs.cleared': [inOrder(happened('identity.cleared', 'identity was verified')), issueDateValid, levelForRole(policy)],
});
