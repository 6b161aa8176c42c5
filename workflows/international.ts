// International recruitment: nurses, midwives, AHPs, doctors and other regulated professionals
// recruited from overseas and sponsored on a Health and Care Worker visa (DOMAIN.md,
// "International nurse pathway"). The route follows the profession (see `routeFor`):
//   nmc  — English → CBT (abroad) → NMC application → decision letter → sponsorship, TB, visa →
//          travel → arrival checks → pre-registration post (Band 3/4) → OSCE → PIN → Band 5;
//   hcpc — English → regulator's international scrutiny (no exam) → UK registration number →
//          sponsorship … arrival checks → ready to work (no pre-registration period);
//   gmc  — English at GMC thresholds → PLAB 1 → PLAB 2 → GMC registration with a licence →
//          sponsorship … arrival checks → ready to work.
// The employer side (screening, remote interview, conditional offer) comes first for everyone.
//
// Deadlines that span several board columns (sponsorship limit, OSCE target, English validity)
// are `after` timers on each state they cover, with delays computed from the deadline's start
// date in context and the `at` of the event entering the state: leaving one column and entering
// the next reschedules the same deadline for the time that is left, never a fresh period.
import { setup } from 'xstate';
import { commonActions, commonDelays, commonGuards, initialContext, policyActions, remaining, update, type JourneyEvent } from './common.js';
import { checkRegions } from './checks.js';
import { type Policy, days, defaultPolicy, months } from './policy.js';
import { refuse, ruleGuard } from './refusal.js';
import { meetsEnglishStandard, registerFor } from './rules.js';
import { meetsStandard, standardise } from './standardise.js';
import { attemptProblem, combine, englishFor, englishResultOf, internationalRules, keepableSitting } from './standards/international.js';
import { anytimeTransitions, trainingAnytime, closedState, email, exitStates, exitTransitions, firstShiftStages, meta, offerStage, interviewStage, appliedState } from './stages.js';
import type { JourneyContext, JourneyInput, Profession, Route, StateConfig } from './types.js';
import { daysFrom, happenedAt, ukDateOf, whenOf } from './when.js';

type Args = { context: JourneyContext; event: JourneyEvent };
type Exam = 'cbt' | 'osce';
type RegulatedRoute = 'nmc' | 'hcpc' | 'gmc';

export { internationalRules, remaining };

/**
 * The route follows the profession's UK regulator. Pharmacists (GPhC) and social workers (Social
 * Work England) are treated like the HCPC professions: one overseas application to their
 * regulator, scrutiny, then a UK registration number checked against that regulator's format
 * (for pharmacists any adaptation course or assessment the GPhC sets sits inside that step).
 * Unregistered roles (healthcare assistants, non-clinical staff) cannot be sponsored through
 * this programme: they keep route 'standard' and screening cannot pass them.
 */
export function routeFor(profession: Profession): Route {
  switch (registerFor(profession)) {
    case 'NMC': return 'nmc';
    case 'GMC': return 'gmc';
    case null: return 'standard';
    default: return 'hcpc';
  }
}

export const internationalContext = ({ input }: { input: JourneyInput }): JourneyContext => ({
  ...initialContext({ input }),
  route: routeFor(input.profession),
});

export function internationalGuards(policy: Policy) {
  const attemptsOf = (context: JourneyContext, exam: Exam) => (exam === 'cbt' ? context.cbtAttempts : context.osceAttempts);
  const maxOf = (exam: Exam) => (exam === 'cbt' ? policy.cbtMaxAttempts : policy.osceMaxAttempts);
  const attemptCheck = ({ context, event }: Args, params: { exam: Exam }) => {
    const date = String(event.date);
    // An OSCE result is for the booked sitting: it cannot be dated before it.
    if (params.exam === 'osce' && context.osceBooking && date < context.osceBooking.date) {
      return refuse('osce.beforeSitting', `The OSCE result is for the sitting booked on ${context.osceBooking.date}: it cannot be dated before it.`, 'date');
    }
    return attemptProblem(attemptsOf(context, params.exam), date, event.at, maxOf(params.exam), policy.minDaysBetweenAttempts, params.exam.toUpperCase());
  };
  return {
    ...commonGuards,
    internationallyRecruitable: ruleGuard(({ context }: Args) => (context.route === 'nmc' || context.route === 'hcpc' || context.route === 'gmc' ? null
      : refuse('international.regulatedOnly', 'Only regulated professions (NMC, HCPC, GMC, GPhC, Social Work England) can be sponsored through this programme.'))),
    onRoute: ({ context }: Args, params: { route: RegulatedRoute }) => context.route === params.route,
    /** A result for this route: meets its regulator's standard (NMC: alone or with a kept sitting) and is still valid. */
    englishAccepted: ruleGuard(({ context, event }: Args, params: { route: RegulatedRoute }) => {
      if (context.route !== params.route) return false;
      const found = englishFor(params.route, context, event, policy);
      return 'result' in found ? null : found;
    }),
    /** NMC: a sitting short of the standard alone, with no score below 6.5 / C+, kept to combine. */
    englishSittingKept: ({ context, event }: Args) => keepableSitting(context, event, policy),
    attemptAllowed: ruleGuard(attemptCheck),
    /** This failed attempt is the last one allowed: the application closes. */
    finalAttemptFailed: ruleGuard((args: Args, params: { exam: Exam }) => attemptCheck(args, params)
      ?? (attemptsOf(args.context, params.exam).filter((a) => !a.passed).length + 1 >= maxOf(params.exam) ? null : false)),
    examDateNotInFuture: ruleGuard(({ event }: Args) => (String(event.date) <= ukDateOf(event.at) ? null
      : refuse('when.notInFuture', `The exam date (${String(event.date)}) cannot be in the future.`, 'date'))),
    /** OSCE: decision letter first, booked ≥ lead days ahead, on a date a new attempt is allowed. */
    osceBookable: ruleGuard(({ context, event }: Args) => {
      if (context.decisionLetterAt === undefined) return refuse('osce.decisionLetterFirst', 'The OSCE can be booked only once the NMC decision letter exists.');
      const date = String(event.date);
      if (daysFrom(event.at, `${date}T12:00:00.000Z`) < policy.osceBookingLeadDays) return refuse('osce.bookingLead', `The OSCE is booked at least ${policy.osceBookingLeadDays} days ahead.`, 'date');
      const fails = context.osceAttempts.filter((a) => !a.passed).length;
      if (fails >= policy.osceMaxAttempts) return refuse('exam.maxAttempts', `The OSCE allows ${policy.osceMaxAttempts} attempts.`, 'date');
      const last = context.osceAttempts.at(-1);
      return last && daysFrom(`${last.date}T12:00:00.000Z`, `${date}T12:00:00.000Z`) < policy.minDaysBetweenAttempts
        ? refuse('exam.gap', `Attempts are at least ${policy.minDaysBetweenAttempts} days apart: the last OSCE was on ${last.date}.`, 'date') : null;
    }),
    awaitingNmcRegistration: ({ context }: Args) => context.route === 'nmc' && context.registration?.body !== 'NMC',
    osceTargetAtRisk: ({ context }: Args) =>
      context.route === 'nmc' && context.osceAttempts.length === 0 && context.osceTargetMissed !== true,
  };
}

export const internationalActions = {
  ...commonActions,
  /** The result that counts: this sitting, or (NMC) its combination with a kept one, dated from the earlier. */
  recordEnglishTest: update(({ context, event }) => {
    const result = englishResultOf(event);
    const route = context.route as RegulatedRoute;
    const combined = meetsEnglishStandard(result, route) ? result
      : (context.englishSittings ?? []).map((kept) => combine(kept, result)).find((c) => c && meetsEnglishStandard(c, route)) ?? result;
    return { englishTest: { type: result.type, date: combined.date }, englishSittings: [] };
  }),
  recordEnglishSitting: update(({ context, event }) => ({ englishSittings: [...(context.englishSittings ?? []), englishResultOf(event)] })),
  clearEnglishTest: update(() => ({ englishTest: undefined, englishSittings: [] })),
  recordAttempt: update(({ context, event }, params: { exam: Exam; passed: boolean }) => {
    const attempt = { date: String(event.date), passed: params.passed };
    return params.exam === 'cbt' ? { cbtAttempts: [...context.cbtAttempts, attempt] } : { osceAttempts: [...context.osceAttempts, attempt] };
  }),
  recordDecisionLetter: update(({ event }) => ({ decisionLetterAt: happenedAt(event) })),
  recordTbCertificate: update(({ event }) => ({ tbXrayDate: String(event.xrayDate) })),
  recordVisa: update(({ event }) => ({ visa: { validFrom: String(event.validFrom), validUntil: String(event.validUntil) } })),
  recordFlight: update(({ event }) => ({ flightDate: String(event.flightDate) })),
  recordArrival: update(({ event }) => ({ arrivedAt: happenedAt(event) })),
  recordOsceBooking: update(({ event }) => ({ osceBooking: { date: String(event.date), centre: String(event.centre) } })),
  recordOsceTargetMissed: update(() => ({ osceTargetMissed: true })),
  recordPin: update(({ event }) => ({ registration: { body: 'NMC', number: String(event.pin), status: 'registered', checkedAt: happenedAt(event) } })),
  /** Closures decided by a rule or a timer, not by a person: the reason is the rule's. */
  recordClosure: update((_, params: { reason: string }) => ({ exit: { kind: 'closed' as const, reason: params.reason } })),
};

export function internationalDelays(policy: Policy) {
  return {
    ...commonDelays(policy),
    englishValidity: ({ context, event }: Args) =>
      remaining(context.englishTest?.date, months(policy.englishValidityMonths), event.at),
    sponsorshipLimit: ({ context, event }: Args) =>
      remaining(context.arrivedAt, months(policy.sponsorshipLimitMonths), event.at),
    osceTarget: ({ context, event }: Args) => remaining(context.arrivedAt, days(7 * policy.osceTargetWeeks), event.at),
    // The visa must follow within 3 months of the CoS: counted from the day it was assigned.
    cosValidity: ({ context, event }: Args) => remaining(whenOf(context, 'cosAssigned'), months(internationalRules.cosValidityMonths), event.at),
  };
}

/** Until the registration application is in, an expired English result sends the candidate back. */
const englishExpiry: StateConfig = {
  englishValidity: {
    target: '#international.english',
    actions: ['clearEnglishTest', email('englishExpired', 'candidate'), email('englishExpired', 'coordinator')],
  },
};

/** From arrival until the NMC PIN: the sponsorship clock. Ends the journey, by design. */
const sponsorshipClock = (policy: Policy): StateConfig => ({
  sponsorshipLimit: {
    guard: 'awaitingNmcRegistration',
    target: '#international.sponsorshipEnded',
    actions: [
      { type: 'recordClosure', params: { reason: `Sponsorship ended: NMC registration not reached within ${policy.sponsorshipLimitMonths} months of arrival` } },
      email('sponsorshipEnded', 'candidate'), email('sponsorshipEnded', 'coordinator'),
    ],
  },
});

/** The employer's OSCE target: an alert and a flag, never the end of the journey. */
const osceTargetAlert: StateConfig = {
  osceTarget: {
    guard: 'osceTargetAtRisk',
    actions: ['recordOsceTargetMissed', email('osceTargetMissed', 'coordinator'), email('osceTargetMissed', 'recruiter')],
  },
};

/** Submitted to a regulator: it may ask questions, refuse, or move on (`onDecision`). */
function regulatorReview(regulator: string, dueDays: number, onDecision: StateConfig): StateConfig {
  return {
    submitted: {
      ...meta({ title: `Application with the ${regulator}`, detail: `Your application is with the ${regulator}. We will tell you as soon as they reply.`, owner: 'third_party', dueDays }),
      on: {
        ...onDecision,
        regulatorQueryRaised: { target: 'query', actions: [email('regulatorQuery', 'candidate')] },
        regulatorRefused: {
          target: '#international.registrationRefused',
          actions: [{ type: 'recordExit', params: { kind: 'closed' } }, email('registrationRefused', 'candidate'), email('registrationRefused', 'coordinator')],
        },
      },
    },
    query: {
      ...meta({ title: `The ${regulator} needs more information`, detail: `The ${regulator} has asked a question about your application: please answer it (see our message).`, owner: 'candidate' }),
      on: { regulatorQueryAnswered: 'submitted' },
    },
  };
}

/** Overseas application to the HCPC (or GPhC, Social Work England) or the GMC: no test of competence. */
function registrationStage(regulator: string, stage: string, preparingDetail: string, dueDays: number): StateConfig {
  return {
    initial: 'preparing',
    ...meta({ title: `${regulator} registration`, detail: `Your application to the ${regulator}.`, owner: 'candidate', stage }),
    states: {
      preparing: {
        ...meta({ title: `Apply to the ${regulator}`, detail: preparingDetail, owner: 'candidate', dueDays: 60 }),
        after: englishExpiry,
        on: { regulatorApplicationSubmitted: { target: 'submitted', actions: [email('regulatorApplicationSubmitted', 'coordinator')] } },
      },
      ...regulatorReview(regulator, dueDays, { regulatorApproved: { target: 'approved', actions: [email('regulatorApproved', 'candidate')] } }),
      approved: {
        ...meta({ title: `Approved by the ${regulator}`, detail: `The ${regulator} has approved your application. Please complete the last step they ask for (usually the registration fee) so they can give you your UK registration number.`, owner: 'candidate' }),
        on: {
          regulatorRegistered: {
            target: '#international.preDeparture',
            actions: ['recordRegistration', email('registrationGranted', 'candidate'), email('registrationGranted', 'coordinator')],
          },
        },
      },
    },
  };
}

export function internationalMachine(policy: Policy = defaultPolicy) {
  const toEnglishRoute = (route: RegulatedRoute, target: string) => ({
    guard: { type: 'englishAccepted' as const, params: { route } },
    target,
    actions: ['recordEnglishTest' as const, email('englishAccepted', 'candidate')],
  });
  const englishResult = [
    toEnglishRoute('nmc', 'cbt'), toEnglishRoute('hcpc', 'regulatorScrutiny'), toEnglishRoute('gmc', 'plab1'),
    { guard: 'englishSittingKept' as const, actions: ['recordEnglishSitting' as const] },
  ];
  const timersInUk = { ...sponsorshipClock(policy), ...osceTargetAlert };
  const osceResultEmails = [email('osceResult', 'candidate'), email('osceResult', 'coordinator')];
  const guards = internationalGuards(policy);
  const osceBooking = { guard: 'osceBookable' as const, actions: ['recordOsceBooking' as const, email('osceBooked', 'candidate'), email('osceBooked', 'coordinator')] };

  return setup({
    types: { context: {} as JourneyContext, events: {} as JourneyEvent, input: {} as JourneyInput },
    guards: { ...guards, meetsStandard: meetsStandard(policy, guards) },
    actions: { ...internationalActions, ...policyActions(policy) },
    delays: internationalDelays(policy),
  }).createMachine(standardise({
    id: 'international',
    context: internationalContext,
    initial: 'applied',
    on: { ...exitTransitions, ...anytimeTransitions, ...trainingAnytime },
    states: {
      applied: appliedState('We have your application to join us from overseas and will review it shortly.'),
      screening: {
        ...meta({ title: 'Checking your eligibility', detail: 'We are checking your qualification, experience and eligibility for sponsorship.', owner: 'recruiter', stage: 'screening', dueDays: 5 }),
        on: { internationalScreeningPassed: { guard: 'internationallyRecruitable', target: 'interview' } },
      },
      interview: interviewStage('#international.offer', {
        detail: 'A values-based interview by video call.',
        toSchedule: 'You are through screening. We will invite you to a values-based interview by video call.',
        booked: 'Please join your video interview at the time in our invitation.',
      }),
      offer: offerStage('#international.english', policy, 'internationalNextSteps'),
      english: {
        ...meta({ title: 'English language test', detail: 'Please take IELTS Academic or OET and send us your results. Your regulator sets the scores you need, and results count for 2 years.', owner: 'candidate', stage: 'english' }),
        on: { ieltsResult: englishResult, oetResult: englishResult },
      },

      // NMC route: test of competence part 1, abroad.
      cbt: {
        initial: 'firstAttempt',
        ...meta({ title: 'Computer-based test (CBT)', detail: `The NMC test of competence part 1, taken in your country. You have up to ${policy.cbtMaxAttempts} attempts, at least ${policy.minDaysBetweenAttempts} days apart.`, owner: 'candidate', stage: 'cbt' }),
        after: englishExpiry,
        on: {
          cbtPassed: {
            guard: { type: 'attemptAllowed', params: { exam: 'cbt' } },
            target: 'nmcApplication',
            actions: [{ type: 'recordAttempt', params: { exam: 'cbt', passed: true } }, email('cbtResult', 'candidate'), email('cbtResult', 'coordinator')],
          },
          cbtFailed: [
            {
              guard: { type: 'finalAttemptFailed', params: { exam: 'cbt' } },
              target: 'cbtClosed',
              actions: [
                { type: 'recordAttempt', params: { exam: 'cbt', passed: false } },
                { type: 'recordClosure', params: { reason: `CBT failed ${policy.cbtMaxAttempts} times: NMC application closed (6-month bar)` } },
                email('applicationClosed', 'candidate'), email('applicationClosed', 'coordinator'),
              ],
            },
            {
              guard: { type: 'attemptAllowed', params: { exam: 'cbt' } },
              target: '.resit',
              actions: [{ type: 'recordAttempt', params: { exam: 'cbt', passed: false } }, email('cbtResult', 'candidate'), email('cbtResult', 'coordinator')],
            },
          ],
        },
        states: {
          firstAttempt: {
            ...meta({ title: 'Book and sit your CBT', detail: 'Book the NMC computer-based test at a test centre near you and tell us the result.', owner: 'candidate' }),
          },
          resit: {
            ...meta({ title: 'CBT resit', detail: `You did not pass this time. You can resit at least ${policy.minDaysBetweenAttempts} days after your last attempt; please book and tell us the result.`, owner: 'candidate' }),
          },
        },
      },
      cbtClosed: closedState(
        'NMC application closed',
        `You did not pass the CBT in ${policy.cbtMaxAttempts} attempts, so the NMC has closed your application. You can apply to the NMC again after 6 months.`,
      ),
      nmcApplication: {
        initial: 'preparing',
        ...meta({ title: 'NMC registration application', detail: 'Your application to the Nursing and Midwifery Council.', owner: 'candidate', stage: 'nmc_application' }),
        states: {
          preparing: {
            ...meta({ title: 'Apply to the NMC', detail: 'Please send your NMC registration application: a health reference from the last 6 months and a police certificate for every country you lived in for 12 months or more in the last 10 years.', owner: 'candidate', dueDays: 60 }),
            after: englishExpiry,
            on: { nmcApplicationSubmitted: { target: 'submitted', actions: [email('nmcApplicationSubmitted', 'coordinator')] } },
          },
          ...regulatorReview('NMC', 60, {
            decisionLetterIssued: {
              target: '#international.preDeparture',
              actions: ['recordDecisionLetter', email('decisionLetterReceived', 'candidate'), email('decisionLetterReceived', 'coordinator')],
            },
          }),
        },
      },

      // HCPC route (and GPhC, Social Work England): international scrutiny, no exam.
      regulatorScrutiny: registrationStage(
        'regulator', 'regulator_scrutiny',
        'Please apply to your UK regulator (the HCPC for allied health professionals) for international scrutiny of your qualification. There is no exam; the review takes about 60 working days.',
        84,
      ),

      // GMC route: PLAB 1 abroad, PLAB 2 in Manchester, then registration with a licence to practise.
      plab1: {
        ...meta({ title: 'PLAB 1', detail: 'Please book and sit PLAB part 1 (a written exam, taken in your country) and tell us the result.', owner: 'candidate', stage: 'plab' }),
        after: englishExpiry,
        on: {
          plab1Passed: { guard: 'examDateNotInFuture', target: 'plab2', actions: [email('plabResult', 'candidate'), email('plabResult', 'coordinator')] },
          plab1Failed: { guard: 'examDateNotInFuture', actions: [email('plabResult', 'candidate')] },
        },
      },
      plab2: {
        ...meta({ title: 'PLAB 2', detail: 'Please book and sit PLAB part 2 (a clinical exam at the GMC assessment centre in Manchester) and tell us the result.', owner: 'candidate', stage: 'plab' }),
        after: englishExpiry,
        on: {
          plab2Passed: { guard: 'examDateNotInFuture', target: 'gmcRegistration', actions: [email('plabResult', 'candidate'), email('plabResult', 'coordinator')] },
          plab2Failed: { guard: 'examDateNotInFuture', actions: [email('plabResult', 'candidate')] },
        },
      },
      gmcRegistration: registrationStage(
        'GMC', 'gmc_registration',
        'Please apply to the GMC for registration with a licence to practise, using your PLAB results.',
        30,
      ),
      registrationRefused: closedState('Registration refused', 'The regulator has refused your application, so we cannot sponsor you for this role. Your coordinator will contact you.'),

      // Sponsorship, TB certificate and visa: every route.
      preDeparture: {
        initial: 'cos',
        ...meta({ title: 'Sponsorship and visa', detail: 'Your Certificate of Sponsorship, TB certificate and Health and Care Worker visa.', owner: 'coordinator', stage: 'pre_departure' }),
        states: {
          cos: {
            ...meta({ title: 'Preparing your sponsorship', detail: 'We are assigning your Certificate of Sponsorship (CoS).', owner: 'coordinator', dueDays: 10 }),
            on: { cosAssigned: { target: 'sponsored', actions: [email('cosAssigned', 'candidate')] } },
          },
          sponsored: {
            initial: 'tbCertificate',
            ...meta({ title: 'Certificate of Sponsorship assigned', detail: `Your visa application must follow within ${internationalRules.cosValidityMonths} months of your Certificate of Sponsorship.`, owner: 'candidate' }),
            after: { cosValidity: { target: 'cos', actions: [email('cosExpired', 'candidate'), email('cosExpired', 'coordinator')] } },
            states: {
              tbCertificate: {
                ...meta({ title: 'TB test', detail: 'Please have a chest X-ray at a Home Office approved clinic and send us your TB certificate. It is valid for 6 months from the X-ray.', owner: 'candidate', dueDays: 14 }),
                on: { tbCertificateIssued: { target: 'visaToApply', actions: ['recordTbCertificate'] } },
              },
              visaToApply: {
                ...meta({ title: 'Apply for your visa', detail: 'Please apply for your Health and Care Worker visa using your Certificate of Sponsorship, NMC or regulator letter and TB certificate.', owner: 'candidate', dueDays: 14 }),
                on: { visaApplied: { target: '#international.preDeparture.visaPending', actions: [email('visaApplied', 'coordinator')] } },
              },
            },
          },
          visaPending: {
            ...meta({ title: 'Visa decision', detail: 'Your visa application is with the Home Office. Decisions from abroad take about 3 weeks.', owner: 'third_party', dueDays: 21 }),
            on: {
              visaGranted: { target: '#international.travel', actions: ['recordVisa', email('visaGranted', 'candidate'), email('visaGranted', 'coordinator')] },
              visaRefused: { target: 'visaRefused', actions: [email('visaRefused', 'candidate'), email('visaRefused', 'coordinator')] },
            },
          },
          // A CoS is used for one application: a new one is assigned before reapplying.
          visaRefused: {
            ...meta({ title: 'Visa refused', detail: 'Your visa was refused. We will contact you about applying again with a new Certificate of Sponsorship.', owner: 'coordinator' }),
            on: { cosAssigned: { target: 'sponsored', actions: [email('cosAssigned', 'candidate')] } },
          },
        },
      },
      travel: {
        initial: 'toBook',
        ...meta({ title: 'Travel to the UK', detail: 'Your flight, airport pickup and first accommodation.', owner: 'coordinator', stage: 'travel' }),
        states: {
          toBook: {
            ...meta({ title: 'Booking your travel', detail: 'Your visa is granted. We are booking your flight, airport pickup and accommodation.', owner: 'coordinator', dueDays: 14 }),
            on: { travelBooked: { target: 'booked', actions: ['recordFlight', email('travelBooked', 'candidate')] } },
          },
          booked: {
            ...meta({ title: 'Travel booked', detail: 'Your flight is booked. We will meet you at the airport and take you to your accommodation.', owner: 'candidate' }),
            on: {
              travelRebooked: { target: 'booked', actions: ['recordFlight', email('travelBooked', 'candidate')] },
              arrivedInUk: {
                target: '#international.arrivalChecks',
                actions: ['recordArrival', email('arrivalWelcome', 'candidate'), email('candidateArrived', 'coordinator'), email('candidateArrived', 'recruiter')],
              },
            },
          },
        },
      },

      // In the UK: the six checks in person (ID originals, eVisa right to work, UK DBS, OH).
      arrivalChecks: {
        initial: 'checks',
        ...meta({ title: 'Arrival and pre-employment checks', detail: 'Welcome to the UK. We will see your documents in person, check your eVisa, apply for your UK DBS check and book your occupational health appointment.', owner: 'recruiter', stage: 'arrival_checks' }),
        after: timersInUk,
        states: {
          checks: {
            type: 'parallel',
            ...meta({ title: 'Pre-employment checks', detail: 'The six NHS pre-employment checks.', owner: 'recruiter' }),
            // Only registration varies: NMC-route nurses register through the OSCE and PIN steps.
            states: checkRegions({ identity: 'always', rightToWork: 'always', references: 'always', dbs: 'always', workHealth: 'always' }),
            onDone: [
              { guard: { type: 'onRoute', params: { route: 'nmc' } }, target: 'cleared', actions: [email('checksCleared', 'candidate')] },
              { target: '#international.readyToWork', actions: [email('checksCleared', 'candidate')] },
            ],
          },
          cleared: {
            ...meta({ title: 'Checks complete', detail: 'Your checks are complete. We are arranging your pre-registration post while you prepare for the OSCE.', owner: 'recruiter', dueDays: 5 }),
            on: { preRegistrationStarted: { target: '#international.preRegistration', actions: [email('preRegistrationStarted', 'candidate')] } },
          },
        },
      },
      preRegistration: {
        ...meta({ title: 'Pre-registration post and OSCE preparation', detail: 'You are working in a Band 3 or 4 pre-registration post and taking the OSCE preparation course (3 to 8 weeks). We will book your OSCE at least 14 days ahead.', owner: 'coordinator', stage: 'pre_registration', dueDays: 56 }),
        after: timersInUk,
        on: { osceBooked: { ...osceBooking, target: 'osce' } },
      },
      osce: {
        initial: 'booked',
        ...meta({ title: 'OSCE', detail: `The NMC test of competence part 2, at a UK test centre. Up to ${policy.osceMaxAttempts} attempts, at least ${policy.minDaysBetweenAttempts} days apart.`, owner: 'candidate', stage: 'osce' }),
        after: timersInUk,
        states: {
          booked: {
            ...meta({ title: 'OSCE booked', detail: 'Your OSCE is booked: see the date and centre in our email. Bring your passport: the NMC checks your ID on the day of your first attempt. Results come within 5 working days.', owner: 'candidate' }),
            on: {
              osceRebooked: osceBooking,
              oscePassed: {
                guard: { type: 'attemptAllowed', params: { exam: 'osce' } },
                target: '#international.pin',
                actions: [{ type: 'recordAttempt', params: { exam: 'osce', passed: true } }, ...osceResultEmails],
              },
              osceFailed: [
                {
                  guard: { type: 'finalAttemptFailed', params: { exam: 'osce' } },
                  target: '#international.osceClosed',
                  actions: [
                    { type: 'recordAttempt', params: { exam: 'osce', passed: false } },
                    { type: 'recordClosure', params: { reason: `OSCE failed ${policy.osceMaxAttempts} times: NMC application closed (6-month bar), sponsorship as a nurse ended` } },
                    ...osceResultEmails, email('applicationClosed', 'candidate'), email('applicationClosed', 'coordinator'),
                  ],
                },
                {
                  guard: { type: 'attemptAllowed', params: { exam: 'osce' } },
                  target: 'resitToBook',
                  actions: [{ type: 'recordAttempt', params: { exam: 'osce', passed: false } }, ...osceResultEmails],
                },
              ],
            },
          },
          resitToBook: {
            ...meta({ title: 'OSCE resit', detail: `You did not pass every station. You resit only the stations you did not pass, at least ${policy.minDaysBetweenAttempts} days after your last attempt; we are booking your resit.`, owner: 'coordinator', dueDays: 7 }),
            on: { osceBooked: { ...osceBooking, target: 'booked' } },
          },
        },
      },
      osceClosed: closedState(
        'NMC application closed',
        `You did not pass the OSCE in ${policy.osceMaxAttempts} attempts, so the NMC has closed your application and your sponsorship as a nurse cannot continue. You can apply to the NMC again after 6 months.`,
      ),
      pin: {
        ...meta({ title: 'Joining the NMC register', detail: 'You passed the OSCE. The NMC is adding you to the register and will send your PIN.', owner: 'third_party', stage: 'pin', dueDays: 14 }),
        after: sponsorshipClock(policy),
        on: { pinIssued: { target: 'band5', actions: ['recordPin', email('pinIssued', 'candidate'), email('pinIssued', 'recruiter')] } },
      },
      band5: {
        ...meta({ title: 'Registered: moving to Band 5', detail: 'You are on the NMC register. We are moving you to a Band 5 registered nurse or midwife contract.', owner: 'recruiter', stage: 'band5', dueDays: 7 }),
        on: { movedToBand5: { target: 'readyToWork', actions: [email('band5Confirmed', 'candidate')] } },
      },
      sponsorshipEnded: closedState(
        'Sponsorship ended',
        `You did not reach NMC registration within ${policy.sponsorshipLimitMonths} months of arriving, so your sponsorship as a nurse has ended. Your coordinator will talk to you about what happens next.`,
      ),
      ...firstShiftStages('Ready to work'),
      ...exitStates,
    },
  }));
}

export type InternationalMachine = ReturnType<typeof internationalMachine>;
