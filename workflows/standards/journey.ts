// Rules of the steps every programme shares: screening, the values-based interview (the six NHS
// Constitution values scored; literacy and numeracy for healthcare assistants), the offer, the
// statutory and mandatory training (in date by each subject's refresher interval) and the first
// shift (booked while right to work and registration hold, worked no earlier than booked).
import type { Policy } from '../policy.js';
import { type Rule, refuse } from '../refusal.js';
import { checkNames, type JourneyContext } from '../types.js';
import { type TrainingModule, trainingModules } from '../vocabulary.js';
import { addDays, addMonths, dayOf, longDate, ukDateOf } from '../when.js';
import { applied, happened, inOrder, latestOf } from './dates.js';
import { originalsSeenBeforeStart } from './identity.js';
import { registrationCurrentOn } from './registration.js';

export const nhsValues = ['workingTogether', 'respectAndDignity', 'commitmentToQuality', 'compassion', 'improvingLives', 'everyoneCounts'] as const;
const valueWords: Record<string, string> = {
  workingTogether: 'working together for patients', respectAndDignity: 'respect and dignity', commitmentToQuality: 'commitment to quality of care',
  compassion: 'compassion', improvingLives: 'improving lives', everyoneCounts: 'everyone counts',
};

/** Every one of the six values scored at least the pass mark (`field` holds the scores). */
export function valuesPass(passMark: number, field: string): Rule {
  return (_, event) => {
    const scores = (event[field] ?? {}) as Record<string, number>;
    for (const value of nhsValues) {
      const score = scores[value];
      if (typeof score !== 'number') return refuse('interview.valuesScored', `Score all six NHS values: ${valueWords[value]} has no score.`, `${field}.${value}`);
      if (score < passMark) return refuse('interview.valuesPassMark', `Every NHS value must score at least ${passMark}: ${valueWords[value]} scored ${score}.`, `${field}.${value}`);
    }
    return null;
  };
}

/** Literacy and numeracy tests at or above their pass marks (required when `required`). */
export function testsPass(policy: Policy, required: (c: JourneyContext) => boolean): Rule {
  return (context, event) => {
    for (const [field, mark, name] of [['literacyScore', policy.hcswdLiteracyPassMark, 'literacy'], ['numeracyScore', policy.hcswdNumeracyPassMark, 'numeracy']] as const) {
      const score = event[field];
      if (typeof score !== 'number') {
        if (required(context)) return refuse('interview.literacyNumeracy', `A ${context.profession === 'healthcare_assistant' ? 'healthcare assistant' : 'support worker'} also sits the ${name} test: give its score.`, field);
        continue;
      }
      if (score < mark) return refuse('interview.literacyNumeracy', `The ${name} test pass mark is ${mark}%: the score was ${score}%.`, field);
    }
    return null;
  };
}

/** The day of a booked interview or assessment: an interview cannot be passed before it. */
const interviewDay = { what: 'the interview', date: (c: JourneyContext) => c.interview?.at };

/**
 * Accepted within the offer's life. An acceptance recorded the day it happens is the timer's to
 * judge (an offer still open has not expired); one recorded late must fall before the expiry.
 */
const offerNotExpired: Rule = (context, event) => {
  const expires = context.offer?.expiresAt;
  const day = dayOf(event);
  if (!expires || day === ukDateOf(event.at)) return null;
  return day > ukDateOf(expires) ? refuse('offer.expired', `The offer expired on ${longDate(ukDateOf(expires))}: it cannot have been accepted on ${longDate(day)}.`, 'occurredOn') : null;
};

const offerMadeBy = (c: JourneyContext) => c.offer?.madeAt;

function trainingInDate(policy: Policy): Rule {
  return (context, event) => {
    const module = String(event.module) as TrainingModule;
    if (context.trainingCompleted.includes(module)) return refuse('training.alreadyRecorded', `${words(module)} is already recorded.`, 'module');
    const years = policy.trainingRefresherYears[module];
    const day = dayOf(event);
    if (years && addMonths(day, 12 * years) <= ukDateOf(event.at)) {
      return refuse('training.expired', `${words(module)} must be refreshed every ${years} year${years === 1 ? '' : 's'}: a completion on ${longDate(day)} has expired.`, 'occurredOn');
    }
    return null;
  };
}

const words = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

const afterOfferAccepted: Rule = (context) =>
  context.offer?.acceptedAt !== undefined || context.route === 'substantive' ? null
    : refuse('training.afterOffer', 'Training is recorded once the conditional offer has been accepted.');

export const trainingComplete = (context: JourneyContext): boolean => trainingModules.every((m) => context.trainingCompleted.includes(m));

/** The day the candidate became ready to work (cleared), if known. */
const readyDay = (c: JourneyContext) => (c.readyAt ? ukDateOf(c.readyAt) : undefined);

/** A first shift: not before the candidate was cleared, inside the right to work and registration, and the training grace. */
function shiftBookable(policy: Policy): Rule {
  return (context, event) => {
    const date = String(event.date);
    const ready = readyDay(context);
    if (ready && date < ready) return refuse('firstShift.beforeReady', `The first shift cannot be before the candidate was cleared to work (${longDate(ready)}).`, 'date');
    const rtw = context.rightToWorkCheck;
    if (rtw?.permissionExpiresOn && date >= rtw.permissionExpiresOn) {
      return refuse('rightToWork.permissionEndsBeforeShift', `The permission to work ends on ${longDate(rtw.permissionExpiresOn)}: no shift on or after it until a follow-up check shows it continues.`, 'date');
    }
    const renewal = context.registration?.renewalDueOn;
    if (renewal && date >= renewal) return refuse('registration.renewalBeforeShift', `The registration falls due for renewal on ${longDate(renewal)}: check it has been renewed (registration.reverified) before booking this shift.`, 'date');
    if (!trainingComplete(context) && ready && date > addDays(ready, 7 * policy.trainingGraceWeeks)) {
      return refuse('training.graceEnded', `A new member may work up to ${policy.trainingGraceWeeks} weeks after clearance (to ${longDate(addDays(ready, 7 * policy.trainingGraceWeeks))}) while finishing statutory and mandatory training; after that no shift is booked until it is done.`, 'date');
    }
    return null;
  };
}

function shiftWorked(policy: Policy): Rule {
  return (context, event) => originalsSeenBeforeStart(context, event) ?? registrationCurrentOn(context, dayOf(event), policy);
}

const bookedShift = { what: 'the day the shift was booked for', date: (c: JourneyContext) => c.firstShift?.date };
const checksCleared = latestOf('the last check was cleared', ...checkNames.flatMap((c) => [`${c}.cleared`, `${c}.waived`]));

export const journeyRules = (policy: Policy): Record<string, Rule[]> => ({
  screeningPassed: [inOrder(applied)],
  hcswdScreeningPassed: [inOrder(applied)],
  internationalScreeningPassed: [inOrder(applied)],
  interviewPassed: [inOrder(happened('screeningPassed', 'screening was passed'), happened('internationalScreeningPassed', 'screening was passed'), interviewDay), valuesPass(policy.interviewValuesPassMark, 'scores'), testsPass(policy, (c) => c.profession === 'healthcare_assistant')],
  assessmentPassed: [inOrder(happened('hcswdScreeningPassed', 'screening was passed'), interviewDay), valuesPass(policy.hcswdValuesPassMark, 'valueScores'), testsPass(policy, () => true)],
  offerMade: [inOrder(happened('interviewPassed', 'the interview was passed'), happened('assessmentPassed', 'the assessment was passed'))],
  offerAccepted: [inOrder({ what: 'the offer was made', date: offerMadeBy }), offerNotExpired],
  offerDeclined: [inOrder({ what: 'the offer was made', date: offerMadeBy })],
  agreementSigned: [inOrder(checksCleared)],
  enrolled: [inOrder(happened('agreementSigned', 'the bank agreement was signed'))],
  trainingModuleCompleted: [afterOfferAccepted, inOrder(), trainingInDate(policy)],
  firstShiftBooked: [shiftBookable(policy)],
  firstShiftRebooked: [shiftBookable(policy)],
  firstShiftWorked: [inOrder(bookedShift), shiftWorked(policy)],
  // Each check's steps: on or after the application (documents may be seen at interview). A
  // check's own rules (standards/<check>.ts) replace these where they say more.
  ...Object.fromEntries(checkNames.flatMap((c) => ['submitted', 'referred', 'returned', 'failed'].map((step) => [`${c}.${step}`, [inOrder(applied)]]))),
});

