// Healthcare Support Worker Development (HCSWD): people without 6 months' care experience are
// screened, assessed (values-based interview + literacy and numeracy tests), offered, checked, then
// trained on the job: classroom induction, shadow shifts, paid supervised work while the 15 Care
// Certificate standards are signed off, and trust sign-off after the minimum hours. Graduates
// become full bank members as healthcare support workers.
import { setup } from 'xstate';
import { commonActions, commonDelays, commonGuards, initialContext, update, type JourneyEvent } from './common.js';
import { checkRegions } from './checks.js';
import { type Policy, days, defaultPolicy } from './policy.js';
import { email, exitStates, exitTransitions, firstShiftStages, meta, offerStage, appliedState } from './stages.js';
import type { JourneyContext, JourneyInput, StateConfig } from './types.js';

type Args = { context: JourneyContext; event: JourneyEvent };

/** The 15 Care Certificate standards, in the order they are usually taught. */
export const careCertificateStandards = [
  'understand_your_role', 'personal_development', 'duty_of_care', 'equality_and_diversity',
  'person_centred_working', 'communication', 'privacy_and_dignity', 'fluids_and_nutrition',
  'mental_health_dementia_learning_disability', 'safeguarding_adults', 'safeguarding_children',
  'basic_life_support', 'health_and_safety', 'handling_information', 'infection_prevention_and_control',
] as const;
export type CareCertificateStandard = (typeof careCertificateStandards)[number];

export const careCertificateStandardTitles: Record<CareCertificateStandard, string> = {
  understand_your_role: 'Understand your role',
  personal_development: 'Your personal development',
  duty_of_care: 'Duty of care',
  equality_and_diversity: 'Equality and diversity',
  person_centred_working: 'Work in a person-centred way',
  communication: 'Communication',
  privacy_and_dignity: 'Privacy and dignity',
  fluids_and_nutrition: 'Fluids and nutrition',
  mental_health_dementia_learning_disability: 'Awareness of mental health, dementia and learning disability',
  safeguarding_adults: 'Safeguarding adults',
  safeguarding_children: 'Safeguarding children',
  basic_life_support: 'Basic life support',
  health_and_safety: 'Health and safety',
  handling_information: 'Handling information',
  infection_prevention_and_control: 'Infection prevention and control',
};

/** Direct care needs an enhanced DBS check with the adults' barred list (DOMAIN.md). */
const dbsLevelsForDirectCare = ['enhanced_adults_barred', 'enhanced_both_barred'];

const allStandardsSignedOff = (context: JourneyContext, standard?: string) =>
  careCertificateStandards.every((s) => s === standard || context.careStandardsSignedOff.includes(s));

export const hcswdGuards = {
  ...commonGuards,
  /** Values, right to work and availability; no care experience is needed. */
  passesHcswdScreening: ({ event }: Args, params: { minWeeklyHours: number }) =>
    event.sharesNhsValues === true && event.rightToWork === true && Number(event.weeklyHoursAvailable ?? 0) >= params.minWeeklyHours,
  meetsAssessmentPassMarks: ({ event }: Args, params: { values: number; literacy: number; numeracy: number }) => {
    const scores = Object.values((event.valueScores ?? {}) as Record<string, number>);
    return scores.length === 6 && scores.every((s) => s >= params.values)
      && Number(event.literacyScore ?? 0) >= params.literacy && Number(event.numeracyScore ?? 0) >= params.numeracy;
  },
  // Attendance is measured against the length the candidate was booked on, which came from policy.
  inductionAttended: ({ context, event }: Args) =>
    context.induction !== undefined && Number(event.daysAttended ?? 0) >= context.induction.days,
  shadowShiftsDone: ({ context, event }: Args) =>
    context.supervisedPractice !== undefined && Number(event.daysCompleted ?? 0) >= context.supervisedPractice.days,
  dbsClearsForDirectCare: (args: Args) =>
    commonGuards.identityVerified(args) && dbsLevelsForDirectCare.includes(String(args.event.level)),
  careStandardOutstanding: ({ context, event }: Args) =>
    careCertificateStandards.includes(event.standard as CareCertificateStandard) && !context.careStandardsSignedOff.includes(String(event.standard)),
  lastCareStandard: ({ context, event }: Args) =>
    !context.careStandardsSignedOff.includes(String(event.standard)) && allStandardsSignedOff(context, String(event.standard)),
  /** The hours required were fixed from policy when paid supervised work started. */
  readyForTrustSignOff: ({ context, event }: Args) =>
    allStandardsSignedOff(context) && context.traineeship !== undefined && Number(event.hoursWorked ?? 0) >= context.traineeship.hoursRequired,
};

export const hcswdActions = {
  ...commonActions,
  recordAvailability: update(({ event }) => ({ weeklyHoursAvailable: Number(event.weeklyHoursAvailable) })),
  recordAssessmentBooking: update(({ event }) => ({ interview: { at: String(event.assessmentAt), location: String(event.location) } })),
  recordAssessmentResult: update(({ event }) => ({
    assessment: { literacyScore: Number(event.literacyScore), numeracyScore: Number(event.numeracyScore), passedAt: event.at },
  })),
  recordInductionBooking: update(({ event }, params: { days: number }) => ({
    induction: { startDate: String(event.startDate), venue: String(event.venue), days: params.days },
  })),
  recordInductionCompleted: update(({ context, event }) => ({
    ...(context.induction ? { induction: { ...context.induction, completedAt: event.at } } : {}),
  })),
  recordShadowShiftBooking: update(({ event }, params: { days: number }) => ({
    supervisedPractice: { startDate: String(event.startDate), ward: String(event.ward), days: params.days },
  })),
  recordShadowShiftsCompleted: update(({ context, event }) => ({
    ...(context.supervisedPractice ? { supervisedPractice: { ...context.supervisedPractice, completedAt: event.at } } : {}),
  })),
  startTraineeship: update(({ event }, params: { hoursRequired: number }) => ({
    traineeship: { startedAt: event.at, hoursRequired: params.hoursRequired },
  })),
  recordCareStandard: update(({ context, event }) => ({
    careStandardsSignedOff: [...new Set([...context.careStandardsSignedOff, String(event.standard)])],
  })),
  recordTrustSignOff: update(({ context, event }) => ({
    traineeship: {
      startedAt: context.traineeship?.startedAt ?? event.at,
      hoursRequired: context.traineeship?.hoursRequired ?? Number(event.hoursWorked),
      hoursWorked: Number(event.hoursWorked),
      signedOffAt: event.at,
      signedOffBy: String(event.signedOffBy),
    },
  })),
};

export function hcswdDelays(policy: Policy) {
  return {
    ...commonDelays(policy),
    careCertificateReminder: days(policy.hcswdCareCertificateWeeks * 7),
  };
}

/** The six checks, with the DBS clearance held to the level direct care needs. */
function hcswdCheckRegions(): StateConfig {
  // Support workers are on no professional register; every other check applies to everyone.
  const regions = checkRegions({ identity: 'always', rightToWork: 'always', references: 'always', dbs: 'always', workHealth: 'always', registration: 'never' });
  const received = regions.dbs.states.received;
  const clear = received.on['dbs.cleared'];
  return {
    ...regions,
    dbs: {
      ...regions.dbs,
      states: { ...regions.dbs.states, received: { ...received, on: { ...received.on, 'dbs.cleared': { ...clear, guard: 'dbsClearsForDirectCare' } } } },
    },
  };
}

export function hcswdMachine(policy: Policy = defaultPolicy) {
  const standardsCount = careCertificateStandards.length;
  return setup({
    types: { context: {} as JourneyContext, events: {} as JourneyEvent, input: {} as JourneyInput },
    guards: hcswdGuards,
    actions: hcswdActions,
    delays: hcswdDelays(policy),
  }).createMachine({
    id: 'hcswd',
    context: initialContext,
    initial: 'applied',
    on: exitTransitions,
    states: {
      applied: appliedState('Thank you for applying to train as a healthcare support worker. We will review your application shortly.'),
      screening: {
        ...meta({ title: 'Checking your application', detail: `We are checking your values, that you have the right to work in the UK and that you can work at least ${policy.hcswdMinWeeklyHours} hours a week. You do not need care experience.`, owner: 'recruiter', stage: 'screening', dueDays: 5 }),
        on: {
          hcswdScreeningPassed: {
            guard: { type: 'passesHcswdScreening', params: { minWeeklyHours: policy.hcswdMinWeeklyHours } },
            target: 'assessment',
            actions: ['recordAvailability'],
          },
        },
      },
      assessment: {
        initial: 'toSchedule',
        ...meta({ title: 'Assessment', detail: 'A values-based interview with short literacy and numeracy tests.', owner: 'recruiter', stage: 'assessment' }),
        states: {
          toSchedule: {
            ...meta({ title: 'Arranging your assessment', detail: 'You are through screening. We will invite you to an interview and short literacy and numeracy tests.', owner: 'recruiter', dueDays: 5 }),
            on: { assessmentScheduled: { target: 'scheduled', actions: ['recordAssessmentBooking', email('hcswdAssessmentInvitation', 'candidate')] } },
          },
          scheduled: {
            ...meta({ title: 'Assessment booked', detail: 'Please come to your interview and tests at the time and place in our invitation. The tests take about 30 minutes each.', owner: 'candidate' }),
            on: {
              assessmentRescheduled: { target: 'scheduled', actions: ['recordAssessmentBooking', email('hcswdAssessmentInvitation', 'candidate')] },
              assessmentPassed: {
                guard: {
                  type: 'meetsAssessmentPassMarks',
                  params: { values: policy.hcswdValuesPassMark, literacy: policy.hcswdLiteracyPassMark, numeracy: policy.hcswdNumeracyPassMark },
                },
                target: '#hcswd.offer',
                actions: ['recordAssessmentResult'],
              },
            },
          },
        },
      },
      offer: offerStage('#hcswd.checks', policy),
      checks: {
        type: 'parallel',
        ...meta({ title: 'Pre-employment checks', detail: 'The NHS pre-employment checks, including an enhanced DBS check.', owner: 'recruiter', stage: 'checks' }),
        states: hcswdCheckRegions(),
        onDone: { target: 'induction', actions: [email('checksCleared', 'candidate')] },
      },
      induction: {
        initial: 'toBook',
        ...meta({ title: 'Classroom induction', detail: `${policy.hcswdInductionDays} days of classroom induction.`, owner: 'recruiter', stage: 'induction' }),
        states: {
          toBook: {
            ...meta({ title: 'Booking your induction', detail: `Your checks are complete. We are booking your place on ${policy.hcswdInductionDays} days of classroom induction.`, owner: 'recruiter', dueDays: 7 }),
            on: { inductionBooked: { target: 'booked', actions: [{ type: 'recordInductionBooking', params: { days: policy.hcswdInductionDays } }, email('inductionJoiningInstructions', 'candidate')] } },
          },
          booked: {
            ...meta({ title: 'Induction booked', detail: `Please come to all ${policy.hcswdInductionDays} days of classroom induction, starting on the date in your joining instructions.`, owner: 'candidate' }),
            on: {
              inductionRebooked: { target: 'booked', actions: [{ type: 'recordInductionBooking', params: { days: policy.hcswdInductionDays } }, email('inductionJoiningInstructions', 'candidate')] },
              inductionCompleted: { guard: 'inductionAttended', target: '#hcswd.supervisedPractice', actions: ['recordInductionCompleted'] },
            },
          },
        },
      },
      supervisedPractice: {
        initial: 'toBook',
        ...meta({ title: 'Supervised ward practice', detail: `${policy.hcswdShadowShiftDays} days of shadow shifts on a ward.`, owner: 'recruiter', stage: 'supervised_practice' }),
        states: {
          toBook: {
            ...meta({ title: 'Booking your shadow shifts', detail: `You have finished induction. We are booking ${policy.hcswdShadowShiftDays} days of shadow shifts on a ward, working alongside experienced staff.`, owner: 'recruiter', dueDays: 7 }),
            on: { shadowShiftsBooked: { target: 'booked', actions: [{ type: 'recordShadowShiftBooking', params: { days: policy.hcswdShadowShiftDays } }, email('shadowShiftsBooked', 'candidate')] } },
          },
          booked: {
            ...meta({ title: 'Shadow shifts booked', detail: 'Please go to your shadow shifts on the ward and dates in our email. You will work alongside experienced staff and will not be counted in the numbers.', owner: 'candidate' }),
            on: {
              shadowShiftsRebooked: { target: 'booked', actions: [{ type: 'recordShadowShiftBooking', params: { days: policy.hcswdShadowShiftDays } }, email('shadowShiftsBooked', 'candidate')] },
              shadowShiftsCompleted: { guard: 'shadowShiftsDone', target: '#hcswd.careCertificate', actions: ['recordShadowShiftsCompleted'] },
            },
          },
        },
      },
      careCertificate: {
        ...meta({
          title: 'Trainee support worker: Care Certificate',
          detail: `You are working paid, supervised shifts. Your assessor signs off each of the ${standardsCount} Care Certificate standards as you show them; you work without supervision in an area only once its standard is signed off.`,
          owner: 'candidate', stage: 'care_certificate', dueDays: policy.hcswdCareCertificateWeeks * 7,
        }),
        entry: [{ type: 'startTraineeship', params: { hoursRequired: policy.hcswdSignOffMinHours } }, email('traineeStarted', 'candidate')],
        // A reminder, not a deadline: the trainee keeps working while the standards are finished.
        after: { careCertificateReminder: { actions: [email('careCertificateOverdue', 'candidate'), email('careCertificateOverdue', 'recruiter')] } },
        on: {
          careStandardSignedOff: [
            { guard: 'lastCareStandard', target: 'signOff', actions: ['recordCareStandard', email('careCertificateComplete', 'candidate'), email('careCertificateComplete', 'recruiter')] },
            { guard: 'careStandardOutstanding', actions: ['recordCareStandard', email('careStandardSignedOff', 'candidate')] },
          ],
        },
      },
      signOff: {
        ...meta({
          title: 'Waiting for trust sign-off',
          detail: `You have completed the Care Certificate. Keep working your supervised shifts: the trust signs you off once you have worked at least ${policy.hcswdSignOffMinHours} hours.`,
          owner: 'recruiter', stage: 'sign_off',
        }),
        on: {
          trustSignedOff: { guard: 'readyForTrustSignOff', target: 'readyToWork', actions: ['recordTrustSignOff', email('hcswdGraduated', 'candidate')] },
        },
      },
      ...firstShiftStages('Graduated healthcare support worker'),
      ...exitStates,
    },
  });
}

export type HcswdMachine = ReturnType<typeof hcswdMachine>;
