// International recruitment (DOMAIN.md, "International nurse pathway"): English at the
// regulator's standard and less than 2 years old (two NMC sittings within 6 months may be
// combined if no score is below 6.5 / C+), CBT and OSCE attempts, the NMC application within 2
// years of the first test-of-competence pass with a recent health reference, the visa within 3
// months of the CoS and while the TB certificate is valid, arrival no earlier than the flight.
import type { Policy } from '../policy.js';
import { type Refusal, type Rule, refuse } from '../refusal.js';
import { type EnglishResult, meetsEnglishStandard, registrationProblem } from '../rules.js';
import type { Attempt, JourneyContext, Route } from '../types.js';
import { addMonths, dayOf, daysFrom, longDate, ukDateOf, whenOf } from '../when.js';
import { happened, inOrder } from './dates.js';

/** Home Office and regulator rules (DOMAIN.md): facts of law, not local policy choices. */
export const internationalRules = {
  /** The visa application must follow within 3 months of the Certificate of Sponsorship. */
  cosValidityMonths: 3,
  /** A TB certificate is valid for 6 months from the chest X-ray. */
  tbCertificateValidMonths: 6,
  /** The NMC health reference must be no older than 6 months. */
  healthReferenceValidMonths: 6,
  /** Everything must reach the NMC within 2 years of the first test-of-competence pass. */
  nmcApplicationWithinMonthsOfToC: 24,
  /** Two NMC English sittings may be combined if taken within 6 months of each other. */
  englishCombineWithinMonths: 6,
};

type RegulatedRoute = Extract<Route, 'nmc' | 'hcpc' | 'gmc'>;

export function englishResultOf(event: { type: string; [k: string]: unknown }): EnglishResult {
  const date = String(event.date);
  if (event.type === 'oetResult') {
    return { type: 'OET', date, listening: String(event.listening), reading: String(event.reading), writing: String(event.writing), speaking: String(event.speaking) };
  }
  return { type: 'IELTS', date, overall: Number(event.overall), listening: Number(event.listening), reading: Number(event.reading), writing: Number(event.writing), speaking: Number(event.speaking) };
}

const oetRank: Record<string, number> = { A: 6, B: 5, 'C+': 4, C: 3, D: 2, E: 1 };
const skills = ['listening', 'reading', 'writing', 'speaking'] as const;

/** No score in a sitting below 6.5 (IELTS, overall included) or C+ (OET): it may be combined. */
export function combinable(r: EnglishResult): boolean {
  if (r.type === 'IELTS') return [r.overall, ...skills.map((s) => r[s])].every((b) => b >= 6.5);
  return skills.every((s) => (oetRank[r[s]] ?? 0) >= oetRank['C+']!);
}

/** Two sittings of one test within 6 months, each combinable: the best score of each skill. */
export function combine(a: EnglishResult, b: EnglishResult): EnglishResult | null {
  if (a.type !== b.type || !combinable(a) || !combinable(b)) return null;
  const [first, second] = a.date <= b.date ? [a, b] : [b, a];
  if (addMonths(first.date, internationalRules.englishCombineWithinMonths) < second.date) return null;
  if (first.type === 'IELTS' && second.type === 'IELTS') {
    const best = (s: (typeof skills)[number] | 'overall') => Math.max(first[s], second[s]);
    return { type: 'IELTS', date: first.date, overall: best('overall'), listening: best('listening'), reading: best('reading'), writing: best('writing'), speaking: best('speaking') };
  }
  if (first.type === 'OET' && second.type === 'OET') {
    const best = (s: (typeof skills)[number]) => ((oetRank[first[s]] ?? 0) >= (oetRank[second[s]] ?? 0) ? first[s] : second[s]);
    return { type: 'OET', date: first.date, listening: best('listening'), reading: best('reading'), writing: best('writing'), speaking: best('speaking') };
  }
  return null;
}

const standards: Record<RegulatedRoute, Record<EnglishResult['type'], string>> = {
  nmc: { IELTS: 'IELTS 7.0 overall, 6.5 in writing and 7.0 in reading, listening and speaking', OET: 'OET B in reading, listening and speaking and C+ in writing' },
  gmc: { IELTS: 'IELTS 7.5 overall and 7.0 in each skill', OET: 'OET B in every skill' },
  hcpc: { IELTS: 'IELTS 7.0 overall and 6.5 in each skill', OET: 'OET B in every skill' },
};
const regulatorOf: Record<RegulatedRoute, string> = { nmc: 'The NMC', gmc: 'The GMC', hcpc: 'The regulator' };

/**
 * The result that counts for the route, on its own or (NMC) combined with a sitting kept
 * earlier; a refusal when none does. Null route: not this route's result (a branch).
 */
export function englishFor(route: RegulatedRoute, context: JourneyContext, event: { type: string; at: string; [k: string]: unknown }, policy: Policy): { result: EnglishResult } | Refusal {
  const result = englishResultOf(event);
  const today = ukDateOf(event.at);
  if (result.date > today) return refuse('when.notInFuture', `The test date (${longDate(result.date)}) cannot be in the future.`, 'date');
  const valid = (date: string) => addMonths(date, policy.englishValidityMonths) > today;
  if (!valid(result.date)) return refuse('english.expired', `English test results count for ${policy.englishValidityMonths} months: a test on ${longDate(result.date)} is too old.`, 'date');
  if (meetsEnglishStandard(result, route)) return { result };
  if (route === 'nmc') {
    for (const kept of context.englishSittings ?? []) {
      const combined = combine(kept, result);
      if (combined && valid(combined.date) && meetsEnglishStandard(combined, 'nmc')) return { result: combined };
    }
  }
  const combining = route === 'nmc'
    ? ` Two sittings within ${internationalRules.englishCombineWithinMonths} months can be combined when no score is below ${result.type === 'IELTS' ? '6.5' : 'C+'}${combinable(result) ? ': this sitting is kept until a second one completes it' : ''}.`
    : '';
  return refuse('english.standard', `${regulatorOf[route]} needs ${standards[route][result.type]}: this result does not reach it.${combining}`, shortfall(result, route));
}

/** The first score below the route's standard (the field to point at). */
function shortfall(r: EnglishResult, route: RegulatedRoute): string {
  if (r.type === 'IELTS') {
    const need = route === 'gmc' ? { overall: 7.5, listening: 7, reading: 7, writing: 7, speaking: 7 }
      : route === 'nmc' ? { overall: 7, listening: 7, reading: 7, writing: 6.5, speaking: 7 }
        : { overall: 7, listening: 6.5, reading: 6.5, writing: 6.5, speaking: 6.5 };
    return (Object.keys(need) as (keyof typeof need)[]).find((k) => r[k] < need[k]) ?? 'overall';
  }
  const need: Record<string, string> = route === 'nmc' ? { listening: 'B', reading: 'B', writing: 'C+', speaking: 'B' } : { listening: 'B', reading: 'B', writing: 'B', speaking: 'B' };
  return skills.find((k) => (oetRank[r[k]] ?? 0) < oetRank[need[k]!]!) ?? 'writing';
}

/** An NMC sitting that does not meet the standard alone but may be combined later. */
export function keepableSitting(context: JourneyContext, event: { type: string; at: string; [k: string]: unknown }, policy: Policy): boolean {
  const result = englishResultOf(event);
  return context.route === 'nmc' && combinable(result) && result.date <= ukDateOf(event.at)
    && addMonths(result.date, policy.englishValidityMonths) > ukDateOf(event.at) && !meetsEnglishStandard(result, 'nmc');
}

/** Why a new exam attempt on `date` is not allowed (too many fails, too soon, in the future). */
export function attemptProblem(attempts: Attempt[], date: string, at: string, max: number, gapDays: number, exam: string): Refusal | null {
  if (date > ukDateOf(at)) return refuse('when.notInFuture', `The ${exam} date (${longDate(date)}) cannot be in the future.`, 'date');
  const fails = attempts.filter((a) => !a.passed).length;
  if (fails >= max) return refuse('exam.maxAttempts', `The ${exam} allows ${max} attempts: ${fails} have already been failed.`, 'date');
  const last = attempts.at(-1);
  if (last && daysFrom(last.date, date) < gapDays) return refuse('exam.gap', `Attempts are at least ${gapDays} days apart: the last ${exam} was on ${longDate(last.date)}.`, 'date');
  return null;
}

const firstToCPass = (c: JourneyContext) => c.cbtAttempts.find((a) => a.passed)?.date;

const nmcApplicationInTime: Rule = (context, event) => {
  const day = dayOf(event);
  const pass = firstToCPass(context);
  if (pass && addMonths(pass, internationalRules.nmcApplicationWithinMonthsOfToC) < day) {
    return refuse('nmc.applicationWithinTwoYears', `Everything must reach the NMC within 2 years of the first test-of-competence pass (${longDate(pass)}): the application on ${longDate(day)} is too late.`, 'occurredOn');
  }
  const reference = String(event.healthReferenceDate);
  if (reference > day) return refuse('nmc.healthReference', `The health reference (${longDate(reference)}) cannot be dated after the application.`, 'healthReferenceDate');
  if (addMonths(reference, internationalRules.healthReferenceValidMonths) < day) {
    return refuse('nmc.healthReference', `The health reference must be less than ${internationalRules.healthReferenceValidMonths} months old when the application is made: it is dated ${longDate(reference)}.`, 'healthReferenceDate');
  }
  return null;
};

const tbCertificateValid: Rule = (_, event) => {
  const xray = String(event.xrayDate);
  const day = dayOf(event);
  if (xray > day) return refuse('tb.xrayDate', `The X-ray (${longDate(xray)}) cannot be after the certificate was received.`, 'xrayDate');
  if (addMonths(xray, internationalRules.tbCertificateValidMonths) < day) {
    return refuse('tb.expired', `A TB certificate is valid for ${internationalRules.tbCertificateValidMonths} months from the X-ray (${longDate(xray)}): this one has expired.`, 'xrayDate');
  }
  return null;
};

const visaInTime: Rule = (context, event) => {
  const day = dayOf(event);
  const cos = whenOf(context, 'cosAssigned');
  if (cos && addMonths(ukDateOf(cos), internationalRules.cosValidityMonths) < day) {
    return refuse('visa.withinThreeMonthsOfCos', `The visa application must follow within ${internationalRules.cosValidityMonths} months of the Certificate of Sponsorship (${longDate(ukDateOf(cos))}).`, 'occurredOn');
  }
  const xray = context.tbXrayDate;
  if (xray && addMonths(xray, internationalRules.tbCertificateValidMonths) < day) {
    return refuse('visa.tbCertificateExpired', `The TB certificate (X-ray ${longDate(xray)}) had expired by the visa application on ${longDate(day)}: a new one is needed.`, 'occurredOn');
  }
  return null;
};

const flightAhead: Rule = (_, event) => {
  const flight = String(event.flightDate);
  return flight < ukDateOf(event.at) ? refuse('travel.flightPast', `The flight date (${longDate(flight)}) cannot be in the past.`, 'flightDate') : null;
};

const withinVisa: Rule = (context, event) => {
  const day = dayOf(event);
  const visa = context.visa;
  if (visa && day < visa.validFrom) return refuse('arrival.beforeVisa', `The visa is valid from ${longDate(visa.validFrom)}: the candidate cannot have arrived on ${longDate(day)}.`, 'occurredOn');
  if (visa && day > visa.validUntil) return refuse('arrival.afterVisa', `The visa ended on ${longDate(visa.validUntil)}.`, 'occurredOn');
  return null;
};

function bandOffered(policy: Policy): Rule {
  return (_, event) => (policy.preRegistrationBands.includes(String(event.band)) ? null
    : refuse('preRegistration.band', `Pre-registration posts are Band ${policy.preRegistrationBands.join(' or ')}.`, 'band'));
}

const rightRegister: Rule = (context, event) => {
  const problem = registrationProblem(context.profession, String(event.body ?? ''), String(event.number ?? ''));
  if (problem) return problem;
  return context.route === 'gmc' && event.licenceToPractise !== true ? refuse('registration.licence', 'A doctor must be registered with a GMC licence to practise.', 'licenceToPractise') : null;
};

const validPin: Rule = (context, event) => {
  const problem = registrationProblem(context.profession, 'NMC', String(event.pin ?? ''));
  return problem ? { ...problem, field: 'pin' } : null;
};

const flightDay = { what: 'the flight', date: (c: JourneyContext) => c.flightDate };
const arrival = happened('arrivedInUk', 'the candidate arrived in the UK');

export const internationalRuleTable = (policy: Policy): Record<string, Rule[]> => ({
  nmcApplicationSubmitted: [inOrder(happened('cbtPassed', 'the CBT was passed')), nmcApplicationInTime],
  decisionLetterIssued: [inOrder(happened('nmcApplicationSubmitted', 'the NMC application was made'))],
  regulatorApplicationSubmitted: [inOrder(happened('plab2Passed', 'PLAB 2 was passed'))],
  regulatorQueryAnswered: [inOrder(happened('regulatorQueryRaised', 'the regulator asked'))],
  regulatorApproved: [inOrder(happened('regulatorApplicationSubmitted', 'the application was made'), happened('regulatorQueryAnswered', 'the regulator’s question was answered'))],
  regulatorRegistered: [inOrder(happened('regulatorApproved', 'the regulator approved the application')), rightRegister],
  regulatorRefused: [inOrder(happened('regulatorApplicationSubmitted', 'the application was made'), happened('nmcApplicationSubmitted', 'the application was made'))],
  plab2Passed: [inOrder(happened('plab1Passed', 'PLAB 1 was passed'))],
  plab2Failed: [inOrder(happened('plab1Passed', 'PLAB 1 was passed'))],
  cosAssigned: [inOrder(happened('decisionLetterIssued', 'the NMC decision letter'), happened('regulatorRegistered', 'UK registration'), happened('visaRefused', 'the visa was refused'))],
  tbCertificateIssued: [inOrder(), tbCertificateValid],
  visaApplied: [inOrder(happened('cosAssigned', 'the Certificate of Sponsorship was assigned'), happened('tbCertificateIssued', 'the TB certificate was received')), visaInTime],
  visaGranted: [inOrder(happened('visaApplied', 'the visa application'))],
  visaRefused: [inOrder(happened('visaApplied', 'the visa application'))],
  travelBooked: [flightAhead],
  travelRebooked: [flightAhead],
  arrivedInUk: [inOrder(flightDay, happened('visaGranted', 'the visa was granted')), withinVisa],
  preRegistrationStarted: [inOrder(arrival), bandOffered(policy)],
  pinIssued: [inOrder(happened('oscePassed', 'the OSCE was passed')), validPin],
  movedToBand5: [inOrder(happened('pinIssued', 'the PIN was issued'))],
});

