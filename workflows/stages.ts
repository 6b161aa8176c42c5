// Stages more than one programme passes through, written once. Each returns state configs that
// reference the named guards/actions/delays of `common.ts`.
import type { JourneyStatus, Owner, StateConfig, StateMeta } from './types.js';
import type { Policy } from './policy.js';

export const meta = (m: StateMeta) => ({ meta: m });
export const email = (template: string, to: 'candidate' | 'recruiter' | 'referees' | 'hr' | 'coordinator') =>
  ({ type: 'email', params: { template, to } }) as const;

/** Withdrawal and rejection are allowed from every state that is not final. */
export const exitTransitions: StateConfig = {
  withdrawn: { target: '.withdrawn', actions: [{ type: 'recordExit', params: { kind: 'withdrawn' } }, email('withdrawalConfirmed', 'candidate')] },
  rejected: { target: '.rejected', actions: [{ type: 'recordExit', params: { kind: 'rejected' } }, email('applicationUnsuccessful', 'candidate')] },
};

/**
 * Records that can come at any step once their own step has passed (their rules say when): the
 * originals of an identity verified by IDVT, the register checked again. They change context,
 * never the state.
 */
export const anytimeTransitions: StateConfig = {
  'identity.originalsSeen': { actions: ['recordOriginalsSeen'] },
  'registration.reverified': { actions: ['recordRegisterCheck'] },
};

/**
 * Statutory and mandatory training, on every programme: recorded at any step once the offer is
 * accepted (a module done elsewhere counts within its refresher interval). The domestic journey
 * also has a stage for it; international and HCSWD members work up to the grace weeks while
 * finishing it (see the first shift's rules).
 */
export const trainingAnytime: StateConfig = {
  trainingModuleCompleted: { actions: ['recordTrainingModule'] },
};

const finalState = (status: JourneyStatus, title: string, detail: string, stage: string = status): StateConfig => ({
  type: 'final' as const,
  ...meta({ title, detail, owner: 'none' as Owner, stage, status }),
});

export const exitStates: StateConfig = {
  withdrawn: finalState('withdrawn', 'Application withdrawn', 'You withdrew your application. You are welcome to apply again.'),
  rejected: finalState('rejected', 'Application unsuccessful', 'We are not able to take your application further this time.'),
  // Ends of the offer stage that end the journey. They sit at the top level because a final
  // state inside `offer` would only finish the stage and leave the journey active (machine v2).
  offerExpired: { id: 'offerExpired', ...finalState('closed', 'Offer expired', 'Your conditional offer expired before it was accepted.', 'closed') },
  offerDeclined: { id: 'offerDeclined', ...finalState('withdrawn', 'Offer declined', 'You declined the offer. You are welcome to apply again.', 'withdrawn') },
};

export const closedState = (title: string, detail: string) => finalState('closed', title, detail);

export const hiredState = finalState('hired', 'You have worked your first shift', 'Welcome to the bank. You can book shifts as they come up.', 'hired');

/** Conditional offer: accept, decline, or let it expire (a reminder goes out before it does). */
/** `acceptedEmail`: what the candidate is told next once they accept (checks, or pre-departure steps). */
export function offerStage(onAccept: string, policy: Policy, acceptedEmail = 'checksStarted'): StateConfig {
  return {
    initial: 'toMake',
    ...meta({ title: 'Offer', detail: 'Your conditional offer.', owner: 'recruiter', stage: 'offer' }),
    states: {
      toMake: {
        ...meta({ title: 'Preparing your offer', detail: 'You passed the interview. We are preparing your conditional offer.', owner: 'recruiter' }),
        on: { offerMade: { target: 'offered', actions: [{ type: 'recordOffer', params: { expiryDays: policy.offerExpiryDays } }, email('conditionalOffer', 'candidate')] } },
      },
      offered: {
        ...meta({ title: 'Conditional offer made', detail: 'Please accept or decline your conditional offer before it expires.', owner: 'candidate', dueDays: policy.offerExpiryDays }),
        after: {
          offerReminder: { actions: [email('offerExpiring', 'candidate')] },
          offerExpiry: { target: '#offerExpired', actions: [email('offerExpired', 'candidate')] },
        },
        on: {
          offerAccepted: { target: onAccept, actions: ['recordAcceptance', email(acceptedEmail, 'candidate')] },
          offerDeclined: { target: '#offerDeclined', actions: [{ type: 'recordExit', params: { kind: 'withdrawn' } }] },
        },
      },
    },
  };
}

export { trainingModules } from './vocabulary.js';

/** Four weeks after clearance with training unfinished: a reminder (the grace rule stops bookings). */
const trainingTarget: StateConfig = {
  trainingTarget: { guard: 'trainingOutstanding', actions: [email('trainingOverdue', 'candidate'), email('trainingOverdue', 'recruiter')] },
};

/** Ready to work → first shift booked → first shift worked (hired). */
export function firstShiftStages(readyTitle: string): StateConfig {
  return {
    readyToWork: {
      ...meta({ title: readyTitle, detail: 'You are cleared to work. We are booking your first shift.', owner: 'recruiter', stage: 'ready', dueDays: 7 }),
      entry: ['recordReady', email('readyToWork', 'candidate')],
      after: trainingTarget,
      on: { firstShiftBooked: { target: 'firstShiftBooked', actions: ['recordFirstShift', email('firstShiftBooked', 'candidate')] } },
    },
    firstShiftBooked: {
      ...meta({ title: 'First shift booked', detail: 'Your first shift is booked: see the date and ward in our email.', owner: 'candidate', stage: 'first_shift' }),
      after: trainingTarget,
      on: {
        firstShiftRebooked: { target: 'firstShiftBooked', actions: ['recordFirstShift', email('firstShiftBooked', 'candidate')] },
        // The hire opens the member's membership (workflows/membership/): a job in the same commit.
        firstShiftWorked: { target: 'hired', actions: [{ type: 'startMembership' }] },
      },
    },
    hired: hiredState,
  };
}

/** A values-based interview: scheduled (and rescheduled) by the recruiter, attended by the candidate. */
export function interviewStage(onPass: string, how: { detail: string; toSchedule: string; booked: string }): StateConfig {
  const invite = ['recordInterview', email('interviewInvitation', 'candidate')];
  return {
    initial: 'toSchedule',
    ...meta({ title: 'Interview', detail: how.detail, owner: 'recruiter', stage: 'interview' }),
    states: {
      toSchedule: {
        ...meta({ title: 'Arranging your interview', detail: how.toSchedule, owner: 'recruiter', dueDays: 5 }),
        on: {
          interviewScheduled: { target: 'scheduled', actions: invite },
          // The recruiter may offer times instead; the candidate picks one in the portal, and the
          // invitation goes to both.
          interviewSlotsOffered: { actions: ['recordInterviewSlots', email('interviewSlotsOffered', 'candidate')] },
          interviewSlotChosen: { target: 'scheduled', actions: ['recordChosenSlot', email('interviewInvitation', 'candidate'), email('interviewBooked', 'recruiter')] },
        },
      },
      scheduled: {
        ...meta({ title: 'Interview booked', detail: how.booked, owner: 'candidate' }),
        on: { interviewRescheduled: { target: 'scheduled', actions: invite }, interviewPassed: onPass },
      },
    },
  };
}

/** The application, received: the recruiter screens it next. The words are the programme's own. */
export const appliedState = (detail: string): StateConfig => ({
  ...meta({ title: 'Application received', detail, owner: 'recruiter', stage: 'application', dueDays: 3 }),
  entry: [email('applicationReceived', 'candidate')],
  on: { screeningStarted: 'screening' },
});
