// A coordinator creates a cohort and marks two candidates arrived at once — in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internationalCandidate, journeyOf, walkUntil } from '../cohorts/support.js';
import { type E2E, haveChromium, shot, signInStaff, startE2E, staffUser } from './support.js';

const readyToArrive = (journey: { allowedEvents: { type: string }[] }) => journey.allowedEvents.some((e) => e.type === 'arrivedInUk');

describe.skipIf(!haveChromium)('coordinator pages in a browser', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('creates a cohort and marks two candidates arrived at once', async () => {
    const names = ['Amara Nwosu', 'Rosa Dela Cruz', 'Joseph Thomas'];
    const ids: string[] = [];
    for (const name of names) {
      const id = await internationalCandidate(e.t, name);
      await walkUntil(e.t, id, readyToArrive);
      ids.push(id);
    }

    const page = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInStaff(page, e, await staffUser(e, 'coordinator'));
    await page.getByRole('link', { name: 'Cohorts' }).click();
    await page.getByLabel('Name').fill('March 2027 nurses');
    await page.getByLabel('Starts on').fill('2027-03-01');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('March 2027 nurses');

    for (const name of names) {
      await page.getByLabel('Find international candidates').fill(name);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByLabel(new RegExp(`^${name}`)).check();
      await page.getByRole('button', { name: 'Add to cohort' }).click();
    }
    await shot(page, 'coordinator-01-cohort');

    await page.getByRole('checkbox', { name: 'Amara Nwosu', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Rosa Dela Cruz', exact: true }).check();
    await page.getByRole('button', { name: 'Mark arrived' }).click();
    expect(await page.getByRole('heading', { name: /Mark arrived: 2 done/ }).isVisible()).toBe(true);
    await shot(page, 'coordinator-02-marked-arrived');

    const [amara, rosa, joseph] = await Promise.all(ids.map((id) => journeyOf(e.t, id)));
    expect(amara.context.arrivedAt).toBeTruthy();
    expect(rosa.context.arrivedAt).toBeTruthy();
    expect(joseph.context.arrivedAt).toBeUndefined();
    expect(amara.stage).toBe('arrival_checks');
  });
});
