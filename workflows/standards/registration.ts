// Professional registration: the register of the profession, the number in that regulator's
// format, and what the register says today — registered, or registered with conditions that do
// not affect the role; never lapsed, suspended or with a fitness-to-practise case pending. The
// renewal date is recorded (it must be after the day the register was checked, and after the
// first shift), and the register is looked at again shortly before the first shift.
import { z } from 'zod';
import type { Policy } from '../policy.js';
import { type Refusal, type Rule, refuse } from '../refusal.js';
import { registrationBodies, registrationProblem } from '../rules.js';
import type { JourneyContext } from '../types.js';
import { registrationStatuses } from '../vocabulary.js';
import { addDays, longDate, ukDateOf } from '../when.js';
import { isoDate, note, occurredOn } from '../events/fields.js';
import { applied, happened, inOrder } from './dates.js';

export const registrationNumber = z.string().trim().toUpperCase().min(1).max(20);

/** What the register shows, as the register check and its re-check record it. */
const registerEntry = {
  status: z.enum(registrationStatuses),
  /** With conditions: whether they affect this role (only conditions that do not can clear). */
  conditionsAffectRole: z.boolean().optional(),
  /** When the registration must next be renewed (annual fee, revalidation). */
  renewalDueOn: isoDate,
  occurredOn,
  note,
};

const conditionsAnswered = (v: { status: string; conditionsAffectRole?: boolean | undefined }, ctx: z.RefinementCtx) => {
  if (v.status === 'registered_with_conditions' && v.conditionsAffectRole === undefined) {
    ctx.addIssue({ code: 'custom', path: ['conditionsAffectRole'], message: 'say whether the conditions on the registration affect this role' });
  }
};

export const registrationEvidence = z.strictObject({
  body: z.enum(registrationBodies),
  number: registrationNumber,
  ...registerEntry,
  /** Doctors: the GMC registration carries a licence to practise. */
  licenceToPractise: z.boolean().optional(),
}).superRefine(conditionsAnswered);

export const registrationRecheck = z.strictObject(registerEntry).superRefine(conditionsAnswered);

const checkDay = (event: { at: string; occurredOn?: unknown }) => (typeof event.occurredOn === 'string' ? event.occurredOn : ukDateOf(event.at));

const statusWords: Record<string, string> = {
  lapsed: 'the registration has lapsed',
  suspended: 'the registrant is suspended',
  fitness_to_practise_pending: 'a fitness-to-practise case is pending',
};

/** Registered (or with conditions that do not affect the role), and renewal still ahead. */
export const onRegister: Rule = (_, event) => {
  const status = String(event.status);
  if (statusWords[status]) return refuse('registration.status', `The register says ${statusWords[status]}: only a current registration with no pending fitness-to-practise case can clear.`, 'status');
  if (status === 'registered_with_conditions' && event.conditionsAffectRole === true) {
    return refuse('registration.conditions', 'The registration has conditions that affect this role: it cannot clear.', 'conditionsAffectRole');
  }
  const renewal = String(event.renewalDueOn);
  if (renewal <= checkDay(event)) return refuse('registration.renewalDue', `The renewal date (${longDate(renewal)}) must be after the day the register was checked.`, 'renewalDueOn');
  return null;
};

/** The register of the profession, in its format; doctors hold a licence to practise. */
const rightRegister: Rule = (context, event) => {
  const problem = registrationProblem(context.profession, String(event.body ?? ''), String(event.number ?? ''));
  if (problem) return problem;
  if (event.body === 'GMC' && event.licenceToPractise !== true) return refuse('registration.licence', 'A doctor must hold a GMC licence to practise.', 'licenceToPractise');
  return null;
};

const registered: Rule = (context) => (context.registration?.checkedAt ? null : refuse('registration.none', 'There is no register check on record to repeat.'));

/**
 * The register is looked at again when the first shift (booked, or today) would otherwise find the
 * last look too old or the renewal date passed — not before, so the step is offered when it is due.
 */
function recheckDue(policy: Policy): Rule {
  return (context, event) => {
    const checked = context.registration?.checkedAt;
    if (!checked) return registered(context, event);
    const today = ukDateOf(event.at);
    const shift = context.firstShift?.date;
    const day = shift && shift > today ? shift : today;
    // Due when the start would find the last look stale, and a look today would be recent enough.
    const stale = registrationCurrentOn(context, day, policy);
    if (stale && (stale.rule === 'registration.renewalBeforeShift' || addDays(today, policy.registrationRecheckDays) >= day)) return null;
    return refuse('registration.recheckNotDue', `The register was checked on ${longDate(ukDateOf(checked))}: it is looked at again within ${policy.registrationRecheckDays} days before the first shift, or when the renewal date has passed.`);
  };
}

export const registrationRules = (policy: Policy): Record<string, Rule[]> => ({
  'registration.cleared': [inOrder(applied), rightRegister, onRegister],
  'registration.reverified': [registered, recheckDue(policy), inOrder(happened('registration.cleared', 'the registration was first checked')), onRegister],
});

/**
 * Before the first shift worked (on `day`): a registration on record was checked within the
 * policy's days before it, and does not fall due for renewal first.
 */
export function registrationCurrentOn(context: JourneyContext, day: string, policy: Policy): Refusal | null {
  const reg = context.registration;
  if (!reg?.checkedAt) return null;
  if (reg.renewalDueOn && reg.renewalDueOn <= day) {
    return refuse('registration.renewalBeforeShift', `The registration falls due for renewal on ${longDate(reg.renewalDueOn)}, before the shift: check it has been renewed (registration.reverified).`);
  }
  const checked = ukDateOf(reg.checkedAt);
  if (addDays(checked, policy.registrationRecheckDays) < day) {
    return refuse('registration.recheckBeforeStart', `The register was last checked on ${longDate(checked)}: check it again (registration.reverified) no more than ${policy.registrationRecheckDays} days before the first shift.`);
  }
  return null;
}
