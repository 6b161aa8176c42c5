// DOMAIN.md, "International nurse pathway" and its variants, through the API.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { months } from '../../workflows/policy.js';
import { trainingModules } from '../../workflows/vocabulary.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, accepted, atState, candidateAt, day, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const international = (until: Parameters<typeof candidateAt>[1], profession = 'registered_nurse', adjust?: (type: string, e: Record<string, unknown>) => Record<string, unknown>) =>
  candidateAt(t, until, { programme: 'international', profession, ...(adjust ? { adjust } : {}) });
const ielts = (daysAgo: number, scores: Partial<Record<'overall' | 'listening' | 'reading' | 'writing' | 'speaking', number>>) =>
  ({ date: day(t, -daysAgo), overall: 7, listening: 7, reading: 7, writing: 7, speaking: 7, ...scores });
const timersOf = async (id: string) => {
  const journeyId = (await t.get(`/api/candidates/${id}`)).body.journey.id as string;
  return t.intake.app.db.select().from(jobs).where(and(eq(jobs.journeyId, journeyId), eq(jobs.kind, 'timer')));
};

describe('English: IELTS/OET at the regulator’s thresholds, results valid 2 years', () => {
  it('refuses a result older than 2 years', async () => {
    const id = await international(atState('english'));
    refusedBy(await send(t, id, 'ieltsResult', ielts(800, {})), 'english.expired', 'date');
  });

  it('holds a doctor to the GMC’s IELTS 7.5 overall and 7.0 in each skill', async () => {
    const id = await international(atState('english'), 'doctor');
    const detail = refusedBy(await send(t, id, 'ieltsResult', ielts(30, { overall: 7 })), 'english.standard', 'overall');
    expect(detail).toContain('The GMC needs IELTS 7.5 overall');
    expect(accepted(await send(t, id, 'ieltsResult', ielts(30, { overall: 7.5 }))).state).toBe('plab1');
  });
});

describe('English: two sittings within 6 months may be combined if no score is below 6.5 (IELTS) / C+ (OET)', () => {
  it('combines two IELTS sittings 3 months apart, each short in one skill', async () => {
    const id = await international(atState('english'));
    const first = accepted(await send(t, id, 'ieltsResult', ielts(120, { reading: 6.5 })));
    expect(first.state).toBe('english');
    expect(first.context.englishSittings).toHaveLength(1);
    const combined = accepted(await send(t, id, 'ieltsResult', ielts(30, { listening: 6.5 })));
    expect(combined.state).toBe('cbt.firstAttempt');
    expect(combined.context.englishTest).toEqual({ type: 'IELTS', date: day(t, -120) });
  });

  it('does not combine sittings more than 6 months apart', async () => {
    const id = await international(atState('english'));
    accepted(await send(t, id, 'ieltsResult', ielts(300, { reading: 6.5 })));
    const second = accepted(await send(t, id, 'ieltsResult', ielts(30, { listening: 6.5 })));
    expect(second.state).toBe('english');
    expect(second.context.englishTest).toBeUndefined();
  });

  it('refuses a sitting with a score below 6.5: it can neither count nor be combined', async () => {
    const id = await international(atState('english'));
    const detail = refusedBy(await send(t, id, 'ieltsResult', ielts(30, { writing: 6 })), 'english.standard', 'writing');
    expect(detail).toContain('combined when no score is below 6.5');
    expect((await journeyOf(t, id)).context.englishSittings ?? []).toEqual([]);
  });

  it('combines two OET sittings with no grade below C+', async () => {
    const id = await international(atState('english'));
    const oet = (daysAgo: number, grades: Record<string, string>) => ({ date: day(t, -daysAgo), listening: 'B', reading: 'B', writing: 'C+', speaking: 'B', ...grades });
    refusedBy(await send(t, id, 'oetResult', oet(60, { reading: 'C' })), 'english.standard', 'reading');
    expect(accepted(await send(t, id, 'oetResult', oet(60, { reading: 'C+' }))).state).toBe('english');
    expect(accepted(await send(t, id, 'oetResult', oet(20, { listening: 'C+' }))).state).toBe('cbt.firstAttempt');
  });
});

describe('CBT: up to 3 attempts at least 10 days apart', () => {
  it('refuses a resit sooner than 10 days after the last attempt', async () => {
    const id = await international(atState('cbt.firstAttempt'));
    accepted(await send(t, id, 'cbtFailed', { date: day(t, -5) }));
    refusedBy(await send(t, id, 'cbtPassed', { date: day(t, 0) }), 'exam.gap', 'date');
    t.clock.advance(6 * DAY);
    accepted(await send(t, id, 'cbtPassed', { date: day(t, 0) }));
  });
});

describe('NMC registration application: within 2 years of the first test-of-competence pass, health reference ≤ 6 months', () => {
  it('refuses an application more than 2 years after the CBT pass', async () => {
    const id = await international(atState('cbt.firstAttempt'));
    accepted(await send(t, id, 'cbtPassed', { date: day(t, -740) }));
    const detail = refusedBy(await send(t, id, 'nmcApplicationSubmitted', { healthReferenceDate: day(t, -20), policeCertificateCountries: ['Philippines'] }), 'nmc.applicationWithinTwoYears', 'occurredOn');
    expect(detail).toContain('within 2 years of the first test-of-competence pass');
  });

  it('refuses a health reference more than 6 months old on the day of the application', async () => {
    const id = await international(atState('nmcApplication.preparing'));
    refusedBy(await send(t, id, 'nmcApplicationSubmitted', { healthReferenceDate: day(t, -200), policeCertificateCountries: ['India'] }), 'nmc.healthReference', 'healthReferenceDate');
  });
});

describe('sponsorship and visa: the visa within 3 months of the CoS; the TB certificate valid 6 months from the X-ray, also at the visa application', () => {
  it('refuses a visa application more than 3 months after the Certificate of Sponsorship', async () => {
    const id = await international(atState('preDeparture.cos'));
    t.clock.advance(120 * DAY);
    accepted(await send(t, id, 'cosAssigned', { cosNumber: 'C2G7H8J9K0L1M2', occurredOn: day(t, -100) }));
    accepted(await send(t, id, 'tbCertificateIssued', { xrayDate: day(t, -10), clinic: 'IOM Manila' }));
    refusedBy(await send(t, id, 'visaApplied', { reference: 'GWF012345678' }), 'visa.withinThreeMonthsOfCos', 'occurredOn');
  });

  it('refuses a TB certificate more than 6 months after its X-ray', async () => {
    const id = await international(atState('preDeparture.sponsored.tbCertificate'));
    refusedBy(await send(t, id, 'tbCertificateIssued', { xrayDate: day(t, -200), clinic: 'IOM Manila' }), 'tb.expired', 'xrayDate');
  });

  it('refuses a visa application made after the TB certificate expired', async () => {
    const id = await international(atState('preDeparture.sponsored.tbCertificate'));
    accepted(await send(t, id, 'tbCertificateIssued', { xrayDate: day(t, -170), clinic: 'IOM Manila' }));
    t.clock.advance(20 * DAY);
    refusedBy(await send(t, id, 'visaApplied', { reference: 'GWF012345678' }), 'visa.tbCertificateExpired', 'occurredOn');
  });
});

describe('travel and arrival: the sponsorship clock starts on the day of arrival', () => {
  it('refuses an arrival before the booked flight', async () => {
    const id = await international(atState('travel.booked'));
    const detail = refusedBy(await send(t, id, 'arrivedInUk'), 'when.beforePrevious', 'occurredOn');
    expect(detail).toContain('the flight');
  });

  it('counts the 8 months and the OSCE target from the day of arrival when it is recorded late', async () => {
    const id = await international(atState('travel.booked'));
    const flight = (await journeyOf(t, id)).context.flightDate as string;
    t.clock.set(new Date(Date.parse(`${flight}T09:00:00.000Z`) + 3 * DAY));
    const journey = accepted(await send(t, id, 'arrivedInUk', { occurredOn: flight }));
    expect(journey.context.arrivedAt).toBe(`${flight}T12:00:00.000Z`);
    const timers = await timersOf(id);
    const runAt = (delay: string) => timers.find((j) => j.key?.includes(`.${delay}.`))!.runAt.getTime();
    expect(runAt('sponsorshipLimit')).toBe(Date.parse(`${flight}T12:00:00.000Z`) + months(8));
    expect(runAt('osceTarget')).toBe(Date.parse(`${flight}T12:00:00.000Z`) + 12 * 7 * DAY);
  });
});

describe('pre-registration post (Band 3 or 4, policy) and the OSCE (booked ≥ 14 days ahead)', () => {
  it('refuses a pre-registration post at a band the policy does not offer', async () => {
    const id = await international(atState('arrivalChecks.cleared'));
    refusedBy(await send(t, id, 'preRegistrationStarted', { band: '5', startDate: day(t, 0) }), 'preRegistration.band', 'band');
  });

  it('refuses an OSCE booked less than 14 days ahead', async () => {
    const id = await international(atState('preRegistration'));
    refusedBy(await send(t, id, 'osceBooked', { date: day(t, 10), centre: 'Northampton' }), 'osce.bookingLead', 'date');
  });

  it('refuses an NMC PIN in the wrong format', async () => {
    const id = await international(atState('pin'));
    refusedBy(await send(t, id, 'pinIssued', { pin: '12345678' }), 'registration.format', 'pin');
  });
});

describe('doctors: GMC registration with a licence to practise before any clinical start', () => {
  it('refuses GMC registration without a licence to practise', async () => {
    const id = await international(atState('gmcRegistration.approved'), 'doctor');
    refusedBy(await send(t, id, 'regulatorRegistered', { body: 'GMC', number: '7012345', licenceToPractise: false }), 'registration.licence', 'licenceToPractise');
  });
});

describe('statutory and mandatory training on the international programme: up to 6 weeks’ work while finishing it', () => {
  it('records training once the offer is accepted, not before', async () => {
    const before = await international(atState('offer.offered'));
    refusedBy(await send(t, before, 'trainingModuleCompleted', { module: 'fire_safety' }), 'training.afterOffer');
    const after = await international(atState('english'));
    expect(accepted(await send(t, after, 'trainingModuleCompleted', { module: 'fire_safety' })).context.trainingCompleted).toEqual(['fire_safety']);
  });

  it('books no shift beyond 6 weeks after clearance until the training is done, and reminds at 4 weeks', async () => {
    // Flying the day travel is booked, the walk never waits, so it never fills the time with training.
    const flyToday = (type: string, e: Record<string, unknown>) => (type === 'travelBooked' ? { ...e, flightDate: day(t, 0) } : e);
    const id = await international(atState('readyToWork'), 'physiotherapist', flyToday);
    expect((await journeyOf(t, id)).context.trainingCompleted).toEqual([]);
    const detail = refusedBy(await send(t, id, 'firstShiftBooked', { date: day(t, 7 * 7), ward: 'Ward 3' }), 'training.graceEnded', 'date');
    expect(detail).toContain('6 weeks');
    const ready = Date.parse((await journeyOf(t, id)).context.readyAt);
    expect((await timersOf(id)).find((j) => j.key?.includes('.trainingTarget.'))!.runAt.getTime()).toBe(ready + 4 * 7 * DAY);
    for (const module of trainingModules) accepted(await send(t, id, 'trainingModuleCompleted', { module }));
    accepted(await send(t, id, 'firstShiftBooked', { date: day(t, 7 * 7), ward: 'Ward 3' }));
  });
});
