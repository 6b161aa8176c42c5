// Domestic bank membership: nurses, midwives, HCAs, AHPs, scientists, social workers, doctors and
// non-clinical staff already living in the UK. Substantive staff of a partner trust take a short
// route (right to work + confirmation of post); unregistered HCAs without 6 months' care
// experience are redirected to the HCSWD programme.
import { setup } from 'xstate';
import { commonActions, commonDelays, commonGuards, initialContext, policyActions, type JourneyEvent } from './common.js';
import { checkRegions } from './checks.js';
import { type Policy, defaultPolicy } from './policy.js';
import { refuse, ruleGuard } from './refusal.js';
import { meetsStandard, standardise } from './standardise.js';
import { anytimeTransitions, trainingAnytime, email, exitStates, exitTransitions, firstShiftStages, meta, offerStage, interviewStage, appliedState } from './stages.js';
import type { JourneyContext, JourneyInput } from './types.js';

type Args = { context: JourneyContext; event: JourneyEvent };

export const domesticGuards = {
  ...commonGuards,
  substantive: ({ event }: Args) => event.substantive === true,
  needsHcswd: ruleGuard(({ context, event }: Args) =>
    context.profession === 'healthcare_assistant' && Number(event.careExperienceMonths ?? 0) < 6 && event.substantive !== true ? null
      : refuse('screening.hcswdRedirect', 'Only an unregistered healthcare assistant with under 6 months’ UK care experience in the last 2 years moves to the HCSWD programme.', 'careExperienceMonths')),
};

export function domesticMachine(policy: Policy = defaultPolicy) {
  return setup({
    types: { context: {} as JourneyContext, events: {} as JourneyEvent, input: {} as JourneyInput },
    guards: { ...domesticGuards, meetsStandard: meetsStandard(policy, domesticGuards) },
    actions: { ...commonActions, ...policyActions(policy) },
    delays: commonDelays(policy),
  }).createMachine(standardise({
    id: 'domestic',
    context: initialContext,
    initial: 'applied',
    on: { ...exitTransitions, ...anytimeTransitions, ...trainingAnytime },
    states: {
      applied: appliedState('We have your application and will review it shortly.'),
      screening: {
        ...meta({ title: 'Checking your eligibility', detail: 'We are checking your experience, registration and eligibility for the bank.', owner: 'recruiter', stage: 'screening', dueDays: 5 }),
        on: {
          screeningPassed: [
            { guard: 'substantive', target: 'checks', actions: ['recordRoute', email('checksStarted', 'candidate')] },
            { guard: 'eligibleForBank', target: 'interview', actions: ['recordRoute'] },
          ],
          redirectedToHcswd: {
            guard: 'needsHcswd', target: 'redirectedToHcswd',
            actions: ['recordRoute', { type: 'startProgramme', params: { programme: 'hcswd' } }, email('redirectedToHcswd', 'candidate')],
          },
        },
      },
      interview: interviewStage('#domestic.offer', {
        detail: 'A values-based interview.',
        toSchedule: 'You are through screening. We will invite you to a values-based interview.',
        booked: 'Please come to your interview at the time and place in our invitation.',
      }),
      offer: offerStage('#domestic.checks', policy),
      checks: {
        type: 'parallel',
        ...meta({ title: 'Pre-employment checks', detail: 'The six NHS pre-employment checks.', owner: 'recruiter', stage: 'checks' }),
        // Substantive staff skip all but right to work and references (confirmation of post).
        states: checkRegions({ rightToWork: 'always', references: 'always' }),
        onDone: { target: 'registrationAgreement', actions: [email('checksCleared', 'candidate')] },
      },
      registrationAgreement: {
        ...meta({ title: 'Sign your bank agreement', detail: 'Your checks are complete. Please read and sign your bank registration agreement.', owner: 'candidate', stage: 'onboarding', dueDays: 7 }),
        on: { agreementSigned: 'enrolment' },
      },
      enrolment: {
        ...meta({ title: 'Setting you up', detail: 'We are setting you up on the bank, rostering and payroll systems.', owner: 'recruiter', stage: 'onboarding', dueDays: 5 }),
        on: { enrolled: { target: 'training', actions: [email('trainingDue', 'candidate')] } },
      },
      training: {
        ...meta({ title: 'Statutory and mandatory training', detail: 'Please complete your statutory and mandatory training modules online.', owner: 'candidate', stage: 'training', dueDays: 28 }),
        // Modules may be recorded from the offer on: all done already, the journey moves straight on.
        always: { guard: 'trainingComplete', target: 'readyToWork' },
        on: {
          trainingModuleCompleted: [
            { guard: 'lastTrainingModule', target: 'readyToWork', actions: ['recordTrainingModule'] },
            { actions: ['recordTrainingModule'] },
          ],
        },
      },
      ...firstShiftStages('Ready to work'),
      redirectedToHcswd: {
        type: 'final',
        ...meta({ title: 'Moved to our support worker programme', detail: 'We have moved your application to our Healthcare Support Worker Development programme, which trains you on the job.', owner: 'none', stage: 'closed', status: 'closed' }),
      },
      ...exitStates,
    },
  }));
}

export type DomesticMachine = ReturnType<typeof domesticMachine>;
