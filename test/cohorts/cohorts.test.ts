// Coordinator cohorts: create an intake, add international candidates, see their milestones, and
// move several on at once, each through dispatch on its own, with every outcome reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { type Staff, atState, cohortIdFrom, internationalCandidate, journeyOf, page, postForm, signIn, visible, walkUntil } from './support.js';

let t: TestIntake;
let coordinator: Staff;
let recruiter: Staff;
let cohortId: string;
const ids = {} as Record<'amara' | 'bayo' | 'chiara' | 'dara', string>;

beforeAll(async () => {
  t = await startTestIntake();
  ids.amara = await internationalCandidate(t, 'Amara Okafor');
  ids.bayo = await internationalCandidate(t, 'Bayo Adeyemi');
  ids.chiara = await internationalCandidate(t, 'Chiara Santos');
  ids.dara = await internationalCandidate(t, 'Dara Reyes', 'physiotherapist');
  // Two nurses whose travel is booked, one still waiting for her visa.
  await walkUntil(t, ids.amara, atState('travel.booked'));
  await walkUntil(t, ids.bayo, atState('travel.booked'));
  await walkUntil(t, ids.chiara, atState('preDeparture.visaPending'));
  // Signed in after the walk: a staff session lasts 8 hours of the test clock.
  coordinator = await signIn(t, 'coordinator');
  recruiter = await signIn(t, 'recruiter');
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('creating and listing cohorts', () => {
  it('creates a cohort from the form and lands on its page', async () => {
    const res = await postForm(t, '/cohorts', coordinator, { name: 'March 2027 nurses', startsOn: '2027-03-01' });
    expect(res.status).toBe(303);
    cohortId = cohortIdFrom(res.headers.get('location'));
    expect(res.headers.get('location')).toBe(`/cohorts/${cohortId}?created=1`);
    const shown = await page(t, res.headers.get('location')!, coordinator);
    expect(shown.status).toBe(200);
    expect(visible(shown.text)).toContain('March 2027 nurses');
    expect(visible(shown.text)).toContain('Cohort created.');
  });

  it('lists cohorts with their member counts and offers the create form with labelled fields', async () => {
    await postForm(t, '/cohorts', coordinator, { name: 'Autumn 2027 midwives', startsOn: '2027-09-01' });
    const list = await page(t, '/cohorts', coordinator);
    expect(list.status).toBe(200);
    const text = visible(list.text);
    expect(text.indexOf('March 2027 nurses')).toBeLessThan(text.indexOf('Autumn 2027 midwives'));
    expect(list.text).toMatch(/<label for="cohort-name">Name/);
    expect(list.text).toMatch(/<label for="cohort-starts">Starts on/);
    expect(list.text).toContain('>Create cohort</button>');
  });

  it('refuses a cohort without a name or start date, saying which', async () => {
    const res = await postForm(t, '/cohorts', coordinator, { name: '  ', startsOn: '2027-03-01' });
    expect(res.status).toBe(400);
    expect(visible(res.text)).toContain('name: enter a name');
    const noDate = await postForm(t, '/cohorts', coordinator, { name: 'Undated', startsOn: 'soon' });
    expect(noDate.status).toBe(400);
    expect(visible(noDate.text)).toContain('startsOn: enter the start date');
  });

  it('refuses a form post without the session’s CSRF token', async () => {
    const res = await postForm(t, '/cohorts', coordinator, { _csrf: 'forged', name: 'Forged', startsOn: '2027-03-01' });
    expect(res.status).toBe(403);
  });
});

describe('adding candidates', () => {
  it('finds international candidates by name, email or id, not those already in the cohort', async () => {
    const byName = await page(t, `/cohorts/${cohortId}?q=okafor`, coordinator);
    expect(byName.text).toContain(`value="${ids.amara}"`);
    expect(byName.text).toContain('<label for="add-q">');
    const byId = await page(t, `/cohorts/${cohortId}?q=${ids.bayo}`, coordinator);
    expect(byId.text).toContain(`name="candidateId" value="${ids.bayo}"`);
    const domestic = (await t.post('/api/candidates', applicant({ fullName: 'Dominic Domestic' }))).body.id;
    const none = await page(t, `/cohorts/${cohortId}?q=Dominic`, coordinator);
    expect(none.text).not.toContain(domestic);
    expect(visible(none.text)).toContain('No international candidates outside this cohort match “Dominic”');
  });

  it('adds the chosen candidates, ignores duplicates and refuses domestic ones', async () => {
    const domestic = (await t.post('/api/candidates', applicant({ fullName: 'Dana Domestic' }))).body.id;
    const res = await postForm(t, `/cohorts/${cohortId}/members`, coordinator, { candidateId: [ids.amara, ids.bayo, ids.amara, domestic] });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cohorts/${cohortId}?added=2&already=0&refused=1`);
    const again = await postForm(t, `/cohorts/${cohortId}/members`, coordinator, { candidateId: [ids.bayo, ids.chiara, ids.dara] });
    expect(again.headers.get('location')).toBe(`/cohorts/${cohortId}?added=2&already=1&refused=0`);
    const shown = visible((await page(t, again.headers.get('location')!, coordinator)).text);
    expect(shown).toContain('2 candidates added. 1 was already in this cohort.');
    expect(shown).toContain('4 candidates');
    expect(visible((await page(t, '/cohorts', coordinator)).text)).toMatch(/March 2027 nurses .* 4/);
    const searchAgain = await page(t, `/cohorts/${cohortId}?q=okafor`, coordinator);
    expect(searchAgain.text).not.toContain(`name="candidateId" value="${ids.amara}"`);
  });

  it('asks for a choice when no candidate was ticked', async () => {
    const res = await postForm(t, `/cohorts/${cohortId}/members`, coordinator, {});
    expect(res.status).toBe(400);
    expect(visible(res.text)).toContain('select at least one candidate to add');
  });
});

describe('the milestone table', () => {
  it('shows each candidate’s milestones, stage and a checkbox labelled with their name', async () => {
    const res = await page(t, `/cohorts/${cohortId}`, coordinator);
    expect(res.status).toBe(200);
    for (const [name, id] of [['Amara Okafor', ids.amara], ['Bayo Adeyemi', ids.bayo], ['Chiara Santos', ids.chiara]] as const) {
      expect(res.text).toContain(`<input type="checkbox" name="member" value="${id}" id="member-${id}" aria-label="${name}"/>`);
    }
    const header = visible(res.text.split('<thead>')[1]!.split('</thead>')[0]!).trim();
    expect(header).toBe('Select Candidate Stage English test CBT Decision letter CoS Visa Flight Arrived OSCE PIN Warnings');
    const rows = res.text.split('<tbody>')[1]!.split('</tbody>')[0]!.split('<tr').slice(1).map((r) => visible(`<tr${r}`).trim());
    expect(rows).toHaveLength(4);
    // Walked first, from the test clock's start (2 Mar 2026), an hour a step, waiting for the
    // interview's day (5 Mar), with the flight booked for the day it was booked: the dates are the events'.
    expect(rows.find((r) => r.includes('Amara Okafor'))).toBe(
      'Amara Okafor Registered nurse Travel IELTS 19 Feb 2026 valid to 19 Feb 2028 5 Mar 2026 passed 5 Mar 2026 5 Mar 2026 granted 5 Mar 2026 6 Mar 2026 London Heathrow — — — None',
    );
    const chiara = rows.find((r) => r.includes('Chiara Santos'))!;
    expect(chiara).toMatch(/^Chiara Santos Registered nurse Visa and sponsorship IELTS .* applied .* — — — — None$/);
    // A physiotherapist (HCPC route) has no CBT or OSCE.
    expect(rows.find((r) => r.includes('Dara Reyes'))).toMatch(/^Dara Reyes Physiotherapist Application — not needed — — — — — not needed — None$/);
    expect(res.text).toContain('>Mark arrived</button>');
  });
});

describe('bulk events', () => {
  it('marks two candidates arrived at once and reports the one not at that step', async () => {
    const res = await postForm(t, `/cohorts/${cohortId}/events`, coordinator, {
      event: 'arrivedInUk', member: [ids.amara, ids.bayo, ids.chiara], 'arrivedInUk.note': 'Met at Heathrow', 'travelBooked.flightDate': '',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/cohorts/${cohortId}\\?result=`));
    for (const id of [ids.amara, ids.bayo]) {
      const journey = await journeyOf(t, id);
      expect(journey.stage).toBe('arrival_checks');
      expect(journey.context.arrivedAt).toBe(t.clock.now().toISOString());
    }
    expect((await journeyOf(t, ids.chiara)).state).toBe('preDeparture.visaPending');
    const history = (await t.get(`/api/candidates/${ids.amara}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'arrivedInUk', actor: { type: 'user', id: coordinator.userId } });

    const shown = visible((await page(t, location, coordinator)).text);
    expect(shown).toContain('Mark arrived: 2 done, 1 not done');
    expect(shown).toMatch(/Done Amara Okafor Bayo Adeyemi/);
    expect(shown).toContain('Not done: "Mark arrived" is not possible at this step (preDeparture.visaPending). Chiara Santos');
  });

  it('shows no result from a link whose signature does not match', async () => {
    const forged = Buffer.from(JSON.stringify({ type: 'arrivedInUk', ok: [], refused: [{ message: 'Call 0800 FAKE', ids: [ids.amara] }] })).toString('base64url');
    const res = await page(t, `/cohorts/${cohortId}?result=${forged}.AAAA`, coordinator);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('0800 FAKE');
  });

  it('checks the payload before moving anyone, naming the missing field', async () => {
    const res = await postForm(t, `/cohorts/${cohortId}/events`, coordinator, { event: 'osceBooked', member: [ids.amara], 'osceBooked.centre': 'Northampton' });
    expect(res.status).toBe(400);
    expect(visible(res.text)).toContain('OSCE booking: OSCE date: enter the osce date.');
    expect((await journeyOf(t, ids.amara)).stage).toBe('arrival_checks');
  });

  it('refuses candidates outside the cohort and events that are not bulk actions', async () => {
    const outsider = await internationalCandidate(t, 'Olu Outsider');
    const res = await postForm(t, `/cohorts/${cohortId}/events`, coordinator, { event: 'arrivedInUk', member: [outsider] });
    expect(res.status).toBe(303);
    expect(visible((await page(t, res.headers.get('location')!, coordinator)).text)).toContain('0 done, 1 not done');
    expect((await journeyOf(t, outsider)).stage).toBe('application');
    const withdraw = await postForm(t, `/cohorts/${cohortId}/events`, coordinator, { event: 'withdrawn', member: [ids.amara] });
    expect(withdraw.status).toBe(400);
  });

  it('removes selected candidates from the cohort without touching their journeys', async () => {
    const before = await journeyOf(t, ids.dara);
    const res = await postForm(t, `/cohorts/${cohortId}/members/remove`, coordinator, { member: [ids.dara], 'arrivedInUk.note': '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cohorts/${cohortId}?removed=1`);
    const shown = await page(t, res.headers.get('location')!, coordinator);
    expect(shown.text).not.toContain('Dara Reyes');
    expect(visible(shown.text)).toContain('1 candidate removed from this cohort.');
    expect((await journeyOf(t, ids.dara)).version).toBe(before.version);
  });
});

describe('who may use cohorts', () => {
  it('refuses a recruiter every cohort page and form', async () => {
    expect((await page(t, '/cohorts', recruiter)).status).toBe(403);
    expect((await page(t, `/cohorts/${cohortId}`, recruiter)).status).toBe(403);
    expect((await page(t, `/cohorts/${cohortId}/export.csv`, recruiter)).status).toBe(403);
    expect((await postForm(t, '/cohorts', recruiter, { name: 'Not mine', startsOn: '2027-01-01' })).status).toBe(403);
    const moved = await postForm(t, `/cohorts/${cohortId}/events`, recruiter, { event: 'arrivedInUk', member: [ids.chiara] });
    expect(moved.status).toBe(403);
  });

  it('does not show the cohorts link to a recruiter, and sends someone signed out to sign in', async () => {
    expect((await page(t, '/board', recruiter)).text).not.toContain('href="/cohorts"');
    const anonymous = await t.intake.http.request('/cohorts');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('shows an admin the page with its actions, and a missing cohort as not found', async () => {
    const admin = await signIn(t, 'admin');
    const res = await page(t, `/cohorts/${cohortId}`, admin);
    expect(res.status).toBe(200);
    expect(res.text).toContain('>Mark arrived</button>');
    expect((await page(t, '/cohorts/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    expect((await page(t, '/cohorts/not-an-id', admin)).status).toBe(404);
  });
});
