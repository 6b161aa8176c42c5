// Deadline warnings on the cohort table, against the app clock and the policy: the OSCE first
// attempt 12 weeks after arrival (warn 14 days ahead), the 8-month sponsorship limit without a
// PIN (30 days ahead) and the English result's 2-year validity before the registration
// application (60 days ahead). The worker is off, so no timer moves anyone meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { months } from '../../workflows/policy.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, atState, cohortIdFrom, internationalCandidate, journeyOf, page, postForm, signIn, visible, walkUntil } from './support.js';

let t: TestIntake;
let cohortId: string;
let arrivedAt: number;
const ids = {} as Record<'nia' | 'mo' | 'pat' | 'eve', string>;

const longDate = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Each candidate's warnings column as a reader sees it, at the clock's time now (a fresh session each time). */
async function warnings(): Promise<Record<string, string>> {
  const coordinator = await signIn(t, 'coordinator');
  const res = await page(t, `/cohorts/${cohortId}`, coordinator);
  expect(res.status).toBe(200);
  const rows = res.text.split('<tbody>')[1]!.split('</tbody>')[0]!.split('<tr').slice(1);
  const out: Record<string, string> = {};
  for (const row of rows) {
    const name = /aria-label="([^"]+)"/.exec(row)![1]!;
    const cells = row.split('<td');
    out[name] = visible(`<td${cells.at(-1)!}`).trim();
  }
  return out;
}

beforeAll(async () => {
  t = await startTestIntake();
  ids.nia = await internationalCandidate(t, 'Nia Mensah');
  ids.mo = await internationalCandidate(t, 'Mo Salah-Ibrahim');
  ids.pat = await internationalCandidate(t, 'Pat Cruz', 'physiotherapist');
  ids.eve = await internationalCandidate(t, 'Eve Tan');
  for (const id of [ids.nia, ids.mo, ids.pat]) await walkUntil(t, id, atState('travel.booked'));
  // Eve has her English result and is sitting the CBT: her result must last until the NMC application.
  await walkUntil(t, ids.eve, atState('cbt.firstAttempt'));
  const coordinator = await signIn(t, 'coordinator');
  cohortId = cohortIdFrom((await postForm(t, '/cohorts', coordinator, { name: 'Deadlines', startsOn: '2026-04-01' })).headers.get('location'));
  await postForm(t, `/cohorts/${cohortId}/members`, coordinator, { candidateId: Object.values(ids) });
  await postForm(t, `/cohorts/${cohortId}/events`, coordinator, { event: 'arrivedInUk', member: [ids.nia, ids.mo, ids.pat] });
  arrivedAt = Date.parse((await journeyOf(t, ids.nia)).context.arrivedAt);
  expect(arrivedAt).toBe(t.clock.now().getTime());
  // Mo sits (and fails) the OSCE early; Nia does not.
  await walkUntil(t, ids.mo, atState('osce.booked'));
  const booked = (await journeyOf(t, ids.mo)).context.osceBooking;
  t.clock.set(new Date(`${booked.date}T10:00:00Z`));
  expect((await t.post(`/api/candidates/${ids.mo}/events`, { type: 'osceFailed', date: booked.date, stationsFailed: ['Evaluation'] })).status).toBe(200);
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('the OSCE first-attempt target', () => {
  const due = () => arrivedAt + 12 * 7 * DAY;

  it('shows no warning while the target is more than 14 days away', async () => {
    t.clock.set(new Date(due() - 15 * DAY));
    const w = await warnings();
    expect(w['Nia Mensah']).toBe('None');
    expect(w['Mo Salah-Ibrahim']).toBe('None');
  });

  it('warns 14 days ahead when no attempt is made yet, saying whether it is booked', async () => {
    t.clock.set(new Date(due() - 10 * DAY));
    const w = await warnings();
    expect(w['Nia Mensah']).toBe(`Due soon First OSCE attempt due by ${longDate(due())}, in 10 days: 12 weeks after arrival (not booked yet).`);
    // Mo has sat an attempt: the target is met even though he failed.
    expect(w['Mo Salah-Ibrahim']).toBe('None');
    // The HCPC route has no OSCE.
    expect(w['Pat Cruz']).toBe('None');
  });

  it('shows it as overdue once the target has passed', async () => {
    t.clock.set(new Date(due() + DAY));
    expect((await warnings())['Nia Mensah']).toBe(`Overdue First OSCE attempt overdue: the target was ${longDate(due())}, 12 weeks after arrival (not booked yet).`);
  });
});

describe('the sponsorship limit', () => {
  const end = () => arrivedAt + months(8);

  it('warns 30 days before sponsorship ends without a PIN, for nurses only', async () => {
    t.clock.set(new Date(end() - 31 * DAY));
    expect((await warnings())['Mo Salah-Ibrahim']).toBe('None');
    t.clock.set(new Date(end() - 20 * DAY));
    const w = await warnings();
    expect(w['Mo Salah-Ibrahim']).toBe(`Due soon Sponsorship ends ${longDate(end())}, in 20 days, unless NMC registration (PIN) is reached: 8 months after arrival.`);
    expect(w['Nia Mensah']).toContain(`Due soon Sponsorship ends ${longDate(end())}, in 20 days`);
    expect(w['Nia Mensah']).toContain('Overdue First OSCE attempt overdue');
    expect(w['Pat Cruz']).toBe('None');
  });

  it('shows the limit as passed once the date has gone by', async () => {
    t.clock.set(new Date(end() + DAY));
    expect((await warnings())['Mo Salah-Ibrahim']).toBe(`Overdue Sponsorship limit passed on ${longDate(end())} without NMC registration (8 months after arrival).`);
  });
});

describe('the English result’s validity', () => {
  let expires: number;
  beforeAll(async () => {
    const { englishTest } = (await journeyOf(t, ids.eve)).context;
    expires = Date.parse(new Date(Date.parse(englishTest.date) + months(24)).toISOString().slice(0, 10));
  });

  it('warns 60 days before the result expires while the registration application is not in', async () => {
    t.clock.set(new Date(expires - 61 * DAY));
    expect((await warnings())['Eve Tan']).toBe('None');
    t.clock.set(new Date(expires - 50 * DAY));
    const w = await warnings();
    expect(w['Eve Tan']).toBe(`Due soon IELTS result expires ${longDate(expires)}, in 50 days, before the registration application is in.`);
    // The others' NMC or HCPC applications went in long ago: their English no longer expires on the journey.
    for (const name of ['Nia Mensah', 'Mo Salah-Ibrahim', 'Pat Cruz']) expect(w[name]).not.toContain('result expires');
  });

  it('shows the result as expired once the date has gone by', async () => {
    t.clock.set(new Date(expires + DAY));
    expect((await warnings())['Eve Tan']).toBe(`Overdue IELTS result expired on ${longDate(expires)} before the registration application was made: a new test is needed.`);
  });

  it('marks rows with a warning so they stand out', async () => {
    const res = await page(t, `/cohorts/${cohortId}`, await signIn(t, 'coordinator'));
    expect(res.text).toMatch(/<tr class="overdue"><td><input type="checkbox" name="member" value="[^"]+" id="[^"]+" aria-label="Eve Tan"/);
  });
});
