// Guards, actions and delays shared by the three programme machines. Each machine's `setup`
// spreads these, so a rule is written once and named the same everywhere. Event-level rules (the
// evidence standards, "when it happened") are not here: `meetsStandard` applies them to every
// transition (standardise.ts, standards/).
import { assign } from 'xstate';
import type { CheckName, HistoryGap, JourneyContext, JourneyInput, Referee } from './types.js';
import { type Policy, days } from './policy.js';
import { type Rule, refuse, ruleGuard } from './refusal.js';
import { isRegisteredProfession, registrationProblem } from './rules.js';
import { concernsIn, coverageOf, refereeAsked, refereesAfter } from './standards/references.js';
import { trainingComplete } from './standards/journey.js';
import { dayOf, happenedAt, ukDateOf } from './when.js';

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
  when: {},
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

const guard = (check: Rule) => ruleGuard(({ context, event }: Args) => check(context, event));

/** Full bank membership: 6 months' UK care experience in the last 2 years; registered roles a valid number. */
export const eligibleForBank: Rule = (context, event) => {
  if (isRegisteredProfession(context.profession)) {
    const problem = registrationProblem(context.profession, String(event.body ?? ''), String(event.number ?? ''));
    if (problem) return problem;
  }
  if (context.profession === 'non_clinical' || Number(event.careExperienceMonths ?? 0) >= 6) return null;
  return refuse('screening.careExperience', context.profession === 'healthcare_assistant'
    ? 'Full bank membership needs 6 months’ UK care experience in the last 2 years: a healthcare assistant without it joins the HCSWD programme (redirectedToHcswd).'
    : 'Full bank membership needs 6 months’ UK care experience in the last 2 years.', 'careExperienceMonths');
};

export const commonGuards = {
  checkNotRequired: ({ context }: Args, params: { check: CheckName }) => !checkRequired(context, params.check),
  identityVerified: guard((context) => (context.identityClearedAt !== undefined ? null
    : refuse('dbs.identityFirst', 'A DBS check can only be sent or cleared once the identity check is cleared.'))),
  offerAccepted: guard((context) => (context.offer?.acceptedAt !== undefined || context.route === 'substantive' ? null
    : refuse('workHealth.afterOffer', 'Occupational health questions come only after a conditional offer is accepted (Equality Act 2010 s.60).'))),
  eligibleForBank: guard(eligibleForBank),
  refereeIsKnown: guard(refereeAsked),
  /** Branch: this reference makes up the number required. */
  lastReferenceIn: ({ context, event }: Args) =>
    new Set([...context.referencesReceived, String(event.refereeEmail)]).size >= context.referencesRequired,
  /** Branch: a senior decision rejects the reference (another referee is needed). */
  concernRejected: ({ event }: Args) => event.decision === 'reject',
  trainingOutstanding: ({ context }: Args) => !trainingComplete(context),
  trainingComplete: ({ context }: Args) => trainingComplete(context),
  /** Branch: this module completes the training. */
  lastTrainingModule: ({ context, event }: Args) => trainingComplete({ ...context, trainingCompleted: [...context.trainingCompleted, String(event.module)] }),
};

const waiverKey = (event: JourneyEvent) => ((event.actor as { id?: string | null } | undefined)?.id ?? null);

export const commonActions = {
  /** Named email action: the engine turns it into an email job in the same transaction. */
  email: (_: Args, _params: { template: string; to: 'candidate' | 'recruiter' | 'referees' | 'hr' | 'coordinator' }) => {},
  /** Asks the engine to open a journey on another programme for the same candidate. */
  startProgramme: (_: Args, _params: { programme: 'hcswd' }) => {},
  /** The hire opens the member's membership (a job the engine writes; src/jobs/membership.ts). */
  startMembership: () => {},
  /** When it happened (see when.ts), for the rules and timers that count from it. */
  recordWhen: update(({ context, event }: Args) => ({ when: { ...context.when, [event.type]: happenedAt(event) } })),
  recordExit: update(({ event }: Args, params: { kind: 'withdrawn' | 'rejected' | 'closed' }) => ({
    exit: { kind: params.kind, reason: String(event.reason ?? 'not given') },
  })),
  recordRoute: update(({ context, event }: Args) => ({
    route: event.substantive === true ? ('substantive' as const) : context.route,
    referencesRequired: event.substantive === true ? 1 : context.referencesRequired,
    careExperienceMonths: typeof event.careExperienceMonths === 'number' ? event.careExperienceMonths : context.careExperienceMonths,
    registration: typeof event.number === 'string' ? { body: String(event.body), number: event.number } : context.registration,
  })),
  // Scheduled by the recruiter: any times offered for the candidate to choose are void.
  recordInterview: update(({ event }: Args) => ({ interview: { at: String(event.interviewAt), location: String(event.location) }, interviewSlots: [] })),
  recordInterviewSlots: update(({ event }: Args) => ({ interviewSlots: (event.slots as { at: string; location: string }[]).map((s) => ({ at: s.at, location: s.location })) })),
  /** The candidate's choice among the offered slots becomes the interview; the offer of slots is spent. */
  recordChosenSlot: update(({ context, event }: Args) => {
    const slot = context.interviewSlots?.find((s) => Date.parse(s.at) === Date.parse(String(event.interviewAt)));
    return { interview: { at: slot?.at ?? String(event.interviewAt), location: slot?.location ?? 'to be confirmed' }, interviewSlots: [] };
  }),
  recordOffer: update(({ event }: Args, params: { expiryDays: number }) => {
    const madeAt = happenedAt(event);
    return { offer: { madeAt, expiresAt: new Date(Date.parse(madeAt) + days(params.expiryDays)).toISOString(), ...(typeof event.band === 'string' ? { band: event.band } : {}) } };
  }),
  recordAcceptance: update(({ context, event }: Args) => {
    const at = happenedAt(event);
    return { offer: context.offer ? { ...context.offer, acceptedAt: at } : { madeAt: at, expiresAt: at, acceptedAt: at } };
  }),
  // DBS may start only once identity is verified: recorded here so the guard need not know where
  // the identity region sits in each machine.
  recordIdentityCleared: update(({ event }: Args) => ({
    identityClearedAt: happenedAt(event),
    identityCheck: event.method === 'idvt' ? { method: 'idvt' as const } : { method: 'in_person' as const, originalsSeenAt: happenedAt(event) },
  })),
  recordOriginalsSeen: update(({ context, event }: Args) => ({ identityCheck: { method: context.identityCheck?.method ?? 'idvt', originalsSeenAt: happenedAt(event) } })),
  recordRightToWork: update(({ event }: Args) => ({
    rightToWorkCheck: {
      method: String(event.method), permission: String(event.permission),
      ...(typeof event.permissionExpiresOn === 'string' ? { permissionExpiresOn: event.permissionExpiresOn } : {}),
      ...(typeof event.followUpOn === 'string' ? { followUpOn: event.followUpOn } : {}),
    },
  })),
  recordRegistration: update(({ event }: Args) => ({
    registration: {
      body: String(event.body), number: String(event.number), checkedAt: happenedAt(event),
      ...(typeof event.status === 'string' ? { status: event.status } : {}),
      ...(typeof event.renewalDueOn === 'string' ? { renewalDueOn: event.renewalDueOn } : {}),
    },
  })),
  recordRegisterCheck: update(({ context, event }: Args) => ({
    registration: context.registration && { ...context.registration, status: String(event.status), renewalDueOn: String(event.renewalDueOn), checkedAt: happenedAt(event) },
  })),
  recordReference: update(({ context, event }: Args) => {
    const reasons = concernsIn(event as { datesConfirmed?: unknown });
    return {
      referencesReceived: [...context.referencesReceived, String(event.refereeEmail)],
      ...(reasons.length ? { referenceConcerns: [...(context.referenceConcerns ?? []), { email: String(event.refereeEmail), reasons }] } : {}),
    };
  }),
  recordConcernDecision: update(({ context, event }: Args) => {
    const email = String(event.refereeEmail).toLowerCase();
    const decision = { accepted: event.decision === 'accept', decidedBy: String(event.decidedBy), decidedByRole: String(event.decidedByRole), reason: String(event.reason), decidedAt: happenedAt(event) };
    const concerns = (context.referenceConcerns ?? []).map((c) => (c.email.toLowerCase() === email ? { ...c, decision } : c));
    // A rejected reference does not count: its referee leaves the list and another is asked for.
    return decision.accepted ? { referenceConcerns: concerns } : {
      referenceConcerns: concerns,
      referencesReceived: context.referencesReceived.filter((e) => e.toLowerCase() !== email),
      referees: context.referees.filter((r) => r.email.toLowerCase() !== email),
    };
  }),
  recordWaiverRequest: update(({ event }: Args) => ({ waiverRequest: { requestedBy: waiverKey(event), reason: String(event.reason), at: event.at } })),
  recordWaiver: update(({ context, event }: Args, params: { check: CheckName }) => ({
    waivers: [...context.waivers, {
      check: params.check, approvedBy: String(event.approvedBy), reason: String(event.reason), requestedBy: context.waiverRequest?.requestedBy ?? null,
      ...(typeof event.approverRole === 'string' ? { approverRole: event.approverRole } : {}),
    }],
    waiverRequest: undefined,
  })),
  recordTrainingModule: update(({ context, event }: Args) => ({
    trainingCompleted: [...new Set([...context.trainingCompleted, String(event.module)])],
    trainingCompletedOn: { ...context.trainingCompletedOn, [String(event.module)]: dayOf(event) },
  })),
  recordFirstShift: update(({ event }: Args) => ({ firstShift: { date: String(event.date), ward: String(event.ward) } })),
  /**
   * Cleared to work: when the event that cleared them happened, or (a done event, which carries no
   * time) the latest thing that happened on the journey.
   */
  recordReady: update(({ context, event }: Args) => ({
    readyAt: typeof event.at === 'string' ? happenedAt(event) : Object.values(context.when ?? {}).sort().at(-1) ?? context.startedAt,
  })),
};

/** Actions that need the policy: the references' coverage is computed with its years and gap length. */
export function policyActions(policy: Policy) {
  return {
    recordReferees: update(({ context, event }: Args) => {
      const referees = refereesAfter(context, event.referees as Referee[]);
      const gaps = (event.gaps ?? []) as HistoryGap[];
      return { referees, referenceCoverage: coverageOf(referees, gaps, ukDateOf(event.at), policy) };
    }),
  };
}

/** Time left of a deadline `span` after `from`, seen from the event that entered the state. */
export function remaining(from: string | undefined, span: number, at: unknown): number {
  const now = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  const start = from === undefined ? now : Date.parse(from);
  if (Number.isNaN(now) || Number.isNaN(start)) return span;
  return Math.max(0, start + span - now);
}

export function commonDelays(policy: Policy) {
  const [d1, d2, d3, d4] = policy.referenceChaseDays;
  const hr = Math.min(Math.max(policy.referenceHrAlertDay, d3), d4);
  return {
    // The offer's clock runs from the day it was made, even when that is recorded late.
    offerReminder: ({ context, event }: Args) => remaining(context.offer?.madeAt, days(policy.offerReminderDays), event.at),
    offerExpiry: ({ context, event }: Args) => remaining(context.offer?.madeAt, days(policy.offerExpiryDays), event.at),
    referenceChase1: days(d1),
    referenceChase2: days(d2 - d1),
    referenceChase3: days(d3 - d2),
    referenceHrAlert: days(hr - d3),
    referenceGiveUp: days(d4 - hr),
    trainingTarget: ({ context, event }: Args) => remaining(context.readyAt, days(7 * policy.trainingTargetWeeks), event.at),
  };
}
