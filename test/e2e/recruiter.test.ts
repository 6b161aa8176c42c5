// A recruiter signs in and takes a domestic candidate from application to first shift using only
// the pages: the board, the candidate record, and the forms generated from the allowed events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant } from '../support/intake.js';
import { type E2E, haveChromium, shot, signInStaff, startE2E, staffUser } from './support.js';

describe.skipIf(!haveChromium)('recruiter pages in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('takes a domestic candidate from application to first shift using only the pages', async () => {
    const email = await staffUser(e, 'recruiter');
    const created = await e.t.post('/api/candidates', applicant({ fullName: 'Grace Mensah', profession: 'registered_nurse' }));
    expect(created.status).toBe(201);

    const page = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInStaff(page, e, email);
    await shot(page, 'recruiter-01-board');
    await page.getByLabel('Search').fill('Grace Mensah');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: 'Grace Mensah' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Grace Mensah');
    await shot(page, 'recruiter-02-record-applied');

    // Click the first "move on" action each time, as a recruiter would, until the first shift is
    // worked. When nothing can move on yet (the interview's day, the shift's day), a day passes
    // (and the recruiter signs in again: a staff session lasts 8 hours).
    const record = page.url();
    const done: string[] = [];
    for (let step = 0; step < 80; step++) {
      const moveOn = page.locator('section.events > div').filter({ has: page.getByRole('heading', { name: 'Move on' }) });
      if ((await moveOn.count()) === 0) {
        if (await page.getByText('Nothing: this journey has finished.').isVisible()) break;
        e.t.clock.advance(24 * 60 * 60 * 1000);
        await signInStaff(page, e, email);
        await page.goto(record);
        continue;
      }
      const first = moveOn.locator('form, details').first();
      const label = (await first.locator('button[type=submit]').textContent())!.trim();
      if ((await first.evaluate((el) => el.tagName)) === 'DETAILS') await first.locator('summary').click();
      await Promise.all([page.waitForLoadState('load'), first.locator('button[type=submit]').click()]);
      expect(await page.locator('[role=alert]').allTextContents(), `after "${label}"`).toEqual([]);
      done.push(label);
      if (step === 8) await shot(page, 'recruiter-03-record-checks');
    }
    await shot(page, 'recruiter-04-record-hired');
    expect(done).toContain('Pass screening');
    expect(done).toContain('Make conditional offer');
    expect(done.at(-1)).toBe('First shift worked');
    expect(await page.getByText('Nothing: this journey has finished.').isVisible()).toBe(true);
    const journey = (await e.t.get(`/api/candidates/${created.body.id}`)).body.journey;
    expect(journey).toMatchObject({ status: 'hired', stage: 'hired' });
    const history = (await e.t.get(`/api/candidates/${created.body.id}/history`)).body.items;
    expect(history).toHaveLength(done.length + 1);
  });
});
