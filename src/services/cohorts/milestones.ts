// The cohort table: each member's milestones, read from the audit trail (journey_events) of their
// current journey, and the deadlines that need a coordinator's attention, computed against the
// app clock and the policy: the OSCE first-attempt target, the sponsorship limit and the English
// result's validity. One query for the members, one for their events.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { candidates, cohortMembers, journeyEvents, journeys } from '../../../db/schema/index.js';
import { routeFor } from '../../../workflows/international.js';
import { DAY_MS, type Policy, days, months } from '../../../workflows/policy.js';
import type { Profession } from '../../../workflows/types.js';
import type { AppContext } from '../../context.js';

/** How far ahead each deadline starts to warn (issue 6). */
const warningWindows = { osceDays: 14, sponsorshipDays: 30, englishDays: 60 } as const;

export interface Attempt { date: string; passed: boolean }
export interface OsceSitting { n: number; date: string; centre: string | null; result: 'booked' | 'passed' | 'failed'; changedAt: Date }
export interface Warning { kind: 'osce' | 'sponsorship' | 'english'; overdue: boolean; due: string; daysLeft: number; message: string }

export interface Milestones {
  english: { type: 'IELTS' | 'OET'; date: string; expiresOn: string } | null;
  cbt: Attempt[];
  /** NMC (or other regulator) application submitted: the English result no longer expires on the journey. */
  regulatorApplication: string | null;
  decisionLetter: string | null;
  cos: string | null;
  visa: { applied: string | null; granted: string | null; validUntil: string | null };
  travel: { flightDate: string; airport: string } | null;
  /** The moment arrival was recorded (the sponsorship and OSCE clocks start here). */
  arrivedAt: string | null;
  osce: { sittings: OsceSitting[]; attempts: Attempt[]; booked: { date: string; centre: string } | null };
  pin: { date: string; number: string } | null;
}

export interface MemberRow {
  candidateId: string;
  fullName: string;
  email: string;
  profession: string;
  route: string;
  journeyId: string | null;
  stage: string;
  state: string;
  status: string;
  owner: string;
  addedAt: Date;
  milestones: Milestones;
  warnings: Warning[];
}

/** The events a milestone is read from. */
const milestoneEvents = [
  'ieltsResult', 'oetResult', 'cbtPassed', 'cbtFailed', 'nmcApplicationSubmitted', 'regulatorApplicationSubmitted',
  'decisionLetterIssued', 'cosAssigned', 'visaApplied', 'visaGranted', 'travelBooked', 'travelRebooked', 'arrivedInUk',
  'osceBooked', 'osceRebooked', 'oscePassed', 'osceFailed', 'pinIssued',
] as const;

const dayOf = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function emptyMilestones(): Milestones {
  return {
    english: null, cbt: [], regulatorApplication: null, decisionLetter: null, cos: null,
    visa: { applied: null, granted: null, validUntil: null }, travel: null, arrivedAt: null,
    osce: { sittings: [], attempts: [], booked: null }, pin: null,
  };
}

/** Folds one journey's milestone events (in order) into its milestones: the latest of each wins. */
function milestonesOf(events: { type: string; payload: unknown; at: Date }[], policy: Policy, inProgress: boolean): Milestones {
  const m = emptyMilestones();
  let booking: { date: string; centre: string; at: Date } | null = null;
  const sittings: OsceSitting[] = [];
  for (const e of events) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    switch (e.type) {
      case 'ieltsResult': case 'oetResult': {
        const date = str(p.date) ?? dayOf(e.at);
        m.english = { type: e.type === 'oetResult' ? 'OET' : 'IELTS', date, expiresOn: dayOf(new Date(Date.parse(date) + months(policy.englishValidityMonths))) };
        break;
      }
      case 'cbtPassed': case 'cbtFailed':
        m.cbt.push({ date: str(p.date) ?? dayOf(e.at), passed: e.type === 'cbtPassed' });
        break;
      case 'nmcApplicationSubmitted': case 'regulatorApplicationSubmitted':
        m.regulatorApplication = dayOf(e.at);
        break;
      case 'decisionLetterIssued': m.decisionLetter = str(p.issuedOn) ?? dayOf(e.at); break;
      case 'cosAssigned': m.cos = dayOf(e.at); break;
      case 'visaApplied': m.visa.applied = dayOf(e.at); break;
      case 'visaGranted': m.visa.granted = dayOf(e.at); m.visa.validUntil = str(p.validUntil); break;
      case 'travelBooked': case 'travelRebooked':
        m.travel = { flightDate: str(p.flightDate) ?? dayOf(e.at), airport: str(p.arrivalAirport) ?? '' };
        break;
      case 'arrivedInUk': m.arrivedAt = e.at.toISOString(); break;
      case 'osceBooked': case 'osceRebooked':
        booking = { date: str(p.date) ?? dayOf(e.at), centre: str(p.centre) ?? '', at: e.at };
        break;
      case 'oscePassed': case 'osceFailed': {
        const date = str(p.date) ?? dayOf(e.at);
        const passed = e.type === 'oscePassed';
        m.osce.attempts.push({ date, passed });
        sittings.push({ n: sittings.length + 1, date, centre: booking?.centre ?? null, result: passed ? 'passed' : 'failed', changedAt: e.at });
        booking = null;
        break;
      }
      case 'pinIssued': m.pin = { date: dayOf(e.at), number: str(p.pin) ?? '' }; break;
    }
  }
  // A sitting booked but not yet sat counts only while the journey goes on.
  if (booking && inProgress) {
    m.osce.booked = { date: booking.date, centre: booking.centre };
    sittings.push({ n: sittings.length + 1, date: booking.date, centre: booking.centre, result: 'booked', changedAt: booking.at });
  }
  m.osce.sittings = sittings;
  return m;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
};
const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

/** The deadlines close enough (or past) to show, for a journey still in progress. */
function warningsOf(m: Milestones, route: string, policy: Policy, now: Date): Warning[] {
  const out: Warning[] = [];
  const at = now.getTime();
  const make = (kind: Warning['kind'], dueMs: number, windowDays: number, soon: (date: string, left: string) => string, past: (date: string) => string) => {
    if (dueMs - at > windowDays * DAY_MS) return;
    const due = dayOf(new Date(dueMs));
    const overdue = dueMs <= at;
    const daysLeft = Math.ceil((dueMs - at) / DAY_MS);
    out.push({ kind, overdue, due, daysLeft, message: overdue ? past(longDate(due)) : soon(longDate(due), inDays(daysLeft)) });
  };
  const arrived = m.arrivedAt ? Date.parse(m.arrivedAt) : null;
  if (route === 'nmc' && arrived !== null && m.osce.attempts.length === 0) {
    const booked = m.osce.booked ? ` (booked for ${longDate(m.osce.booked.date)})` : ' (not booked yet)';
    make('osce', arrived + days(7 * policy.osceTargetWeeks), warningWindows.osceDays,
      (d, left) => `First OSCE attempt due by ${d}, ${left}: ${policy.osceTargetWeeks} weeks after arrival${booked}.`,
      (d) => `First OSCE attempt overdue: the target was ${d}, ${policy.osceTargetWeeks} weeks after arrival${booked}.`);
  }
  if (route === 'nmc' && arrived !== null && !m.pin) {
    make('sponsorship', arrived + months(policy.sponsorshipLimitMonths), warningWindows.sponsorshipDays,
      (d, left) => `Sponsorship ends ${d}, ${left}, unless NMC registration (PIN) is reached: ${policy.sponsorshipLimitMonths} months after arrival.`,
      (d) => `Sponsorship limit passed on ${d} without NMC registration (${policy.sponsorshipLimitMonths} months after arrival).`);
  }
  if (m.english && !m.regulatorApplication) {
    make('english', Date.parse(m.english.expiresOn), warningWindows.englishDays,
      (d, left) => `${m.english!.type} result expires ${d}, ${left}, before the registration application is in.`,
      (d) => `${m.english!.type} result expired on ${d} before the registration application was made: a new test is needed.`);
  }
  return out;
}

/** Every member of a cohort with milestones and warnings, by name. */
export async function cohortMilestones(app: AppContext, cohortId: string): Promise<MemberRow[]> {
  const members = await app.db.select({
    candidateId: candidates.id, fullName: candidates.fullName, email: candidates.email, profession: candidates.profession,
    journeyId: journeys.id, stage: journeys.stage, state: journeys.state, status: journeys.status, owner: journeys.owner,
    addedAt: cohortMembers.addedAt,
  }).from(cohortMembers).innerJoin(candidates, eq(candidates.id, cohortMembers.candidateId))
    .leftJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(eq(cohortMembers.cohortId, cohortId)).orderBy(asc(candidates.fullName), asc(candidates.id));
  const journeyIds = members.map((m) => m.journeyId).filter((id): id is string => id !== null);
  const events = journeyIds.length === 0 ? [] : await app.db.select({
    journeyId: journeyEvents.journeyId, type: journeyEvents.type, payload: journeyEvents.payload, at: journeyEvents.at,
  }).from(journeyEvents).where(and(inArray(journeyEvents.journeyId, journeyIds), inArray(journeyEvents.type, [...milestoneEvents])))
    .orderBy(asc(journeyEvents.journeyId), asc(journeyEvents.seq));
  const byJourney = new Map<string, typeof events>();
  for (const e of events) {
    const list = byJourney.get(e.journeyId);
    if (list) list.push(e);
    else byJourney.set(e.journeyId, [e]);
  }
  const now = app.clock.now();
  return members.map((r) => {
    const status = r.status ?? 'unknown';
    const inProgress = status === 'in_progress';
    const route = routeFor(r.profession as Profession);
    const milestones = milestonesOf(r.journeyId ? byJourney.get(r.journeyId) ?? [] : [], app.policy, inProgress);
    return {
      candidateId: r.candidateId, fullName: r.fullName, email: r.email, profession: r.profession, route,
      journeyId: r.journeyId, stage: r.stage ?? 'unknown', state: r.state ?? 'unknown', status, owner: r.owner ?? 'none', addedAt: r.addedAt,
      milestones, warnings: inProgress ? warningsOf(milestones, route, app.policy, now) : [],
    };
  });
}
