// Healthcare Support Worker Development (HCSWD): people without 6 months' care experience are
// screened, assessed (values-based interview + literacy and numeracy tests), offered, checked, then
// trained on the job: classroom induction, shadow shifts, paid supervised work while the 15 Care
// Certificate standards are signed off, and trust sign-off after the minimum hours. Graduates
// become full bank members as healthcare support workers.
import { setup } from 'xstate';
import { commonActions, commonDelays, commonGuards, initialContext, policyActions, update, type JourneyEvent } from './common.js';
import { checkRegions } from './checks.js';
import { type Policy, days, defaultPolicy } from './policy.js';
import { refuse, ruleGuard } from './refusal.js';
import { meetsStandard, standardise } from './standardise.js';
import { anytimeTransitions, trainingAnytime, email, exitStates, exitTransitions, firstShiftStages, meta, offerStage, appliedState } from './stages.js';
import type { JourneyContext, JourneyInput, StateConfig } from './types.js';
import { type CareCertificateStandard, careCertificateStandards } from './vocabulary.js';
import { happenedAt } from './when.js';

type Args = { context: JourneyContext; event: JourneyEvent };

export { careCertificateStandards, type CareCertificateStandard } from './vocabulary.js';

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

const allStandardsSignedOff = (context: JourneyContext, standard?: string) =>
  careCertificateStandards.every((s) => s === standard || context.careStandardsSignedOff.includes(s));

const standardWords = (s: string) => careCertificateStandardTitles[s as CareCertificateStandard] ?? s;

export const hcswdGuards = {
  ...commonGuards,
  /** Values, right to work and availability; no care experience is needed. */
  passesHcswdScreening: ruleGuard(({ event }: Args, params: { minWeeklyHours: number }) => {
    if (event.sharesNhsValues !== true) return refuse('hcswd.values', 'The candidate must share the NHS values.', 'sharesNhsValues');
    if (event.rightToWork !== true) return refuse('hcswd.rightToWork', 'The candidate must have the right to work in the UK.', 'rightToWork');
    return Number(event.weeklyHoursAvailable ?? 0) >= params.minWeeklyHours ? null
      : refuse('hcswd.weeklyHours', `Paid supervised work needs at least ${params.minWeeklyHours} hours a week.`, 'weeklyHoursAvailable');
  }),
  // Attendance is measured against the length the candidate was booked on, which came from policy.
  inductionAttended: ruleGuard(({ context, event }: Args) =>
    context.induction && Number(event.daysAttended ?? 0) >= context.induction.days ? null
      : refuse('hcswd.inductionAttendance', `Every day of the classroom induction must be attended (${context.induction?.days ?? '?'} days).`, 'daysAttended')),
  shadowShiftsDone: ruleGuard(({ context, event }: Args) =>
    context.supervisedPractice && Number(event.daysCompleted ?? 0) >= context.supervisedPractice.days ? null
      : refuse('hcswd.shadowShifts', `Every booked day of supervised ward practice must be completed (${context.supervisedPractice?.days ?? '?'} days).`, 'daysCompleted')),
  careStandardOutstanding: ruleGuard(({ context, event }: Args) =>
    context.careStandardsSignedOff.includes(String(event.standard))
      ? refuse('hcswd.standardRecorded', `${standardWords(String(event.standard))} is already signed off.`, 'standard') : null),
  /** Branch: this standard completes the Care Certificate. */
  lastCareStandard: ({ context, event }: Args) =>
    !context.careStandardsSignedOff.includes(String(event.standard)) && allStandardsSignedOff(context, String(event.standard)),
  /** The hours required were fixed from policy when paid supervised work started. */
  readyForTrustSignOff: ruleGuard(({ context, event }: Args) => {
    if (!allStandardsSignedOff(context)) return refuse('hcswd.careCertificate', `All ${careCertificateStandards.length} Care Certificate standards must be signed off first (${context.careStandardsSignedOff.length} are).`);
    const required = context.traineeship?.hoursRequired ?? 0;
    return Number(event.hoursWorked ?? 0) >= required ? null
      : refuse('hcswd.minimumHours', `The trust signs a trainee off after at least ${required} supervised hours.`, 'hoursWorked');
  }),
};

export const hcswdActions = {
  ...commonActions,
  recordAvailability: update(({ event }) => ({ weeklyHoursAvailable: Number(event.weeklyHoursAvailable) })),
  recordAssessmentBooking: update(({ event }) => ({ interview: { at: String(event.assessmentAt), location: String(event.location) } })),
  recordAssessmentResult: update(({ event }) => ({
    assessment: { literacyScore: Number(event.literacyScore), numeracyScore: Number(event.numeracyScore), passedAt: happenedAt(event) },
  })),
  recordInductionBooking: update(({ event }, params: { days: number }) => ({
    induction: { startDate: String(event.startDate), venue: String(event.venue), days: params.days },
  })),
  recordInductionCompleted: update(({ context, event }) => ({
    ...(context.induction ? { induction: { ...context.induction, completedAt: happenedAt(event) } } : {}),
  })),
  recordShadowShiftBooking: update(({ event }, params: { days: number }) => ({
    supervisedPractice: { startDate: String(event.startDate), ward: String(event.ward), days: params.days },
  })),
  recordShadowShiftsCompleted: update(({ context, event }) => ({
    ...(context.supervisedPractice ? { supervisedPractice: { ...context.supervisedPractice, completedAt: happenedAt(event) } } : {}),
  })),
  // Paid supervised work begins when the shadow shifts end (the event that enters the stage).
  startTraineeship: update(({ event }, params: { hoursRequired: number }) => ({
    traineeship: { startedAt: happenedAt(event), hoursRequired: params.hoursRequired },
  })),
  recordCareStandard: update(({ context, event }) => ({
    careStandardsSignedOff: [...new Set([...context.careStandardsSignedOff, String(event.standard)])],
  })),
  recordTrustSignOff: update(({ context, event }) => ({
    traineeship: {
      startedAt: context.traineeship?.startedAt ?? happenedAt(event),
      hoursRequired: context.traineeship?.hoursRequired ?? Number(event.hoursWorked),
      hoursWorked: Number(event.hoursWorked),
      signedOffAt: happenedAt(event),
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

/** The six checks: support workers are on no professional register; every other check applies. */
function hcswdCheckRegions(): StateConfig {
  return checkRegions({ identity: 'always', rightToWork: 'always', references: 'always', dbs: 'always', workHealth: 'always', registration: 'never' });
}

export function hcswdMachine(policy: Policy = defaultPolicy) {
  const standardsCount = careCertificateStandards.length;
  return setup({
    types: { context: {} as JourneyContext, events: {} as JourneyEvent, input: {} as JourneyInput },
    guards: { ...hcswdGuards, meetsStandard: meetsStandard(policy, hcswdGuards) },
    actions: { ...hcswdActions, ...policyActions(policy) },
    delays: hcswdDelays(policy),
  }).createMachine(standardise({
    id: 'hcswd',
    context: initialContext,
    initial: 'applied',
    on: { ...exitTransitions, ...anytimeTransitions, ...trainingAnytime },
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
              // The pass marks (every value, literacy, numeracy) are the event's rules (standards/journey.ts).
              assessmentPassed: { target: '#hcswd.offer', actions: ['recordAssessmentResult'] },
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
  }));
}

export type HcswdMachine = ReturnType<typeof hcswdMachine>;
