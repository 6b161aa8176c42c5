// DOMAIN.md: the programmes' entry rules, values-based interviews, the offer, statutory and
// mandatory training and the first shift — and "when it happened" for every recorded event.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { durations } from '../../src/services/reports/index.js';
import { trainingModules } from '../../workflows/vocabulary.js';
import { valueScores } from '../support/evidence.js';
import { walkApi } from '../support/walk-api.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, HOUR, accepted, atState, candidateAt, day, invalidAt, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const atScreening = (profession = 'registered_nurse') => candidateAt(t, atState('screening'), { profession });
/** Interview booked for an hour ago: it has taken place and can be passed now. */
const interviewed = async (profession = 'registered_nurse') => {
  const id = await candidateAt(t, atState('interview.toSchedule'), { profession });
  accepted(await send(t, id, 'interviewScheduled', { interviewAt: new Date(t.clock.now().getTime() - HOUR).toISOString(), location: 'Room 1' }));
  return id;
};

describe('domestic bank membership: 6 months’ UK care experience in the last 2 years', () => {
  it('refuses a nurse with 5 months and passes one with 6', async () => {
    const id = await atScreening();
    const detail = refusedBy(await send(t, id, 'screeningPassed', { careExperienceMonths: 5, body: 'NMC', number: '71A2998E' }), 'screening.careExperience', 'careExperienceMonths');
    expect(detail).toContain('6 months’ UK care experience in the last 2 years');
    accepted(await send(t, id, 'screeningPassed', { careExperienceMonths: 6, body: 'NMC', number: '71A2998E' }));
  });

  it('counts only the last 2 years: more than 24 months is refused, naming the field', async () => {
    const id = await atScreening();
    invalidAt(await send(t, id, 'screeningPassed', { careExperienceMonths: 30, body: 'NMC', number: '71A2998E' }), 'careExperienceMonths');
  });

  it('moves an HCA without it to the HCSWD programme, and only such an HCA', async () => {
    const hca = await atScreening('healthcare_assistant');
    refusedBy(await send(t, hca, 'screeningPassed', { careExperienceMonths: 3 }), 'screening.careExperience');
    expect((await send(t, hca, 'redirectedToHcswd', { careExperienceMonths: 3 })).status).toBe(200);
    const nurse = await atScreening();
    refusedBy(await send(t, nurse, 'redirectedToHcswd', { careExperienceMonths: 3 }), 'screening.hcswdRedirect');
  });
});

describe('substantive staff of a partner trust: right to work + confirmation of post', () => {
  it('takes the short route with only right to work and one reference', async () => {
    const id = await atScreening();
    const journey = accepted(await send(t, id, 'screeningPassed', { careExperienceMonths: 0, substantive: true }));
    expect(journey.state).toBe('checks');
    expect(Object.fromEntries(journey.checks.map((c) => [c.name, c.status]))).toEqual({
      identity: 'not_required', rightToWork: 'awaiting_candidate', registration: 'not_required', references: 'awaiting_candidate', dbs: 'not_required', workHealth: 'not_required',
    });
    expect(journey.context.referencesRequired).toBe(1);
  });
});

describe('interviews: the six NHS Constitution values scored to pass', () => {
  it('refuses an interview passed with no values scores, or with one missing, naming it', async () => {
    const id = await interviewed();
    invalidAt(await send(t, id, 'interviewPassed', {}), 'scores');
    const { compassion: _c, ...five } = valueScores;
    invalidAt(await send(t, id, 'interviewPassed', { scores: five }), 'scores.compassion');
  });

  it('refuses a value scored under the policy’s pass mark', async () => {
    const id = await interviewed();
    const detail = refusedBy(await send(t, id, 'interviewPassed', { scores: { ...valueScores, everyoneCounts: 2 } }), 'interview.valuesPassMark', 'scores.everyoneCounts');
    expect(detail).toContain('everyone counts');
    accepted(await send(t, id, 'interviewPassed', { scores: { ...valueScores, everyoneCounts: 3 } }));
  });

  it('needs the literacy and numeracy tests for a healthcare assistant, at their pass marks', async () => {
    const id = await interviewed('healthcare_assistant');
    refusedBy(await send(t, id, 'interviewPassed', { scores: valueScores }), 'interview.literacyNumeracy', 'literacyScore');
    refusedBy(await send(t, id, 'interviewPassed', { scores: valueScores, literacyScore: 70, numeracyScore: 40 }), 'interview.literacyNumeracy', 'numeracyScore');
    accepted(await send(t, id, 'interviewPassed', { scores: valueScores, literacyScore: 70, numeracyScore: 65 }));
  });

  it('refuses an interview passed before it took place', async () => {
    const id = await candidateAt(t, atState('interview.toSchedule'));
    accepted(await send(t, id, 'interviewScheduled', { interviewAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), location: 'Room 1' }));
    const detail = refusedBy(await send(t, id, 'interviewPassed', { scores: valueScores }), 'when.beforePrevious', 'occurredOn');
    expect(detail).toContain('the interview');
  });
});

describe('when it happened: recorded late, never in the future, never before what it follows', () => {
  it('stores today as the day it happened when none is given', async () => {
    const id = await interviewed();
    accepted(await send(t, id, 'interviewPassed', { scores: valueScores }));
    const history = (await t.get(`/api/candidates/${id}/history`)).body.items as { type: string; payload: Record<string, unknown> }[];
    expect(history.at(-1)!.payload.occurredOn).toBe(day(t, 0));
  });

  it('refuses a day in the future', async () => {
    const id = await interviewed();
    const detail = refusedBy(await send(t, id, 'interviewPassed', { scores: valueScores, occurredOn: day(t, 2) }), 'when.notInFuture', 'occurredOn');
    expect(detail).toContain('cannot be in the future');
  });

  it('refuses a conditional offer accepted before it was made', async () => {
    const id = await candidateAt(t, atState('offer.offered'));
    refusedBy(await send(t, id, 'offerAccepted', { occurredOn: day(t, -3) }), 'when.beforePrevious', 'occurredOn');
  });

  it('counts the offer’s expiry from the day it was made when that is recorded late', async () => {
    const id = await candidateAt(t, atState('offer.toMake'));
    t.clock.advance(30 * DAY); // the offer was made 5 days ago and is recorded only now
    const madeOn = day(t, -5);
    const journey = accepted(await send(t, id, 'offerMade', { occurredOn: madeOn }));
    expect(journey.context.when.offerMade).toBe(`${madeOn}T12:00:00.000Z`);
    const journeyId = (await t.get(`/api/candidates/${id}`)).body.journey.id as string;
    const timers = await t.intake.app.db.select().from(jobs).where(and(eq(jobs.journeyId, journeyId), eq(jobs.kind, 'timer')));
    const expiry = timers.find((j) => j.key?.includes('offerExpiry'))!;
    expect(expiry.runAt.toISOString()).toBe(new Date(Date.parse(`${madeOn}T12:00:00.000Z`) + 14 * DAY).toISOString());
    // An acceptance recorded late must fall within the offer's life.
    refusedBy(await send(t, id, 'offerAccepted', { occurredOn: day(t, 10) }), 'when.notInFuture');
    accepted(await send(t, id, 'offerAccepted', { occurredOn: day(t, -1) }));
  });

  it('refuses an acceptance recorded late with a day after the offer expired', async () => {
    const id = await candidateAt(t, atState('offer.toMake'));
    t.clock.advance(30 * DAY);
    accepted(await send(t, id, 'offerMade', { occurredOn: day(t, -20) }));
    const detail = refusedBy(await send(t, id, 'offerAccepted', { occurredOn: day(t, -2) }), 'offer.expired', 'occurredOn');
    expect(detail).toContain('expired');
  });
});

describe('the first shift: worked not before the day it was booked for', () => {
  it('refuses a first shift worked before its booked day, and takes it on the day', async () => {
    const id = await candidateAt(t, atState('readyToWork'));
    accepted(await send(t, id, 'firstShiftBooked', { date: day(t, 2), ward: 'Ward 12' }));
    const detail = refusedBy(await send(t, id, 'firstShiftWorked'), 'when.beforePrevious', 'occurredOn');
    expect(detail).toContain('the day the shift was booked for');
    t.clock.advance(2 * DAY);
    expect(accepted(await send(t, id, 'firstShiftWorked')).status).toBe('hired');
  });

  it('books no first shift before the candidate was cleared', async () => {
    const id = await candidateAt(t, atState('readyToWork'));
    refusedBy(await send(t, id, 'firstShiftBooked', { date: day(t, -3), ward: 'Ward 12' }), 'firstShift.beforeReady', 'date');
  });
});

describe('reports count from the day it happened', () => {
  it('measures time to fill to the day the first shift was worked, when it is recorded late', async () => {
    const own = await startTestIntake();
    try {
      const id = await candidateAt(own, atState('firstShiftBooked'));
      const shift = (await journeyOf(own, id)).context.firstShift.date as string;
      own.clock.set(new Date(Date.parse(`${shift}T09:00:00.000Z`) + 6 * DAY)); // recorded a week late
      accepted(await send(own, id, 'firstShiftWorked', { occurredOn: shift }));
      const created = Date.parse((await own.get(`/api/candidates/${id}`)).body.createdAt);
      const month = shift.slice(0, 7);
      const rows = await durations(own.intake.app.db, 'fill', { from: month, to: month, programmes: ['domestic'] });
      expect(rows.find((r) => r.month === month)).toMatchObject({ count: 1, medianDays: Math.round(((Date.parse(`${shift}T12:00:00.000Z`) - created) / DAY) * 10) / 10 });
    } finally {
      await own.close();
    }
  });
});

describe('statutory and mandatory training: 11 CSTF subjects + Oliver McGowan, refreshers by subject (policy)', () => {
  it('records each module once, counting an earlier completion only within its refresher interval', async () => {
    const id = await candidateAt(t, atState('training'));
    const thirteenMonths = day(t, -396);
    const detail = refusedBy(await send(t, id, 'trainingModuleCompleted', { module: 'resuscitation', occurredOn: thirteenMonths }), 'training.expired', 'occurredOn');
    expect(detail).toContain('every 1 year');
    accepted(await send(t, id, 'trainingModuleCompleted', { module: 'fire_safety', occurredOn: thirteenMonths }));
    refusedBy(await send(t, id, 'trainingModuleCompleted', { module: 'fire_safety' }), 'training.alreadyRecorded', 'module');
    expect((await journeyOf(t, id)).context.trainingCompletedOn).toEqual({ fire_safety: thirteenMonths });
  });

  it('records training on the domestic journey from the offer on; all done, its stage is passed straight through', async () => {
    const id = await candidateAt(t, atState('checks'));
    for (const module of trainingModules) accepted(await send(t, id, 'trainingModuleCompleted', { module }));
    await walkApi(t, id, (j) => j.state === 'readyToWork');
    const history = (await t.get(`/api/candidates/${id}/history`)).body.items as { toStage: string }[];
    expect(history.map((h) => h.toStage)).not.toContain('training');
  });
});
