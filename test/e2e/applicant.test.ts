// An applicant applies with a CV, signs in with the emailed link and sees their status change
// after the recruiter acts — in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { received } from '../support/inbox.js';
import { type E2E, haveChromium, shot, signInStaff, startE2E, staffUser } from './support.js';

const CV = fileURLToPath(new URL('../../../shared/fixtures/cvs/a03.pdf', import.meta.url));

describe.skipIf(!haveChromium)('applicant pages in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('applies with a CV, signs in with the emailed link, and sees the status change after the recruiter acts', async () => {
    const page = await e.browser.newPage({ viewport: { width: 420, height: 900 } }); // a phone
    await page.goto(`${e.base}/`);
    await shot(page, 'applicant-01-front');
    await page.getByRole('link', { name: 'Apply now' }).click();
    await page.getByLabel('What are you applying for?').selectOption('domestic');
    await page.getByLabel('Your profession').selectOption('midwife');
    await page.getByLabel('Full name').fill('Blessing Okonkwo');
    await page.getByLabel('Email address').fill('blessing.okonkwo@example.com');
    await page.getByLabel(/Phone number/).fill('07700 900456');
    await page.getByLabel(/Postcode/).fill('M14 5RT');
    await page.getByLabel(/Your CV/).setInputFiles(CV);
    await shot(page, 'applicant-02-apply-form');
    await page.getByRole('button', { name: 'Send application' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Application sent');

    await page.getByRole('link', { name: 'follow your application' }).click();
    await page.getByLabel('Email address').fill('blessing.okonkwo@example.com');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');

    // The applicant opens the email, as delivered to their inbox (staff never see the live link).
    await drainDueJobs(e.t.intake.app);
    const { text } = await received(e.t, 'blessing.okonkwo@example.com', 'magicLink');
    const link = new URL(/https?:\/\/\S+\/portal\/link\/[\w-]+/.exec(text)![0]).pathname;
    await page.goto(`${e.base}${link}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello Blessing');
    expect(await page.getByText('Application received', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/a03\.pdf/).isVisible()).toBe(true);
    await shot(page, 'applicant-03-status-applied');

    // The recruiter starts screening on the candidate's record.
    const staff = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInStaff(staff, e, await staffUser(e, 'recruiter'));
    await staff.getByLabel('Search').fill('Blessing');
    await staff.getByRole('button', { name: 'Filter' }).click();
    await staff.getByRole('link', { name: 'Blessing Okonkwo' }).click();
    await staff.getByRole('button', { name: 'Start screening' }).click();
    await shot(staff, 'applicant-04-recruiter-record');

    await page.reload();
    expect(await page.getByText('Checking your eligibility', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'applicant-05-status-screening');
  });
});
