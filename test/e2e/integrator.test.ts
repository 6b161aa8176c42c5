// In a browser: the interactive API reference renders from this server's own files under the
// strict CSP, and a recruiter imports candidates from a CSV through the pages.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { ARTIFACTS, type E2E, haveChromium, shot, signInStaff, startE2E, staffUser } from './support.js';

describe.skipIf(!haveChromium)('integrator pages in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('shows the API reference at /api/docs with no script or style from elsewhere and no CSP violation', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const violations: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(e.base) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    await page.goto(`${e.base}/api/docs`);
    await page.getByText('/api/candidates/{id}/events').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
    await shot(page, 'integrator-01-api-docs');
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('lets a recruiter check a CSV, see the problem rows by line, and import the rest', async () => {
    const email = await staffUser(e, 'recruiter');
    const page = await e.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await signInStaff(page, e, email);
    await page.getByRole('link', { name: 'Import' }).click();
    const file = `${ARTIFACTS}import.csv`;
    writeFileSync(file, [
      'Forename,Surname,Email Address,Mobile Number,Postcode,Staff Group',
      'Priya,Raman,priya.raman@example.com,07700 900101,ls18 4qx,Registered Nurse',
      'Tom,Okafor,tom.okafor@example,07700 900102,LS1 1AA,Healthcare Assistant',
      'Jo,Lee,jo.lee@example.com,07700 900103,M1 1AE,Physiotherapist',
    ].join('\n'));
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByLabel('Programme for rows that do not name one').selectOption({ label: 'Staff bank' });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Import: import.csv' }).waitFor();
    const problemRow = page.locator('table tbody tr');
    expect(await problemRow.count()).toBe(1);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the table's cell breaks
    expect(await problemRow.first().innerText()).toMatch(/^3\s+Tom Okafor\s+Email\s+/);
    await shot(page, 'integrator-02-import-checked');

    await page.getByRole('button', { name: 'Import 2 candidates' }).click();
    await drainDueJobs(e.t.intake.app, { kinds: ['import'] });
    await page.getByRole('link', { name: 'Refresh' }).click();
    await page.getByText('2 candidates added').waitFor();
    await shot(page, 'integrator-03-import-done');
    const listed = await e.t.get('/api/candidates?q=Raman');
    expect(listed.body.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Priya Raman']);
  });
});
