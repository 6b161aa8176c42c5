// DOMAIN.md: professional registration (the check standard and "Registration numbers"), through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, accepted, atState, candidateAt, checkStatus, day, invalidAt, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const atScreening = (profession: string) => candidateAt(t, atState('screening'), { profession });
const registrationReceived = (profession = 'registered_nurse') => candidateAt(t, checkStatus('registration', 'received'), { profession });
const entry = (body: string, number: string, over: Record<string, unknown> = {}) => ({ body, number, status: 'registered', renewalDueOn: day(t, 200), ...over });

describe('registration numbers: validate the format of each regulator, never derive meaning', () => {
  it.each([
    ['registered_nurse', 'NMC', '12345678', '71A2998E'],
    ['paramedic', 'HCPC', 'PH123456', 'PA123456'],
    ['physiotherapist', 'HCPC', 'PH1234567', 'PH123456'],
    ['doctor', 'GMC', '123456', 'L123456'],
    ['pharmacist', 'GPhC', '5081234', '2081234'],
    ['social_worker', 'SWE', 'SW012345', 'SW12345'],
  ])('refuses a %s’s %s number %s and accepts %s at screening', async (profession, body, wrong, right) => {
    const id = await atScreening(profession);
    const detail = refusedBy(await send(t, id, 'screeningPassed', { careExperienceMonths: 12, body, number: wrong }), 'registration.format', 'number');
    expect(detail).toContain('regulator’s format');
    accepted(await send(t, id, 'screeningPassed', { careExperienceMonths: 12, body, number: right }));
  });

  it('refuses a pharmacist’s number with a pharmacy technician’s prefix (5…), in words', async () => {
    const id = await atScreening('pharmacist');
    const detail = refusedBy(await send(t, id, 'screeningPassed', { careExperienceMonths: 12, body: 'GPhC', number: '5081234' }), 'registration.format');
    expect(detail).toContain('pharmacy technicians');
  });

  it('refuses the register of another profession (a physiotherapist on the NMC register)', async () => {
    const id = await registrationReceived('physiotherapist');
    const detail = refusedBy(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E')), 'registration.body', 'body');
    expect(detail).toContain('HCPC');
  });
});

describe('registration check: on the register, no conditions affecting the role, no pending fitness-to-practise', () => {
  it.each(['lapsed', 'suspended', 'fitness_to_practise_pending'])('refuses a registration whose status is %s', async (status) => {
    const id = await registrationReceived();
    refusedBy(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E', { status })), 'registration.status', 'status');
  });

  it('refuses conditions that affect the role, needs the answer, and clears conditions that do not', async () => {
    const id = await registrationReceived();
    invalidAt(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E', { status: 'registered_with_conditions' })), 'conditionsAffectRole');
    refusedBy(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E', { status: 'registered_with_conditions', conditionsAffectRole: true })), 'registration.conditions');
    const journey = accepted(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E', { status: 'registered_with_conditions', conditionsAffectRole: false })));
    expect(journey.context.registration).toMatchObject({ body: 'NMC', number: '71A2998E', status: 'registered_with_conditions', renewalDueOn: day(t, 200) });
  });

  it('records the renewal date, which must be after the day the register was checked', async () => {
    const id = await registrationReceived();
    refusedBy(await send(t, id, 'registration.cleared', entry('NMC', '71A2998E', { renewalDueOn: day(t, 0) })), 'registration.renewalDue', 'renewalDueOn');
    invalidAt(await send(t, id, 'registration.cleared', { body: 'NMC', number: '71A2998E', status: 'registered' }), 'renewalDueOn');
  });

  it('needs a GMC licence to practise for a doctor', async () => {
    const id = await registrationReceived('doctor');
    refusedBy(await send(t, id, 'registration.cleared', entry('GMC', '7012345')), 'registration.licence', 'licenceToPractise');
    accepted(await send(t, id, 'registration.cleared', entry('GMC', '7012345', { licenceToPractise: true })));
  });
});

describe('registration: re-verified before start', () => {
  it('refuses the first shift when the register was last checked more than the policy’s 90 days before, until it is checked again', async () => {
    const id = await candidateAt(t, atState('readyToWork'));
    accepted(await send(t, id, 'firstShiftBooked', { date: day(t, 100), ward: 'Ward 12' }));
    // Not due yet: a look now would be stale by the shift.
    refusedBy(await send(t, id, 'registration.reverified', { status: 'registered', renewalDueOn: day(t, 300) }), 'registration.recheckNotDue');
    t.clock.advance(101 * DAY);
    const detail = refusedBy(await send(t, id, 'firstShiftWorked'), 'registration.recheckBeforeStart');
    expect(detail).toContain('90 days');
    refusedBy(await send(t, id, 'registration.reverified', { status: 'lapsed', renewalDueOn: day(t, 100) }), 'registration.status');
    accepted(await send(t, id, 'registration.reverified', { status: 'registered', renewalDueOn: day(t, 300) }));
    expect(accepted(await send(t, id, 'firstShiftWorked')).status).toBe('hired');
  });

  it('books no shift on or after the registration’s renewal date', async () => {
    const id = await candidateAt(t, atState('readyToWork'));
    const renewal = (await journeyOf(t, id)).context.registration.renewalDueOn as string;
    refusedBy(await send(t, id, 'firstShiftBooked', { date: renewal, ward: 'Ward 12' }), 'registration.renewalBeforeShift', 'date');
  });
});
