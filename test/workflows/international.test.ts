import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, type StateNode, transition } from 'xstate';
import { internationalMachine, routeFor } from '../../workflows/international.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { internationalEvents } from '../../workflows/events/international.js';
import { commonEvents } from '../../workflows/events/common.js';
import { checkEvents } from '../../workflows/events/checks.js';
import { applicantStatusOf, stageOf, statusOf } from '../../workflows/inspect.js';
import { days, defaultPolicy, months } from '../../workflows/policy.js';
import type { JourneyContext, JourneyInput, Profession, StateMeta } from '../../workflows/types.js';
import { walkToEnd, advanceUntil as walkUntil } from './walk.js';

const machine = internationalMachine();
const start = '2025-03-03T09:00:00.000Z';
const inputFor = (profession: Profession): JourneyInput => ({ programme: 'international', profession, at: start });
const nurse = inputFor('registered_nurse');

interface Journey { snapshot: AnyMachineSnapshot; at: string }
type Action = { type: string; params?: Record<string, unknown> };

const hoursLater = (at: string, n = 1) => new Date(Date.parse(at) + n * 60 * 60 * 1000).toISOString();
const daysLater = (at: string, n: number) => new Date(Date.parse(at) + days(n)).toISOString();
const dateOf = (at: string) => at.slice(0, 10);

/** Takes the first `advance` event, as the walker does, until `stop` holds. */
const advanceUntil = (stop: (s: AnyMachineSnapshot) => boolean, input: JourneyInput = nurse): Journey => walkUntil(machine, input, stop);

/** The next moment an event can happen: an hour on, or for an OSCE result the booked sitting day. */
function nextAt(j: Journey, type: string) {
  const sitting = (j.snapshot.context as JourneyContext).osceBooking?.date;
  const soon = hoursLater(j.at);
  const sittingAt = sitting ? `${sitting}T17:00:00.000Z` : soon;
  return (type === 'oscePassed' || type === 'osceFailed') && sittingAt > soon ? sittingAt : soon;
}

/** A payload valid for the event's schema: the catalog example with some fields changed. */
function payload(j: Journey, type: string, overrides: Record<string, unknown> = {}, at = nextAt(j, type)) {
  const spec = eventCatalog[type]!;
  const data = spec.schema.parse({ ...spec.example(j.snapshot.context as JourneyContext, at), ...overrides });
  return { type, ...data, at };
}

const can = (j: Journey, type: string, overrides?: Record<string, unknown>, at?: string) => j.snapshot.can(payload(j, type, overrides, at));

function send(j: Journey, type: string, overrides?: Record<string, unknown>, at?: string): Journey & { actions: Action[] } {
  const event = payload(j, type, overrides, at);
  const [snapshot, actions] = transition(machine, j.snapshot, event) as [AnyMachineSnapshot, Action[]];
  return { snapshot, at: event.at, actions };
}

/** The delayed `xstate.raise` of an `after` timer among a transition's actions. */
function timer(actions: Action[], delayName: string) {
  const raise = actions.find((a) => a.type === 'xstate.raise' && String(a.params?.id).startsWith(`xstate.after.${delayName}.`));
  if (!raise) throw new Error(`no ${delayName} timer in ${actions.map((a) => a.type).join(', ')}`);
  return raise.params as { event: { type: string }; id: string; delay: number };
}

/** Fires a timer as the engine's timer job would: through the machine, stamped with the time. */
function fire(j: Journey, raised: { event: { type: string }; delay: number }): Journey & { actions: Action[] } {
  const at = new Date(Date.parse(j.at) + raised.delay).toISOString();
  const [snapshot, actions] = transition(machine, j.snapshot, { ...raised.event, at }) as [AnyMachineSnapshot, Action[]];
  return { snapshot, at, actions };
}

const emails = (actions: Action[]) => actions.filter((a) => a.type === 'email').map((a) => `${a.params?.template}→${a.params?.to}`);
const ctx = (j: Journey) => j.snapshot.context as JourneyContext;
const inStage = (stage: string) => (s: AnyMachineSnapshot) => stageOf(s) === stage;
const inState = (value: object | string) => (s: AnyMachineSnapshot) => s.matches(value as never);

describe('international journey', () => {
  it.each(['registered_nurse', 'midwife', 'physiotherapist', 'doctor'] as const)('walks an international %s from application to hired', (profession) => {
    const { status, snapshot } = walkToEnd(machine, inputFor(profession));
    expect(status).toBe('hired');
    expect(snapshot.value).toBe('hired');
  });

  it('takes a nurse through English, CBT, NMC, sponsorship, arrival, OSCE and PIN in order', () => {
    const stages: string[] = [];
    advanceUntil((s) => {
      const stage = stageOf(s);
      if (stages.at(-1) !== stage) stages.push(stage);
      return s.status !== 'active';
    });
    expect(stages).toEqual([
      'application', 'screening', 'interview', 'offer', 'english', 'cbt', 'nmc_application', 'pre_departure', 'travel',
      'arrival_checks', 'pre_registration', 'osce', 'pin', 'band5', 'ready', 'first_shift', 'hired',
    ]);
  });

  it('takes a physiotherapist through HCPC scrutiny with no exam and no pre-registration period', () => {
    const { steps } = walkToEnd(machine, inputFor('physiotherapist'));
    const types = steps.map((s) => s.type);
    expect(types).toEqual(expect.arrayContaining(['regulatorApplicationSubmitted', 'regulatorRegistered', 'registration.cleared']));
    expect(types).not.toEqual(expect.arrayContaining(['cbtPassed']));
    expect(types.some((t) => t.startsWith('osce') || t === 'preRegistrationStarted')).toBe(false);
  });

  it('takes a doctor through PLAB 1, PLAB 2 and GMC registration with a licence before sponsorship', () => {
    const { steps } = walkToEnd(machine, inputFor('doctor'));
    const types = steps.map((s) => s.type);
    expect(types.indexOf('plab1Passed')).toBeLessThan(types.indexOf('plab2Passed'));
    expect(types.indexOf('plab2Passed')).toBeLessThan(types.indexOf('regulatorRegistered'));
    expect(types.indexOf('regulatorRegistered')).toBeLessThan(types.indexOf('cosAssigned'));
    expect(steps.find((s) => s.type === 'regulatorRegistered')?.payload).toMatchObject({ body: 'GMC', licenceToPractise: true });
  });

  it('chooses the route from the profession', () => {
    expect(routeFor('registered_nurse')).toBe('nmc');
    expect(routeFor('midwife')).toBe('nmc');
    expect(routeFor('paramedic')).toBe('hcpc');
    expect(routeFor('pharmacist')).toBe('hcpc');
    expect(routeFor('social_worker')).toBe('hcpc');
    expect(routeFor('doctor')).toBe('gmc');
    expect(routeFor('healthcare_assistant')).toBe('standard');
  });

  it('does not pass an unregistered role through international screening', () => {
    const j = advanceUntil(inStage('screening'), inputFor('healthcare_assistant'));
    expect(can(j, 'internationalScreeningPassed')).toBe(false);
    expect(can(j, 'rejected')).toBe(true);
  });

  it('allows withdrawal from the OSCE stage', () => {
    const j = advanceUntil(inStage('osce'));
    const out = send(j, 'withdrawn');
    expect(statusOf(out.snapshot)).toBe('withdrawn');
  });
});

describe('state meta', () => {
  const nodes = (node: StateNode): StateNode[] => [node, ...Object.values(node.states).flatMap((c) => nodes(c as StateNode))];

  it('gives every state a title, detail and owner, every top-level state a stage and every final state a status', () => {
    const all = nodes((machine as AnyStateMachine).root).filter((n) => n.path.length > 0);
    for (const n of all) {
      const meta = n.meta as StateMeta | undefined;
      expect(meta?.title, n.id).toBeTruthy();
      expect(meta?.detail, n.id).toBeTruthy();
      expect(meta?.owner, n.id).toBeTruthy();
      if (n.path.length === 1) expect(meta?.stage, n.id).toBeTruthy();
      if (n.type === 'final' && n.path.length === 1) expect(meta?.status, n.id).toBeTruthy();
    }
  });

  it('adds event types that collide with no common or check event', () => {
    for (const t of Object.keys(internationalEvents)) {
      expect(Object.keys(commonEvents)).not.toContain(t);
      expect(Object.keys(checkEvents)).not.toContain(t);
      expect(eventCatalog[t]).toBe(internationalEvents[t]);
    }
  });
});

describe('English language', () => {
  const atEnglish = (profession: Profession = 'registered_nurse') => advanceUntil(inStage('english'), inputFor(profession));
  const ielts = (scores: Partial<Record<'overall' | 'listening' | 'reading' | 'writing' | 'speaking', number>>) =>
    ({ overall: 7, listening: 7, reading: 7, writing: 7, speaking: 7, ...scores });

  it('accepts IELTS 7.0 overall with writing 6.5 for a nurse', () => {
    expect(can(atEnglish(), 'ieltsResult', ielts({ writing: 6.5 }))).toBe(true);
  });

  it('refuses IELTS writing 6.0 for a nurse', () => {
    expect(can(atEnglish(), 'ieltsResult', ielts({ writing: 6 }))).toBe(false);
  });

  it('does not accept IELTS 6.5 in reading for a nurse on its own: the sitting is kept to combine', () => {
    const kept = send(atEnglish(), 'ieltsResult', ielts({ reading: 6.5 }));
    expect(stageOf(kept.snapshot)).toBe('english');
    expect(ctx(kept).englishSittings).toHaveLength(1);
    expect(ctx(kept).englishTest).toBeUndefined();
  });

  it('accepts OET B, B, C+ in writing and B for a nurse', () => {
    expect(can(atEnglish(), 'oetResult', { listening: 'B', reading: 'B', writing: 'C+', speaking: 'B' })).toBe(true);
  });

  it('refuses OET C in reading for a nurse', () => {
    expect(can(atEnglish(), 'oetResult', { listening: 'B', reading: 'C', writing: 'C+', speaking: 'B' })).toBe(false);
  });

  it('holds a doctor to the GMC thresholds: 7.5 overall and 7.0 in each skill', () => {
    const j = atEnglish('doctor');
    expect(can(j, 'ieltsResult', ielts({}))).toBe(false);
    expect(can(j, 'ieltsResult', ielts({ overall: 7.5 }))).toBe(true);
    expect(can(j, 'oetResult', { listening: 'B', reading: 'B', writing: 'C+', speaking: 'B' })).toBe(false);
  });

  it('refuses a result more than two years old and one dated in the future', () => {
    const j = atEnglish();
    expect(can(j, 'ieltsResult', { date: dateOf(daysLater(j.at, -(2 * 365 + 5))) })).toBe(false);
    expect(can(j, 'ieltsResult', { date: dateOf(daysLater(j.at, 3)) })).toBe(false);
  });

  it('sends the candidate back to the English test when the result expires before the NMC application', () => {
    const j = atEnglish();
    const taken = dateOf(daysLater(j.at, -100));
    const atCbt = send(j, 'ieltsResult', { date: taken });
    expect(atCbt.snapshot.value).toEqual({ cbt: 'firstAttempt' });
    const raised = timer(atCbt.actions, 'englishValidity');
    expect(Date.parse(atCbt.at) + raised.delay).toBe(Date.parse(taken) + months(defaultPolicy.englishValidityMonths));
    const expired = fire(atCbt, raised);
    expect(expired.snapshot.value).toBe('english');
    expect(ctx(expired).englishTest).toBeUndefined();
    expect(emails(expired.actions)).toContain('englishExpired→candidate');
  });
});

describe('CBT', () => {
  const atCbt = () => advanceUntil(inStage('cbt'));

  it('refuses a resit less than 10 days after the previous attempt', () => {
    const j = send(atCbt(), 'cbtFailed');
    const nineDays = daysLater(j.at, 9);
    expect(can(j, 'cbtPassed', { date: dateOf(nineDays) }, nineDays)).toBe(false);
    const tenDays = daysLater(j.at, 10);
    expect(can(j, 'cbtPassed', { date: dateOf(tenDays) }, tenDays)).toBe(true);
  });

  it('closes the application after a third CBT fail, with the 6-month bar', () => {
    let j: Journey & { actions?: Action[] } = atCbt();
    for (let i = 0; i < 3; i++) {
      const at = daysLater(j.at, i === 0 ? 0 : 11);
      j = send(j, 'cbtFailed', { date: dateOf(at) }, at);
    }
    expect(j.snapshot.value).toBe('cbtClosed');
    expect(statusOf(j.snapshot)).toBe('closed');
    expect(stageOf(j.snapshot)).toBe('closed');
    expect(applicantStatusOf(j.snapshot).detail).toMatch(/6 months/);
    expect(ctx(j).cbtAttempts).toHaveLength(3);
    expect(ctx(j).exit?.kind).toBe('closed');
  });
});

describe('OSCE', () => {
  const atPreRegistration = () => advanceUntil(inStage('pre_registration'));
  const atOsce = () => advanceUntil(inState({ osce: 'booked' }));

  it('refuses an OSCE booked less than 14 days ahead', () => {
    const j = atPreRegistration();
    expect(can(j, 'osceBooked', { date: dateOf(daysLater(j.at, 13)) })).toBe(false);
    expect(can(j, 'osceBooked', { date: dateOf(daysLater(j.at, 14)) })).toBe(true);
  });

  it('books the OSCE and emails the candidate', () => {
    const j = send(atPreRegistration(), 'osceBooked');
    expect(j.snapshot.value).toEqual({ osce: 'booked' });
    expect(ctx(j).osceBooking?.centre).toBeTruthy();
    expect(emails(j.actions)).toContain('osceBooked→candidate');
  });

  it('refuses an OSCE attempt less than 10 days after the previous one', () => {
    const failed = send(atOsce(), 'osceFailed');
    expect(failed.snapshot.value).toEqual({ osce: 'resitToBook' });
    const resit = send(failed, 'osceBooked');
    const nineDays = daysLater(failed.at, 9);
    expect(can(resit, 'oscePassed', { date: dateOf(nineDays) }, nineDays)).toBe(false);
    expect(can(resit, 'osceFailed', { date: dateOf(nineDays) }, nineDays)).toBe(false);
    // The resit can be booked no sooner than the booking lead (14 days), so the gap rule is met
    // at the booked sitting; a result cannot be dated before that sitting either.
    const sitting = ctx(resit).osceBooking!.date;
    expect(can(resit, 'oscePassed', { date: dateOf(daysLater(`${sitting}T12:00:00.000Z`, -1)) }, `${sitting}T17:00:00.000Z`)).toBe(false);
    expect(can(resit, 'oscePassed', { date: sitting }, `${sitting}T17:00:00.000Z`)).toBe(true);
  });

  it('closes the application after a third OSCE fail', () => {
    let j: Journey & { actions?: Action[] } = atOsce();
    for (let i = 0; i < 3; i++) {
      if (i > 0) j = send(j, 'osceBooked', { date: dateOf(daysLater(j.at, 14)) });
      const sitting = ctx(j).osceBooking!.date;
      j = send(j, 'osceFailed', { date: sitting }, `${sitting}T17:00:00.000Z`);
    }
    expect(j.snapshot.value).toBe('osceClosed');
    expect(statusOf(j.snapshot)).toBe('closed');
    expect(applicantStatusOf(j.snapshot).detail).toMatch(/6 months/);
    expect(ctx(j).osceAttempts.map((a) => a.passed)).toEqual([false, false, false]);
  });

  it('issues the PIN after a pass and moves the nurse to Band 5', () => {
    const passed = send(atOsce(), 'oscePassed');
    expect(passed.snapshot.value).toBe('pin');
    expect(can(passed, 'pinIssued', { pin: 'PH123456' })).toBe(false);
    const pin = send(passed, 'pinIssued');
    expect(pin.snapshot.value).toBe('band5');
    expect(ctx(pin).registration).toMatchObject({ body: 'NMC', number: '71A2998E', status: 'registered' });
  });
});

describe('sponsorship and OSCE target timers', () => {
  /** Arrives on the day of the booked flight (not before it). */
  const onFlightDay = (j: Journey): Journey => ({ ...j, at: `${ctx(j).flightDate}T08:00:00.000Z` });
  const arrive = () => send(onFlightDay(advanceUntil(inState({ travel: 'booked' }))), 'arrivedInUk');

  it('starts the sponsorship clock on arrival for the policy’s 8 months and closes the journey when it runs out', () => {
    const arrived = arrive();
    expect(emails(arrived.actions)).toContain('arrivalWelcome→candidate');
    const raised = timer(arrived.actions, 'sponsorshipLimit');
    expect(raised.delay).toBe(months(defaultPolicy.sponsorshipLimitMonths));
    expect(raised.delay).toBe(months(8));
    const ended = fire(arrived, raised);
    expect(ended.snapshot.value).toBe('sponsorshipEnded');
    expect(statusOf(ended.snapshot)).toBe('closed');
    expect(emails(ended.actions)).toContain('sponsorshipEnded→coordinator');
  });

  it('keeps counting the sponsorship clock from arrival in later stages', () => {
    const cleared = advanceUntil(inState({ arrivalChecks: 'cleared' }));
    const entered = send(cleared, 'preRegistrationStarted', {}, daysLater(cleared.at, 20));
    expect(stageOf(entered.snapshot)).toBe('pre_registration');
    const raised = timer(entered.actions, 'sponsorshipLimit');
    const arrivedAt = Date.parse(ctx(entered).arrivedAt!);
    expect(Date.parse(entered.at) + raised.delay).toBe(arrivedAt + months(8));
    expect(raised.delay).toBeLessThan(months(8) - days(19));
  });

  it('no longer ends sponsorship once the NMC PIN is issued', () => {
    const pin = send(send(advanceUntil(inState({ osce: 'booked' })), 'oscePassed'), 'pinIssued');
    expect(pin.snapshot.value).toBe('band5');
    expect(pin.actions.some((a) => a.type === 'xstate.raise' && String(a.params?.id).includes('sponsorshipLimit'))).toBe(false);
  });

  it('flags a missed OSCE target and alerts the coordinator without closing the journey', () => {
    const arrived = arrive();
    const raised = timer(arrived.actions, 'osceTarget');
    expect(raised.delay).toBe(days(7 * defaultPolicy.osceTargetWeeks));
    const missed = fire(arrived, raised);
    expect(ctx(missed).osceTargetMissed).toBe(true);
    expect(missed.snapshot.status).toBe('active');
    expect(stageOf(missed.snapshot)).toBe('arrival_checks');
    expect(emails(missed.actions)).toContain('osceTargetMissed→coordinator');
  });

  it('does not start the sponsorship clock for an AHP who arrives already registered', () => {
    const j = onFlightDay(advanceUntil(inState({ travel: 'booked' }), inputFor('physiotherapist')));
    const arrived = send(j, 'arrivedInUk');
    const ended = fire(arrived, timer(arrived.actions, 'sponsorshipLimit'));
    expect(ended.snapshot.status).toBe('active');
    expect(stageOf(ended.snapshot)).toBe('arrival_checks');
  });
});

describe('sponsorship, TB and visa', () => {
  it('refuses a TB certificate from an X-ray more than 6 months old', () => {
    const j = advanceUntil(inState({ preDeparture: { sponsored: 'tbCertificate' } }));
    expect(can(j, 'tbCertificateIssued', { xrayDate: dateOf(daysLater(j.at, -200)) })).toBe(false);
    expect(can(j, 'tbCertificateIssued', { xrayDate: dateOf(daysLater(j.at, -30)) })).toBe(true);
  });

  it('returns to a new Certificate of Sponsorship when no visa application follows within 3 months', () => {
    const j = advanceUntil(inState({ preDeparture: 'cos' }));
    const assigned = send(j, 'cosAssigned');
    const raised = timer(assigned.actions, 'cosValidity');
    expect(raised.delay).toBe(months(3));
    expect(fire(assigned, raised).snapshot.value).toEqual({ preDeparture: 'cos' });
  });
});
