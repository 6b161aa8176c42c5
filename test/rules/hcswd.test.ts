// DOMAIN.md, "HCSWD programme", through the API: the assessment, DBS for direct care, the
// induction and shadow shifts on their days, the Care Certificate during paid work, and a
// sign-off on hours that could have been worked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../workflows/policy.js';
import { valueScores } from '../support/evidence.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, HOUR, accepted, atState, both, candidateAt, checkStatus, day, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ policy: { dbsLevelByProfession: { ...defaultPolicy.dbsLevelByProfession, healthcare_assistant: 'basic' } } }); });
afterAll(async () => { await t?.close(); });

const hcswd = (until: Parameters<typeof candidateAt>[1]) => candidateAt(t, until, { programme: 'hcswd', profession: 'healthcare_assistant' });

describe('assessment: values-based interview + literacy and numeracy tests', () => {
  it('refuses a value under the pass mark and a missing test, and passes on the day', async () => {
    const id = await hcswd(atState('assessment.scheduled'));
    t.clock.set(new Date(Date.parse((await journeyOf(t, id)).context.interview.at) + HOUR));
    refusedBy(await send(t, id, 'assessmentPassed', { valueScores: { ...valueScores, compassion: 2 }, literacyScore: 80, numeracyScore: 80 }), 'interview.valuesPassMark', 'valueScores.compassion');
    refusedBy(await send(t, id, 'assessmentPassed', { valueScores, literacyScore: 50, numeracyScore: 80 }), 'interview.literacyNumeracy', 'literacyScore');
    accepted(await send(t, id, 'assessmentPassed', { valueScores, literacyScore: 80, numeracyScore: 80 }));
  });
});

describe('pre-employment checks: DBS enhanced with the adults’ barred list', () => {
  it('holds HCSWD to direct care even where the policy table asks less of healthcare assistants', async () => {
    const id = await hcswd(both(checkStatus('identity', 'cleared'), checkStatus('dbs', 'received')));
    const certificate = (level: string) => ({ certificateNumber: '001234567890', issueDate: day(t, 0), level, outcome: 'clear' });
    refusedBy(await send(t, id, 'dbs.cleared', certificate('enhanced')), 'dbs.levelForRole', 'level');
    accepted(await send(t, id, 'dbs.cleared', certificate('enhanced_adults_barred')));
  });
});

describe('classroom induction (e.g. 7 days) and shadow shifts (e.g. 5 days): completed on their days', () => {
  it('refuses an induction completed before it started, or before its days could be attended', async () => {
    const id = await hcswd(atState('induction.booked'));
    const { startDate } = (await journeyOf(t, id)).context.induction as { startDate: string };
    const at = (n: number) => new Date(Date.parse(`${startDate}T17:00:00.000Z`) + n * DAY).toISOString().slice(0, 10);
    t.clock.set(new Date(Date.parse(`${startDate}T18:00:00.000Z`) + 10 * DAY));
    refusedBy(await send(t, id, 'inductionCompleted', { daysAttended: 7, occurredOn: at(-1) }), 'induction.completedBeforeStart', 'occurredOn');
    refusedBy(await send(t, id, 'inductionCompleted', { daysAttended: 7, occurredOn: at(3) }), 'induction.tooSoon', 'occurredOn');
    accepted(await send(t, id, 'inductionCompleted', { daysAttended: 7, occurredOn: at(6) }));
  });

  it('refuses shadow shifts completed before they started', async () => {
    const id = await hcswd(atState('supervisedPractice.booked'));
    const { startDate } = (await journeyOf(t, id)).context.supervisedPractice as { startDate: string };
    t.clock.set(new Date(Date.parse(`${startDate}T18:00:00.000Z`) + 10 * DAY));
    refusedBy(await send(t, id, 'shadowShiftsCompleted', { daysCompleted: 5, occurredOn: new Date(Date.parse(startDate) - DAY).toISOString().slice(0, 10) }), 'shadowShifts.completedBeforeStart');
  });
});

describe('paid supervised work: the Care Certificate signed off, then the trust signs off after the minimum hours', () => {
  it('refuses a Care Certificate standard signed off before paid work began', async () => {
    const id = await hcswd(atState('careCertificate'));
    const started = (await journeyOf(t, id)).context.traineeship.startedAt as string;
    const before = new Date(Date.parse(started) - 2 * DAY).toISOString().slice(0, 10);
    refusedBy(await send(t, id, 'careStandardSignedOff', { standard: 'duty_of_care', occurredOn: before }), 'when.beforePrevious', 'occurredOn');
  });

  it('refuses sign-off hours that could not have been worked since paid work began, and fewer than the minimum', async () => {
    const id = await hcswd(atState('signOff'));
    const started = Date.parse((await journeyOf(t, id)).context.traineeship.startedAt as string);
    t.clock.set(new Date(started + 10 * 7 * DAY)); // ten weeks in: at most 480 hours at 48 a week
    const detail = refusedBy(await send(t, id, 'trustSignedOff', { hoursWorked: 780, signedOffBy: 'Practice Development Lead' }), 'hcswd.hoursPossible', 'hoursWorked');
    expect(detail).toContain('48 hours a week');
    t.clock.set(new Date(started + 26 * 7 * DAY));
    refusedBy(await send(t, id, 'trustSignedOff', { hoursWorked: 700, signedOffBy: 'Practice Development Lead' }), 'hcswd.minimumHours', 'hoursWorked');
    accepted(await send(t, id, 'trustSignedOff', { hoursWorked: 780, signedOffBy: 'Practice Development Lead' }));
  });
});

describe('statutory and mandatory training on the HCSWD programme', () => {
  it('records a module once the offer is accepted', async () => {
    const id = await hcswd(atState('induction.toBook'));
    expect(accepted(await send(t, id, 'trainingModuleCompleted', { module: 'oliver_mcgowan' })).context.trainingCompleted).toEqual(['oliver_mcgowan']);
  });
});
