import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { careCertificateStandards, hcswdMachine } from '../../workflows/hcswd.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { commonEvents } from '../../workflows/events/common.js';
import { checkEvents } from '../../workflows/events/checks.js';
import { hcswdEvents } from '../../workflows/events/hcswd.js';
import { checksOf, stageOf, statusOf } from '../../workflows/inspect.js';
import { defaultPolicy } from '../../workflows/policy.js';
import type { JourneyContext, JourneyInput, StateMeta } from '../../workflows/types.js';
import { walkToEnd, advanceUntil as walkUntil } from './walk.js';

const input: JourneyInput = { programme: 'hcswd', profession: 'healthcare_assistant', at: '2025-03-03T09:00:00.000Z' };
const machine = hcswdMachine();

interface Journey { snapshot: AnyMachineSnapshot; at: string }
type Action = { type: string; params?: Record<string, unknown> };

const later = (at: string) => new Date(Date.parse(at) + 60 * 60 * 1000).toISOString();

/** Takes the first `advance` event, as the walker does, until `stop` holds. */
const advanceUntil = (stop: (s: AnyMachineSnapshot) => boolean, m: AnyStateMachine = machine): Journey => walkUntil(m, input, stop);

/** A payload valid for the event's schema: the catalog example with some fields changed. */
function payload(j: Journey, type: string, overrides: Record<string, unknown> = {}) {
  const spec = eventCatalog[type]!;
  const data = spec.schema.parse({ ...spec.example(j.snapshot.context as JourneyContext, j.at), ...overrides });
  return { type, ...data, at: later(j.at) };
}

const can = (j: Journey, type: string, overrides?: Record<string, unknown>) => j.snapshot.can(payload(j, type, overrides));

function send(j: Journey, type: string, overrides?: Record<string, unknown>): Journey & { actions: Action[] } {
  const event = payload(j, type, overrides);
  const [snapshot, actions] = transition(machine, j.snapshot, event) as [AnyMachineSnapshot, Action[]];
  return { snapshot, at: event.at, actions };
}

const inStage = (stage: string) => (s: AnyMachineSnapshot) => stageOf(s) === stage;
const ctxOf = (j: Journey) => j.snapshot.context as JourneyContext;
/** The same journey, an hour before `instant`: the next event is sent at `instant`. */
const justBefore = (j: Journey, instant: string): Journey => ({ ...j, at: new Date(Date.parse(instant) - 60 * 60 * 1000).toISOString() });
/** At the end of a booked block of days (induction, shadow shifts): it can be completed now. */
const atBlockEnd = (j: Journey, block: { startDate: string; days: number }) =>
  justBefore(j, new Date(Date.parse(`${block.startDate}T17:00:00.000Z`) + (block.days - 1) * 86_400_000).toISOString());
const signedOff = (s: AnyMachineSnapshot) => (s.context as JourneyContext).careStandardsSignedOff.length;

describe('HCSWD journey', () => {
  it('walks a trainee healthcare support worker from application to hired', () => {
    const { status, steps, snapshot } = walkToEnd(machine, input);
    expect(status).toBe('hired');
    const types = steps.map((s) => s.type);
    expect(types.filter((t) => t === 'careStandardSignedOff')).toHaveLength(15);
    expect(types).toEqual(expect.arrayContaining(['hcswdScreeningPassed', 'assessmentPassed', 'offerMade', 'inductionCompleted', 'shadowShiftsCompleted', 'trustSignedOff', 'firstShiftBooked']));
    expect(types.indexOf('trustSignedOff')).toBeGreaterThan(types.lastIndexOf('careStandardSignedOff'));
    expect((snapshot.context as JourneyContext).traineeship?.hoursWorked).toBe(defaultPolicy.hcswdSignOffMinHours);
  });

  it('passes through every HCSWD stage in order', () => {
    const stages: string[] = [];
    advanceUntil((s) => {
      const stage = stageOf(s);
      if (stages.at(-1) !== stage) stages.push(stage);
      return s.status !== 'active';
    });
    expect(stages).toEqual(['application', 'screening', 'assessment', 'offer', 'checks', 'induction', 'supervised_practice', 'care_certificate', 'sign_off', 'ready', 'first_shift', 'hired']);
  });
});

describe('screening and assessment', () => {
  const atScreening = () => advanceUntil(inStage('screening'));
  // On the day of the assessment, after it: it cannot be passed before it takes place.
  const atAssessment = () => {
    const j = advanceUntil((s) => s.matches({ assessment: 'scheduled' }));
    return justBefore(j, new Date(Date.parse(ctxOf(j).interview!.at) + 2 * 60 * 60 * 1000).toISOString());
  };

  it('refuses screening when the candidate cannot work the minimum weekly hours', () => {
    const j = atScreening();
    expect(can(j, 'hcswdScreeningPassed', { weeklyHoursAvailable: defaultPolicy.hcswdMinWeeklyHours - 1 })).toBe(false);
    expect(can(j, 'hcswdScreeningPassed', { weeklyHoursAvailable: defaultPolicy.hcswdMinWeeklyHours })).toBe(true);
  });

  it('refuses screening without the right to work', () => {
    expect(can(atScreening(), 'hcswdScreeningPassed', { rightToWork: false })).toBe(false);
  });

  it('passes screening with no care experience at all', () => {
    const j = send(atScreening(), 'hcswdScreeningPassed');
    expect(stageOf(j.snapshot)).toBe('assessment');
    expect((j.snapshot.context as JourneyContext).careExperienceMonths).toBeUndefined();
  });

  it('refuses an assessment whose literacy score is under the pass mark', () => {
    expect(can(atAssessment(), 'assessmentPassed', { literacyScore: defaultPolicy.hcswdLiteracyPassMark - 1 })).toBe(false);
  });

  it('refuses an assessment whose numeracy score is under the pass mark', () => {
    expect(can(atAssessment(), 'assessmentPassed', { numeracyScore: defaultPolicy.hcswdNumeracyPassMark - 1 })).toBe(false);
  });

  it('refuses an assessment with a value scored under the pass mark', () => {
    const j = atAssessment();
    const { valueScores } = hcswdEvents.assessmentPassed!.example(j.snapshot.context as JourneyContext, j.at) as { valueScores: Record<string, number> };
    expect(can(j, 'assessmentPassed', { valueScores: { ...valueScores, compassion: defaultPolicy.hcswdValuesPassMark - 1 } })).toBe(false);
  });

  it('accepts an assessment exactly at the pass marks and moves to the offer', () => {
    const j = send(atAssessment(), 'assessmentPassed', { literacyScore: defaultPolicy.hcswdLiteracyPassMark, numeracyScore: defaultPolicy.hcswdNumeracyPassMark });
    expect(stageOf(j.snapshot)).toBe('offer');
  });

  it('takes the pass marks from the policy', () => {
    const strict = hcswdMachine({ ...defaultPolicy, hcswdLiteracyPassMark: 90 });
    const booked = advanceUntil((s) => s.matches({ assessment: 'scheduled' }), strict);
    const j = justBefore(booked, new Date(Date.parse(ctxOf(booked).interview!.at) + 2 * 60 * 60 * 1000).toISOString());
    expect(j.snapshot.can(payload(j, 'assessmentPassed', { literacyScore: 90 }))).toBe(true);
    expect(j.snapshot.can(payload(j, 'assessmentPassed', { literacyScore: 89 }))).toBe(false);
  });

  it('lets a booked assessment be rescheduled without moving on', () => {
    const j = send(atAssessment(), 'assessmentRescheduled');
    expect(j.snapshot.matches({ assessment: 'scheduled' })).toBe(true);
    expect(j.actions).toContainEqual(expect.objectContaining({ type: 'email', params: { template: 'hcswdAssessmentInvitation', to: 'candidate' } }));
  });
});

describe('pre-employment checks', () => {
  it('does not require the professional registration check', () => {
    const { snapshot } = advanceUntil(inStage('checks'));
    const checks = checksOf(snapshot);
    expect(checks.find((c) => c.name === 'registration')?.status).toBe('not_required');
    expect(checks.filter((c) => c.status === 'not_required').map((c) => c.name)).toEqual(['registration']);
  });

  it('refuses a DBS clearance below enhanced with the adults’ barred list', () => {
    const j = advanceUntil((s) => s.matches({ checks: { dbs: 'received' } }) && (s.context as JourneyContext).identityClearedAt !== undefined);
    expect(can(j, 'dbs.cleared', { level: 'enhanced' })).toBe(false);
    expect(can(j, 'dbs.cleared', { level: 'enhanced_adults_barred' })).toBe(true);
  });

  it('accepts character and education referees', () => {
    const j = advanceUntil((s) => s.matches({ checks: { references: 'awaitingCandidate' } }));
    // A school leaver: college covers the last 2 years; before that, school (an explained gap),
    // which is where a character reference is accepted.
    const day = (n: number) => new Date(Date.parse(j.at) - n * 86_400_000).toISOString().slice(0, 10);
    const referees = [
      { name: 'A Teacher', email: 'teacher@example.org', organisation: 'City College', relationship: 'education', coversFrom: day(2 * 365) },
      { name: 'A Neighbour', email: 'neighbour@example.org', organisation: 'Community centre', relationship: 'character' },
    ];
    const gaps = [{ from: day(4 * 365), to: day(2 * 365 + 1), reason: 'education', explanation: 'At secondary school' }];
    expect(send(j, 'references.refereesProvided', { referees, gaps }).snapshot.matches({ checks: { references: 'requested' } })).toBe(true);
  });
});

describe('induction and shadow shifts', () => {
  it('sends joining instructions when the induction is booked', () => {
    const j = send(advanceUntil(inStage('induction')), 'inductionBooked');
    expect(j.actions).toContainEqual(expect.objectContaining({ type: 'email', params: { template: 'inductionJoiningInstructions', to: 'candidate' } }));
    expect((j.snapshot.context as JourneyContext).induction?.days).toBe(defaultPolicy.hcswdInductionDays);
  });

  it('refuses to complete the induction before every policy day is attended', () => {
    const booked = advanceUntil((s) => s.matches({ induction: 'booked' }));
    const j = atBlockEnd(booked, ctxOf(booked).induction!);
    expect(can(j, 'inductionCompleted', { daysAttended: defaultPolicy.hcswdInductionDays })).toBe(true);
    expect(can(j, 'inductionCompleted', { daysAttended: defaultPolicy.hcswdInductionDays - 1 })).toBe(false);
  });

  it('refuses to complete the shadow shifts before every policy day is done', () => {
    const booked = advanceUntil((s) => s.matches({ supervisedPractice: 'booked' }));
    const j = atBlockEnd(booked, ctxOf(booked).supervisedPractice!);
    expect(can(j, 'shadowShiftsCompleted', { daysCompleted: defaultPolicy.hcswdShadowShiftDays })).toBe(true);
    expect(can(j, 'shadowShiftsCompleted', { daysCompleted: defaultPolicy.hcswdShadowShiftDays - 1 })).toBe(false);
  });
});

describe('Care Certificate and trust sign-off', () => {
  const atCareCertificate = () => advanceUntil(inStage('care_certificate'));

  it('refuses trust sign-off until all 15 Care Certificate standards are signed off', () => {
    expect(careCertificateStandards).toHaveLength(15);
    const j = advanceUntil((s) => signedOff(s) === 14);
    expect(stageOf(j.snapshot)).toBe('care_certificate');
    expect(can(j, 'trustSignedOff', { hoursWorked: defaultPolicy.hcswdSignOffMinHours * 2 })).toBe(false);
  });

  it('refuses trust sign-off before the minimum supervised hours', () => {
    // Half a year after paid work began: the hours required could have been worked by then.
    const signingOff = advanceUntil(inStage('sign_off'));
    const j = justBefore(signingOff, new Date(Date.parse(ctxOf(signingOff).traineeship!.startedAt) + 183 * 86_400_000).toISOString());
    expect(can(j, 'trustSignedOff', { hoursWorked: defaultPolicy.hcswdSignOffMinHours - 1 })).toBe(false);
    expect(can(j, 'trustSignedOff', { hoursWorked: defaultPolicy.hcswdSignOffMinHours })).toBe(true);
  });

  it('stays in the Care Certificate stage while standards remain and moves on with the last one', () => {
    let j: Journey = atCareCertificate();
    for (let n = 1; n < 15; n++) {
      j = send(j, 'careStandardSignedOff');
      expect(stageOf(j.snapshot)).toBe('care_certificate');
    }
    expect(stageOf(send(j, 'careStandardSignedOff').snapshot)).toBe('sign_off');
  });

  it('refuses to sign off the same standard twice', () => {
    const j = send(atCareCertificate(), 'careStandardSignedOff', { standard: 'duty_of_care' });
    expect(can(j, 'careStandardSignedOff', { standard: 'duty_of_care' })).toBe(false);
    expect(can(j, 'careStandardSignedOff', { standard: 'communication' })).toBe(true);
  });

  it('emails the candidate when a standard is signed off', () => {
    const { actions } = send(atCareCertificate(), 'careStandardSignedOff');
    expect(actions).toContainEqual(expect.objectContaining({ type: 'email', params: { template: 'careStandardSignedOff', to: 'candidate' } }));
  });

  it('reminds candidate and recruiter when the Care Certificate runs past the policy weeks, without ending the journey', () => {
    const booked = advanceUntil((s) => s.matches({ supervisedPractice: 'booked' }));
    const entered = send(atBlockEnd(booked, ctxOf(booked).supervisedPractice!), 'shadowShiftsCompleted');
    const entryActions = entered.actions;
    const timer = entryActions.find((a) => a.type === 'xstate.raise');
    expect(timer?.params?.delay).toBe(defaultPolicy.hcswdCareCertificateWeeks * 7 * 24 * 60 * 60 * 1000);
    const [after, actions] = transition(machine, entered.snapshot, { ...(timer!.params!.event as object), at: later(entered.at) } as never) as [AnyMachineSnapshot, Action[]];
    expect(stageOf(after)).toBe('care_certificate');
    expect(statusOf(after)).toBe('in_progress');
    const emails = actions.filter((a) => a.type === 'email').map((a) => a.params);
    expect(emails).toEqual([{ template: 'careCertificateOverdue', to: 'candidate' }, { template: 'careCertificateOverdue', to: 'recruiter' }]);
  });

  it('ends with status withdrawn when the trainee withdraws during the Care Certificate', () => {
    const j = send(advanceUntil((s) => signedOff(s) === 5), 'withdrawn');
    expect(statusOf(j.snapshot)).toBe('withdrawn');
    expect((j.snapshot.context as JourneyContext).exit).toEqual({ kind: 'withdrawn', reason: 'Candidate found another role' });
  });
});

describe('machine shape', () => {
  type Node = { key: string; type: string; meta?: StateMeta; parent?: Node; states: Record<string, Node>; on: Record<string, unknown> };
  const nodes = (n: Node): Node[] => [n, ...Object.values(n.states).flatMap(nodes)];
  const all = nodes(machine.root as unknown as Node).slice(1);

  // The check regions themselves come from the shared checks.ts fragment: their states carry meta.
  it('gives every state applicant-facing meta with an owner', () => {
    for (const n of all.filter((x) => x.parent?.type !== 'parallel')) {
      expect(n.meta?.title, n.key).toBeTruthy();
      expect(n.meta?.detail, n.key).toBeTruthy();
      expect(['candidate', 'recruiter', 'coordinator', 'third_party', 'none'], n.key).toContain(n.meta?.owner);
    }
  });

  it('gives every top-level state a stage and every top-level final state a status', () => {
    for (const n of Object.values((machine.root as unknown as Node).states)) {
      expect(n.meta?.stage, n.key).toBeTruthy();
      if (n.type === 'final') expect(n.meta?.status, n.key).toBeTruthy();
    }
  });

  it('allows withdrawal and rejection from every state the journey passes through', () => {
    const refused: string[] = [];
    advanceUntil((snapshot) => {
      if (snapshot.status !== 'active') return true;
      const j = { snapshot, at: input.at };
      if (!can(j, 'withdrawn') || !can(j, 'rejected')) refused.push(JSON.stringify(snapshot.value));
      return false;
    });
    expect(refused).toEqual([]);
  });

  it('defines no event type another catalog already defines', () => {
    const taken = new Set([...Object.keys(commonEvents), ...Object.keys(checkEvents)]);
    expect(Object.keys(hcswdEvents).filter((t) => taken.has(t))).toEqual([]);
  });

  it('marks re-bookings as hold so the walker never loops on them', () => {
    for (const t of ['assessmentRescheduled', 'inductionRebooked', 'shadowShiftsRebooked']) expect(hcswdEvents[t]!.intent).toBe('hold');
  });
});
