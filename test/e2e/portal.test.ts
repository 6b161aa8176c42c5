// The applicant does their own steps on a phone (390 px): chooses an interview time, accepts the
// offer, names referees, gives a share code, uploads a passport photo and a utility bill, answers
// a query; the recruiter's record shows each. Another applicant's session can neither read nor act
// on any of it. axe-core finds no serious or critical violation on any portal page.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { dayFrom, valueScores } from '../support/evidence.js';
import { received } from '../support/inbox.js';
import { applicant } from '../support/intake.js';
import { toInterview } from '../support/portal.js';
import { expectAccessible } from './axe.js';
import { type E2E, haveChromium, shot, signInStaff, startE2E, staffUser } from './support.js';

const PHONE = { width: 390, height: 844 };
const HOUR = 60 * 60 * 1000;
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');
const PDF = readFileSync(new URL('../../../shared/fixtures/cvs/a01.pdf', import.meta.url));

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** The applicant asks for a link in the browser and follows it from their inbox. */
async function signInApplicant(page: Page, e: E2E, email: string) {
  e.t.clock.advance(1000);
  await page.goto(`${e.base}/portal/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await drainDueJobs(e.t.intake.app);
  const { text } = await received(e.t, email, 'magicLink');
  await page.goto(`${e.base}${new URL(/https?:\/\/\S+\/portal\/link\/[\w-]+/.exec(text)![0]).pathname}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/portal$/);
}

/** No horizontal scrolling at this width (WCAG 1.4.10 reflow). */
async function fitsWidth(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

describe.skipIf(!haveChromium)('the applicant portal on a phone', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('lets the applicant do their own steps, shows each to the recruiter, and none of it to another applicant', async () => {
    const me = await e.t.post('/api/candidates', applicant({ fullName: 'Grace Adeyemi', email: 'grace@example.com' }));
    await e.t.post('/api/candidates', applicant({ fullName: 'Oscar Other', email: 'oscar@example.com' }));
    const id = me.body.id as string;
    const url = `${e.base}/portal/applications/${id}`;
    await toInterview(e.t, id);

    // The recruiter offers two interview times from the record page.
    const staff = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInStaff(staff, e, await staffUser(e, 'recruiter'));
    await staff.goto(`${e.base}/candidates/${id}`);
    const day = (n: number) => new Date(e.t.clock.now().getTime() + n * 24 * HOUR).toISOString().slice(0, 10);
    await staff.locator('#slot-0-at').fill(`${day(3)}T10:00`);
    await staff.locator('#slot-0-location').fill('Bank office, Level 2, Main Building');
    await staff.locator('#slot-1-at').fill(`${day(4)}T14:30`);
    await staff.locator('#slot-1-location').fill('Bank office, Level 2, Main Building');
    await staff.getByRole('button', { name: 'Offer these times' }).click();
    expect(await staff.getByText('On offer to the applicant:').isVisible()).toBe(true);

    const page = await phone(e.browser);
    const other = await phone(e.browser);
    await signInApplicant(page, e, 'grace@example.com');
    await signInApplicant(other, e, 'oscar@example.com');
    await expectAccessible(page, 'portal home');
    await fitsWidth(page);
    await page.getByRole('link', { name: /Open this application/ }).click();
    expect(await page.getByRole('heading', { name: 'Choose your interview time' }).isVisible()).toBe(true);
    await expectAccessible(page, 'application: interview times');
    await fitsWidth(page);
    await shot(page, 'portal-01-interview-times');

    // Another applicant: the page is not found, and a forged post is refused.
    const notMine = await other.goto(url);
    expect(notMine!.status()).toBe(404);
    const csrf = await (async () => { await other.goto(`${e.base}/portal`); return other.locator('input[name=_csrf]').first().inputValue(); })();
    const forged = async (path: string, form: Record<string, string>) => (await other.request.post(`${url}${path}`, { form: { _csrf: csrf, ...form }, headers: { origin: e.base }, maxRedirects: 0 })).status();
    expect(await forged('/interview', { interviewAt: new Date().toISOString() })).toBe(404);

    // By keyboard alone: an empty choice shows the error summary, its link moves to the field.
    await page.getByRole('button', { name: 'Book this time' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectAccessible(page, 'application: error summary');
    await page.getByRole('link', { name: 'Choose one of the times we offered' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#interviewAt');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Book this time' }).click();
    expect(await page.getByText('Your interview is booked').isVisible()).toBe(true);

    // The interview passes; the offer is made. Days have passed: the applicant signs in again.
    e.t.clock.advance(4 * 24 * HOUR);
    expect((await e.t.post(`/api/candidates/${id}/events`, { type: 'interviewPassed', scores: valueScores })).status).toBe(200);
    expect((await e.t.post(`/api/candidates/${id}/events`, { type: 'offerMade', band: 'Bank' })).status).toBe(200);
    await signInApplicant(page, e, 'grace@example.com');
    await signInApplicant(other, e, 'oscar@example.com');
    const csrf2 = await (async () => { await other.goto(`${e.base}/portal`); return other.locator('input[name=_csrf]').first().inputValue(); })();
    const forged2 = async (path: string, form: Record<string, string>) => (await other.request.post(`${url}${path}`, { form: { _csrf: csrf2, ...form }, headers: { origin: e.base }, maxRedirects: 0 })).status();
    expect(await forged2('/offer', { decision: 'accept' })).toBe(404);

    await page.goto(url);
    await expectAccessible(page, 'application: offer');
    await page.getByLabel('Yes, I accept the offer').check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    expect(await page.getByText('you have accepted the offer').isVisible()).toBe(true);
    await shot(page, 'portal-02-offer-accepted');

    // Referees: the coverage shows as they go; the gap is explained; requests go at once.
    await page.getByRole('link', { name: 'Give your referees' }).click();
    await expectAccessible(page, 'referees');
    await fitsWidth(page);
    await page.setViewportSize({ width: 320, height: 700 });
    await fitsWidth(page);
    await page.setViewportSize(PHONE);
    const now = e.t.clock.now();
    await page.getByLabel('Full name').nth(0).fill('Ruth Manager');
    await page.getByLabel('Email address').nth(0).fill('ruth@trust.example');
    await page.getByLabel(/^Organisation/).nth(0).fill('Leeds Teaching Hospitals');
    await page.getByLabel('Who are they to you?').nth(0).selectOption('line_manager');
    await page.getByLabel(/worked or studied there from/).nth(0).fill(dayFrom(now, -700));
    await page.getByLabel('Full name').nth(1).fill('Sam Previous');
    await page.getByLabel('Email address').nth(1).fill('sam@care.example');
    await page.getByLabel(/^Organisation/).nth(1).fill('Northfield Care Home');
    await page.getByLabel('Who are they to you?').nth(1).selectOption('employer');
    await page.getByLabel(/worked or studied there from/).nth(1).fill(dayFrom(now, -2000));
    await page.getByLabel(/^Until/).nth(1).fill(dayFrom(now, -900));
    await page.getByRole('button', { name: 'Check my dates' }).click();
    expect(await page.getByText(/not covered: add a referee who covers it, or explain the gap/).isVisible()).toBe(true);
    await expectAccessible(page, 'referees: coverage');
    await shot(page, 'portal-03-referees-gap');
    await page.locator('#gaps-0-from').fill(dayFrom(now, -899));
    await page.locator('#gaps-0-to').fill(dayFrom(now, -701));
    await page.locator('#gaps-0-reason').selectOption('caring');
    await page.locator('#gaps-0-explanation').fill('Caring for my mother');
    await page.getByRole('button', { name: 'Check my dates' }).click();
    expect(await page.getByText('Your history is complete.').isVisible()).toBe(true);
    expect(await forged2('/referees', { intent: 'send', rows: '1', gapRows: '0', 'referees.0.name': 'X', 'referees.0.email': 'x@example.com', 'referees.0.organisation': 'X', 'referees.0.relationship': 'character' })).toBe(404);
    await page.getByRole('button', { name: 'Send requests to my referees' }).click();
    expect(await page.getByText('We have sent requests to your referees.').isVisible()).toBe(true);
    await drainDueJobs(e.t.intake.app);
    await received(e.t, 'ruth@trust.example', 'referenceRequest');

    // Right to work: a share code and date of birth.
    expect(await forged2('/right-to-work', { route: 'share_code', shareCode: 'W9K4X2P7Q', dateOfBirth: '1990-01-01' })).toBe(404);
    await page.getByRole('radio', { name: 'With a share code' }).check();
    await page.getByLabel(/^Share code/).fill('W9K 4X2 P7Q');
    await page.getByLabel(/^Date of birth/).fill('1991-07-14');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    expect(await page.getByText('we have your right to work details').isVisible()).toBe(true);

    // Documents: a passport photo and a utility bill for the identity check.
    await page.getByLabel('What is it?').selectOption({ label: 'Passport' });
    await page.getByLabel(/^The file/).setInputFiles({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('button', { name: 'Upload' }).click();
    expect(await page.getByText('Your document has been uploaded.').isVisible()).toBe(true);
    await page.getByLabel('What is it?').selectOption({ label: 'Utility bill' });
    await page.getByLabel(/^The file/).setInputFiles({ name: 'utility-bill.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expectAccessible(page, 'application: documents');
    await fitsWidth(page);
    await shot(page, 'portal-04-documents');
    const docHref = await page.getByRole('link', { name: /^Passport/ }).getAttribute('href');
    expect((await other.request.get(`${e.base}${docHref}`)).status()).toBe(404);
    expect((await page.request.get(`${e.base}${docHref}`)).headers()['content-type']).toBe('image/jpeg');
    await page.getByRole('button', { name: /I have sent all my documents for the identity check/ }).click();

    // A query on identity, answered with words and a document.
    expect((await e.t.post(`/api/candidates/${id}/events`, { type: 'identity.queryRaised', question: 'Please send a clearer photo of your passport.' })).status).toBe(200);
    await page.goto(url);
    expect(await page.getByText('Please send a clearer photo of your passport.').isVisible()).toBe(true);
    await expectAccessible(page, 'application: query');
    expect(await forged2('/queries/identity', { answer: 'not mine' })).toBe(404);
    expect((await other.goto(`${url}/referees`))!.status()).toBe(404);
    await page.getByLabel('Your answer').fill('Here is a sharper photo, taken in daylight.');
    await page.getByLabel(/A document, if you have one/).setInputFiles({ name: 'passport-daylight.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('button', { name: 'Send my answer' }).click();
    expect(await page.getByText('we have your answer').isVisible()).toBe(true);
    await shot(page, 'portal-05-query-answered');

    // The recruiter's record shows each.
    await signInStaff(staff, e, 'recruiter@example.nhs.uk');
    await staff.goto(`${e.base}/candidates/${id}`);
    const record = staff.locator('main');
    for (const seen of ['Interview time chosen', 'Offer accepted', 'Ruth Manager', 'Caring for my mother', 'Share code: W9K 4X2 P7Q', 'Here is a sharper photo, taken in daylight.', 'passport.jpg', 'utility-bill.pdf', 'passport-daylight.jpg']) {
      expect(await record.getByText(seen).first().isVisible(), seen).toBe(true);
    }
    await shot(staff, 'portal-06-recruiter-record');
    // The other applicant's own portal shows nothing of Grace's.
    await other.goto(`${e.base}/portal`);
    expect(await other.content()).not.toContain('Grace');

    // At 320 px every portal page reflows without sideways scrolling, and still passes axe.
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of ['/portal', `/portal/applications/${id}`, '/portal/sign-in']) {
      await page.goto(`${e.base}${path}`);
      await fitsWidth(page);
      await expectAccessible(page, `${path} at 320 px`);
    }
    const fresh = await phone(e.browser);
    await fresh.setViewportSize({ width: 320, height: 700 });
    await fresh.goto(`${e.base}/portal/sign-in`);
    await fresh.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expectAccessible(fresh, 'sign-in error');
    await fresh.getByLabel('Email address').fill('nobody@example.com');
    await fresh.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await fresh.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expectAccessible(fresh, 'link sent');
    await fitsWidth(fresh);
  });
});
