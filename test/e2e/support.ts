// A real Intake listening on a loopback port, a staff account, and Chromium — for browser tests.
// Screenshots go to test-artifacts/e2e (kept by CI as artifacts, ignored by git).
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/services/users/manage.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { CHROMIUM, launchBrowser } from './browser.js';

export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.E2E_REQUIRED === '1') throw new Error(`Browser tests are required but ${CHROMIUM} is missing (apt-get install -y chromium).`);
  process.stderr.write(`Browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium).\n`);
}

export const ARTIFACTS = new URL('../../test-artifacts/e2e/', import.meta.url).pathname;
/**
 * Where the panel screenshots go: the run's artifacts (test-artifacts/e2e/screenshots/), so a test
 * run leaves the tree clean; with UPDATE_SCREENSHOTS=1, the committed copies the README shows.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : `${ARTIFACTS}screenshots/`;

export interface E2E { t: TestIntake; base: string; browser: Browser; close(): Promise<void> }

export async function startE2E(): Promise<E2E> {
  for (const dir of [ARTIFACTS, SCREENSHOTS]) mkdirSync(dir, { recursive: true });
  const t = await startTestIntake();
  const server = serve({ fetch: t.intake.http.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    t, base, browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

export const PASSWORD = 'a long enough password';

export async function staffUser(e: E2E, role: 'recruiter' | 'coordinator' | 'admin', email = `${role}@example.nhs.uk`) {
  await createUser(e.t.intake.app.db, { email, name: `Test ${role}`, role, password: PASSWORD }, null, e.t.clock.now());
  return email;
}

export async function signInStaff(page: Page, e: E2E, email: string) {
  await page.goto(`${e.base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/board/), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
