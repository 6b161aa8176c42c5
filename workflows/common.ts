// Guards, actions and delays shared by the three programme machines. Each machine's `setup`
// spreads these, so a rule is written once and named the same everywhere.
import { assign } from 'xstate';
import type { CheckName, JourneyContext, JourneyInput, Referee } from './types.js';
import { type Policy, days } from './policy.js';
import { isRegisteredProfession, isValidRegistration } from './rules.js';

/** Events reach machines already validated by the engine's zod schemas and stamped with `at`. */
export interface JourneyEvent { type: string; at: string; [field: string]: unknown }

type Args = { context: JourneyContext; event: JourneyEvent };

/** `assign` with the journey's types spelled out, so shared actions fit every machine's setup. */
export const update = <P = undefined>(fn: (args: Args, params: P) => Partial<JourneyContext>) =>
  assign<JourneyContext, JourneyEvent, P, JourneyEvent, never>(fn as never);

export const initialContext = ({ input }: { input: JourneyInput }): JourneyContext => ({
  programme: input.programme,
  profession: input.profession,
  route: 'standard',
  startedAt: input.at,
  referees: [],
  referencesReceived: [],
  referencesRequired: 2,
  trainingCompleted: [],
  careStandardsSignedOff: [],
  cbtAttempts: [],
  osceAttempts: [],
  waivers: [],
});

/** Which of the six checks a journey needs, from its programme, route and profession. */
export function checkRequired(ctx: JourneyContext, check: CheckName): boolean {
  if (ctx.route === 'substantive') return check === 'rightToWork' || check === 'references';
  if (check === 'registration') {
    // International nurses reach the register through the NMC steps (OSCE → PIN), not this check.
    if (ctx.route === 'nmc') return false;
    return ctx.programme !== 'hcswd' && isRegisteredProfession(ctx.profession);
  }
  return true;
}

export const commonGuards = {
  checkNotRequired: ({ context }: Args, params: { check: CheckName }) => !checkRequired(context, params.check),
  identityVerified: ({ context }: Args) => context.identityClearedAt !== undefined,
  offerAccepted: ({ context }: Args) => context.offer?.acceptedAt !== undefined || context.route === 'substantive',
  validRegistration: ({ context, event }: Args) =>
    isValidRegistration(context.profession, String(event.body ?? ''), String(event.number ?? '')),
  lastReferenceIn: ({ context, event }: Args) =>
    new Set([...context.referencesReceived, String(event.refereeEmail)]).size >= context.referencesRequired,
  refereeIsKnown: ({ context, event }: Args) =>
    context.referees.some((r) => r.email === event.refereeEmail) && !context.referencesReceived.includes(String(event.refereeEmail)),
  enoughReferees: ({ context, event }: Args) =>
    (event.referees as Referee[]).length + context.referencesReceived.length >= context.referencesRequired,
};

export const commonActions = {
  /** Named email action: the engine turns it into an email job in the same transaction. */
  email: (_: Args, _params: { template: string; to: 'candidate' | 'recruiter' | 'referees' | 'hr' | 'coordinator' }) => {},
  /** Asks the engine to open a journey on another programme for the same candidate. */
  startProgramme: (_: Args, _params: { programme: 'hcswd' }) => {},
  recordExit: update(({ event }: Args, params: { kind: 'withdrawn' | 'rejected' | 'closed' }) => ({
    exit: { kind: params.kind, reason: String(event.reason ?? 'not given') },
  })),
  recordRoute: update(({ context, event }: Args) => ({
    route: event.substantive === true ? ('substantive' as const) : context.route,
    referencesRequired: event.substantive === true ? 1 : context.referencesRequired,
    careExperienceMonths: typeof event.careExperienceMonths === 'number' ? event.careExperienceMonths : context.careExperienceMonths,
    registration: typeof event.number === 'string' ? { body: String(event.body), number: event.number } : context.registration,
  })),
  recordInterview: update(({ event }: Args) => ({ interview: { at: String(event.interviewAt), location: String(event.location) } })),
  recordOffer: update(({ event }: Args, params: { expiryDays: number }) => ({
    offer: { madeAt: event.at, expiresAt: new Date(Date.parse(event.at) + days(params.expiryDays)).toISOString(), ...(typeof event.band === 'string' ? { band: event.band } : {}) },
  })),
  recordAcceptance: update(({ context, event }: Args) => ({
    offer: context.offer ? { ...context.offer, acceptedAt: event.at } : { madeAt: event.at, expiresAt: event.at, acceptedAt: event.at },
  })),
  // DBS may start only once identity is verified: recorded here so the guard need not know where
  // the identity region sits in each machine.
  recordIdentityCleared: update(({ event }: Args) => ({ identityClearedAt: event.at })),
  recordRegistration: update(({ event }: Args) => ({ registration: { body: String(event.body), number: String(event.number) } })),
  recordReferees: update(({ context, event }: Args) => ({
    referees: [...context.referees.filter((r) => context.referencesReceived.includes(r.email)), ...(event.referees as Referee[])],
  })),
  recordReference: update(({ context, event }: Args) => ({
    referencesReceived: [...context.referencesReceived, String(event.refereeEmail)],
  })),
  recordWaiver: update(({ context, event }: Args, params: { check: CheckName }) => ({
    waivers: [...context.waivers, { check: params.check, approvedBy: String(event.approvedBy), reason: String(event.reason) }],
  })),
  recordTrainingModule: update(({ context, event }: Args) => ({
    trainingCompleted: [...new Set([...context.trainingCompleted, String(event.module)])],
  })),
  recordFirstShift: update(({ event }: Args) => ({ firstShift: { date: String(event.date), ward: String(event.ward) } })),
};

export function commonDelays(policy: Policy) {
  const [d1, d2, d3, d4] = policy.referenceChaseDays;
  const hr = Math.min(Math.max(policy.referenceHrAlertDay, d3), d4);
  return {
    offerReminder: days(policy.offerReminderDays),
    offerExpiry: days(policy.offerExpiryDays),
    referenceChase1: days(d1),
    referenceChase2: days(d2 - d1),
    referenceChase3: days(d3 - d2),
    referenceHrAlert: days(hr - d3),
    referenceGiveUp: days(d4 - hr),
  };
}
