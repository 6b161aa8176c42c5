// The candidate record as a recruiter uses it, in Chromium: a domestic nurse taken through every
// check by typing real evidence into empty fields; a referee's concern shown on the record and
// blocking "clear" until a senior decision; no form arriving filled in, no label asking for JSON,
// no state id on the page. Screenshots of each panel go to SCREENSHOTS (support.ts).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant } from '../support/intake.js';
import { expectNothingFilledIn, expectPlainWords, internalNames, submitAction } from './record-support.js';
import { type E2E, haveChromium, shot, signInStaff, startE2E, staffUser, SCREENSHOTS } from './support.js';

const HOUR = 60 * 60 * 1000;

describe.skipIf(!haveChromium)('the candidate record in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  const day = (n: number) => new Date(e.t.clock.now().getTime() + n * 24 * HOUR).toISOString().slice(0, 10);
  const panel = (page: Page, name: string) => page.locator(`#panel-${name}`);
  const panelShot = (page: Page, name: string, file: string) => panel(page, name).screenshot({ path: `${SCREENSHOTS}${file}.png` });
  const row = (form: Locator, i: number) => form.locator('fieldset.row').nth(i);

  it('a recruiter takes a domestic nurse through every check, typing the evidence; a referee concern blocks clear until a senior decision', async () => {
    const email = await staffUser(e, 'recruiter');
    const created = await e.t.post('/api/candidates', applicant({ fullName: 'Grace Mensah', profession: 'registered_nurse' }));
    expect(created.status).toBe(201);
    const internal = internalNames(e);
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInStaff(page, e, email);
    const record = `${e.base}/candidates/${created.body.id}`;
    await page.goto(record);
    const check = async () => { await expectNothingFilledIn(page); await expectPlainWords(page, internal); };
    await check();

    await submitAction(page, 'Start screening');
    await check();
    await submitAction(page, 'Pass screening', async (f) => {
      await f.getByLabel('Months of UK care experience').fill('18');
      await f.getByLabel('Regulator').selectOption('NMC');
      await f.getByLabel('Registration number').fill('71A2998E');
    });
    await check();
    await submitAction(page, 'Schedule interview', async (f) => {
      await f.getByLabel('Date and time').fill(`${day(0)}T14:00`);
      await f.getByLabel('Where').fill('Bank office, Level 2, Main Building');
    });
    await check();
    // The interview happens this afternoon; the recruiter signs in again after it.
    e.t.clock.advance(6 * HOUR);
    await signInStaff(page, e, email);
    await page.goto(record);
    await check();
    const interview = panel(page, 'interview');
    expect(await interview.getByLabel('Literacy').count()).toBe(0); // a nurse sits no literacy test
    await submitAction(page, 'Record interview passed', async (f) => {
      for (const [value, score] of [['Working together', '4'], ['Respect and dignity', '5'], ['Commitment to quality', '4'], ['Compassion', '5'], ['Improving lives', '4'], ['Everyone counts', '4']] as const) {
        await f.getByLabel(value).fill(score);
      }
      await f.getByLabel('Interview panel').fill('Sr Ann Jones (ward manager), Ben Patel (bank office)');
      await f.getByLabel(/^Note/).fill('Strong answers on escalation and dignity.');
      await panelShot(page, 'interview', 'panel-interview-form');
    }, interview);
    await panelShot(page, 'interview', 'panel-interview');
    await check();
    await submitAction(page, 'Make conditional offer', async (f) => {
      await f.getByLabel('Band').fill('Bank, Band 5');
      await f.getByLabel('Start date').fill(day(42));
    });
    await submitAction(page, 'Offer accepted');
    await check();

    // Identity: a checklist of the documents seen, typed row by row.
    await submitAction(page, 'Candidate supplied', undefined, panel(page, 'identity'));
    await submitAction(page, 'Clear', async (f) => {
      await f.getByLabel('How it was checked').selectOption('in_person');
      const docs: [string, string, string, string, string][] = [
        ['passport', 'photo', '', day(2000), ''], ['photocard_driving_licence', 'photo', '', day(1500), ''], ['utility_bill', 'address', day(-20), '', 'Yorkshire Water'],
      ];
      for (const [i, [kind, use, issued, expires, issuer]] of docs.entries()) {
        const r = row(f, i);
        await r.getByLabel('Document', { exact: true }).selectOption(kind);
        await r.getByLabel('Used as').selectOption(use);
        if (issued) await r.getByLabel('Date on the document').fill(issued);
        if (expires) await r.getByLabel('Expiry date').fill(expires);
        if (issuer) await r.getByLabel('Issued by').fill(issuer);
        await r.getByLabel('Original seen in person').check();
      }
      await panelShot(page, 'identity', 'panel-identity-form');
    }, panel(page, 'identity'));
    await check();
    expect(await panel(page, 'identity').getByRole('table').textContent()).toContain('Yorkshire Water');
    await panelShot(page, 'identity', 'panel-identity');

    await submitAction(page, 'Candidate supplied', undefined, panel(page, 'rightToWork'));
    await submitAction(page, 'Clear', async (f) => {
      await f.getByLabel('How it was checked').selectOption('share_code');
      await f.getByLabel('Share code').fill('W9K 4X2 P7Q');
      await f.getByLabel('Permission to work', { exact: true }).selectOption('unlimited');
    }, panel(page, 'rightToWork'));
    await panelShot(page, 'rightToWork', 'panel-right-to-work');

    await submitAction(page, 'Clear', async (f) => {
      await f.getByLabel('Regulator').selectOption('NMC');
      await f.getByLabel('Registration number').fill('71A2998E');
      await f.getByLabel('What the register shows').selectOption('registered');
      await f.getByLabel('Renewal due on').fill(day(200));
    }, panel(page, 'registration'));
    await panelShot(page, 'registration', 'panel-registration');
    await check();

    // References: two referees covering six years, typed as rows.
    const refs = panel(page, 'references');
    await submitAction(page, 'Referees provided', async (f) => {
      const people: [string, string, string, string, string, string, string][] = [
        ['Jane Doe', 'jane.doe@example.org', 'Leeds Teaching Hospitals NHS Trust', 'Ward Manager', 'line_manager', day(-730), ''],
        ['Sam Patel', 'sam.patel@example.org', 'Northfield Care Home', 'Registered Manager', 'employer', day(-2190), day(-731)],
      ];
      for (const [i, [name, mail, org, title, rel, from, to]] of people.entries()) {
        const r = row(f, i);
        await r.getByLabel('Full name').fill(name);
        await r.getByLabel('Email address').fill(mail);
        await r.getByLabel('Organisation').fill(org);
        await r.getByLabel('Their job title').fill(title);
        await r.getByLabel('Relationship').selectOption(rel);
        await r.getByLabel('Covers from').fill(from);
        if (to) await r.getByLabel('Covers to').fill(to);
      }
    }, refs);
    await check();
    await submitAction(page, 'Reference received', async (f) => {
      await f.getByLabel('Referee', { exact: true }).selectOption('jane.doe@example.org');
      await f.getByLabel('Dates of employment confirmed').check();
      await f.getByLabel('Role confirmed').check();
      await f.getByLabel('Would re-employ').selectOption('yes');
    }, refs);
    await submitAction(page, 'Reference received', async (f) => {
      await f.getByLabel('Referee', { exact: true }).selectOption('sam.patel@example.org');
      await f.getByLabel('Dates of employment confirmed').check();
      await f.getByLabel('Role confirmed').check();
      await f.getByLabel('Would re-employ').selectOption('no');
      await f.getByLabel('Concerns the referee wrote').fill('Dismissed after a safeguarding investigation; would not re-employ.');
    }, refs);
    await check();
    // The concern is on the record, and "clear" is blocked until a senior decision.
    const concern = refs.locator('.concern');
    expect(await concern.textContent()).toContain('Sam Patel');
    expect(await concern.textContent()).toContain('Dismissed after a safeguarding investigation');
    expect(await refs.getByRole('table').textContent()).toContain('Decision needed');
    expect(await refs.getByRole('button', { name: 'Clear', exact: true }).isDisabled()).toBe(true);
    expect(await refs.locator('details.event summary', { hasText: /^Clear$/ }).count()).toBe(0);
    await panelShot(page, 'references', 'panel-references-concern');
    await submitAction(page, 'Record a senior decision on a concern', async (f) => {
      await f.getByLabel('Referee', { exact: true }).selectOption('sam.patel@example.org');
      await f.getByLabel('Decision').selectOption('accept');
      await f.getByLabel('Decided by').fill('Dr Amara Osei');
      await f.getByLabel('Their role').fill('Head of Temporary Staffing');
      await f.getByLabel('Reason').fill('The investigation found no case to answer; confirmed with the home’s HR.');
    }, refs);
    expect(await refs.getByRole('table').textContent()).toContain('Accepted by Dr Amara Osei');
    await submitAction(page, 'Clear', undefined, refs);
    await panelShot(page, 'references', 'panel-references');

    await submitAction(page, 'Candidate supplied', undefined, panel(page, 'dbs'));
    expect(await panel(page, 'dbs').textContent()).toContain('Enhanced with the adults’ barred list');
    await submitAction(page, 'Clear', async (f) => {
      await f.getByLabel('Certificate number').fill('001234567890');
      await f.getByLabel('Issue date').fill(day(-1));
      await f.getByLabel('Level on the certificate').selectOption('enhanced_adults_barred');
      await f.getByLabel('Outcome').selectOption('clear');
      await f.getByLabel('On the DBS Update Service').check();
      await f.getByLabel('Joined the Update Service on').fill(day(-1));
    }, panel(page, 'dbs'));
    await panelShot(page, 'dbs', 'panel-dbs');

    await submitAction(page, 'Candidate supplied', undefined, panel(page, 'workHealth'));
    await submitAction(page, 'Clear', async (f) => {
      await f.getByLabel('Outcome').selectOption('fit_with_restrictions');
      await f.getByLabel('No night shifts').check();
    }, panel(page, 'workHealth'));
    await panelShot(page, 'workHealth', 'panel-occupational-health');
    await check();

    // Onboarding to the first shift, still typing what is known.
    await submitAction(page, 'Bank agreement signed');
    await submitAction(page, 'Enrolled on bank systems', async (f) => { await f.getByLabel(/^Employee number/).fill('BANK-004512'); });
    await check();
    // Statutory and mandatory training: each module recorded as it is completed.
    const modules = await page.locator('details.event', { hasText: 'Training module completed' }).first().locator('select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(modules.length).toBeGreaterThan(5);
    for (const module of modules) {
      await submitAction(page, 'Training module completed', async (f) => { await f.getByLabel('Training module').selectOption(module); });
    }
    await submitAction(page, 'Book first shift', async (f) => {
      await f.getByLabel('Date', { exact: true }).fill(day(3));
      await f.getByLabel(/^Ward/).fill('Ward 12, Acute Medicine');
    });
    e.t.clock.advance(3 * 24 * HOUR);
    await signInStaff(page, e, email);
    await page.goto(record);
    await submitAction(page, 'First shift worked');
    expect(await page.getByText('Nothing: this journey has finished.').isVisible()).toBe(true);
    const journey = (await e.t.get(`/api/candidates/${created.body.id}`)).body.journey;
    expect(journey).toMatchObject({ status: 'hired', stage: 'hired' });
    const history = await page.locator('#history').locator('..').textContent();
    expect(history).toContain('Test recruiter');
    expect(history).not.toMatch(/by user|by system|Timer/);
    await shot(page, 'record-all-checks-cleared');
    // The latest entries only: enough to show the words without a page-long image.
    const box = (await page.locator('#history').locator('..').boundingBox())!;
    await page.screenshot({ path: `${SCREENSHOTS}panel-history.png`, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) } });
  });
});
