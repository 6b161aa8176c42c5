// The rest of the recruiter's and the admin's workspace, in Chromium: the CV opens as a PDF from
// the record (and the viewing is audited), with a warning when it is someone else's; anyone can
// be found whatever their status; an admin creates a recruiter, resets their password and
// revokes a token using only pages. Screenshots go to SCREENSHOTS (support.ts).
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, memberships } from '../../db/schema/index.js';
import { seedDemoMemberships } from '../../src/demo/members.js';
import { seedDemo } from '../../src/demo/seed.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import type { StaffPrincipal } from '../../src/auth/principal.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { applicant, TOKEN } from '../support/intake.js';
import { expectNothingFilledIn, expectPlainWords, internalNames } from './record-support.js';
import { type E2E, PASSWORD, haveChromium, signInStaff, startE2E, staffUser, SCREENSHOTS } from './support.js';

const CV = new URL('../fixtures/cv/generated/g01.pdf', import.meta.url);

describe.skipIf(!haveChromium)('the workspace in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });
  const pageShot = (page: Page, file: string) => page.locator('main').screenshot({ path: `${SCREENSHOTS}${file}.png` });

  it('opens the CV as a PDF from the record, audits the viewing, and warns that the CV is someone else’s', async () => {
    const email = await staffUser(e, 'recruiter');
    const created = await e.t.post('/api/candidates', applicant({ fullName: 'Priya Raman', profession: 'registered_nurse' }));
    const body = new FormData();
    body.set('file', new File([readFileSync(CV)], 'priya-raman-cv.pdf', { type: 'application/pdf' }));
    expect((await e.t.intake.http.request(`/api/candidates/${created.body.id}/cv`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(202);
    await drainDueJobs(e.t.intake.app, { kinds: ['cv_parse'] });

    const page = await e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInStaff(page, e, email);
    await page.goto(`${e.base}/candidates/${created.body.id}`);
    const cv = page.locator('#panel-cv');
    expect(await cv.locator('.concern').textContent()).toContain('This CV may not be this candidate’s');
    expect(await cv.locator('.concern').textContent()).toContain('Anjali Mary Thomas');
    expect(await cv.textContent()).not.toMatch(/[{}[\]"]|fullName|gapsOverThreeMonths/);
    await cv.screenshot({ path: `${SCREENSHOTS}panel-cv.png` });
    await expectNothingFilledIn(page);

    const [response] = await Promise.all([
      page.context().waitForEvent('response', (r) => r.url().endsWith('/cv/file')),
      cv.getByRole('link', { name: /Open the CV/ }).click(),
    ]);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // Chromium hands the PDF to its viewer (the response body it reports is the viewer's page): the
    // bytes themselves are read with the same session.
    const file = await page.request.get(response.url());
    expect(file.headers()['content-disposition']).toMatch(/^inline/);
    expect(Buffer.from(await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const viewed = await e.t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'cv_viewed'));
    expect(viewed.map((a) => a.subjectId)).toContain(created.body.id);
  });

  it('finds anyone whatever their status, by phone or registration number, in a sortable list', async () => {
    const email = await staffUser(e, 'recruiter', 'finder@example.nhs.uk');
    const hired = await e.t.post('/api/candidates', applicant({ fullName: 'Tomasz Nowak', phone: '07700 900123', profession: 'registered_nurse' }));
    await e.t.post(`/api/candidates/${hired.body.id}/events`, { type: 'withdrawn', reason: 'Moved away' });
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInStaff(page, e, email);
    await page.getByRole('link', { name: 'Find', exact: true }).click();
    await page.getByLabel('Name, email, phone or registration number').fill('+44 7700 900123');
    await page.getByRole('button', { name: 'Find' }).click();
    const row = page.getByRole('row', { name: /Tomasz Nowak/ });
    expect(await row.textContent()).toContain('Withdrawn');
    await page.getByRole('link', { name: /^Name/ }).click();
    expect(page.url()).toContain('sort=name');
    await expectPlainWords(page, internalNames(e));
    await page.goto(`${e.base}/find`);
    await pageShot(page, 'find');
  });

  it('shows the reports, the compliance pages and a member’s record on a phone without scrolling sideways: wide tables scroll in their own box', async () => {
    // Months of demo journeys, so every chart and table has rows.
    await seedDemo(e.t.intake.app.db, e.t.intake.app.machines, { count: 60, now: e.t.clock.now(), seed: 7 });
    await seedDemoMemberships(e.t.intake.app);
    const [member] = await e.t.intake.app.db.select({ id: memberships.candidateId }).from(memberships).limit(1);
    const email = await staffUser(e, 'recruiter', 'reader@example.nhs.uk');
    const page = await e.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signInStaff(page, e, email);
    for (const path of ['/reports', '/compliance', `/candidates/${member!.id}`, `/compliance/members/${member!.id}`]) {
      await page.goto(`${e.base}${path}`);
      expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 390 });
    }
  });

  it('an admin creates a recruiter, resets their password and revokes a token using only pages', async () => {
    const admin = await staffUser(e, 'admin');
    const internal = internalNames(e);
    // A coordinator's token, to be revoked from the page.
    const { user: coordinator } = await createUser(e.t.intake.app.db, { email: 'coord@example.nhs.uk', name: 'Cora Ortiz', role: 'coordinator', password: PASSWORD }, null, e.t.clock.now());
    const principal: StaffPrincipal = { kind: 'staff', role: 'coordinator', userId: coordinator.id, tokenId: null, via: 'token' };
    const { token } = await createPersonalToken(e.t.intake.app.db, principal, 'Rota system', e.t.clock.now());
    expect((await e.t.intake.http.request('/api/candidates', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const page = await e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInStaff(page, e, admin);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: 'Staff accounts' }).click();
    await expectNothingFilledIn(page);
    await page.getByLabel('Full name').fill('Rita Patel');
    await page.getByLabel('Email address').fill('rita.patel@example.nhs.uk');
    await page.getByLabel('Role', { exact: true }).selectOption('recruiter');
    await page.getByRole('button', { name: 'Add the account' }).click();
    const first = (await page.locator('code.secret').textContent())!;
    expect(first.length).toBeGreaterThan(8);
    expect(await page.getByRole('row', { name: /Rita Patel/ }).textContent()).toContain('Recruiter');
    await page.getByRole('button', { name: 'Reset Rita Patel’s password' }).click();
    const second = (await page.locator('code.secret').textContent())!;
    expect(second).not.toBe(first);
    await expectPlainWords(page, internal);
    await pageShot(page, 'admin-staff-accounts');

    await page.goto(`${e.base}/tokens`);
    expect(await page.getByRole('row', { name: /Rota system/ }).textContent()).toContain('Cora Ortiz');
    await page.getByRole('button', { name: 'Revoke “Rota system”' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Token revoked');
    expect((await e.t.intake.http.request('/api/candidates', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await pageShot(page, 'admin-tokens');

    for (const path of ['/admin/jobs', '/admin/policy', '/admin/audit']) {
      await page.goto(`${e.base}${path}`);
      await expectPlainWords(page, internal);
    }
    expect(await page.locator('main').textContent()).toContain('Password reset');
    await pageShot(page, 'admin-audit');

    // The new recruiter signs in with the temporary password and is asked to choose their own.
    const other = await e.browser.newPage();
    await other.goto(`${e.base}/sign-in`);
    await other.getByLabel('Email address').fill('rita.patel@example.nhs.uk');
    await other.getByLabel('Password').fill(second);
    await Promise.all([other.waitForURL(/password/), other.getByRole('button', { name: 'Sign in' }).click()]);
  });
});
