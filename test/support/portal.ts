// Test helpers for the applicant's portal: sign in by the emailed link (as the applicant reads it
// in their inbox), post a portal form with the session's CSRF token, and bring a candidate to the
// interview through the API as a recruiter would.
import { expect } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { received } from './inbox.js';
import type { TestIntake } from './intake.js';
import { walkApi } from './walk-api.js';

export async function portalSignIn(t: TestIntake, email: string, origin: string): Promise<string> {
  t.clock.advance(1000);
  const asked = await t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin } });
  expect(asked.status).toBe(200);
  await drainDueJobs(t.intake.app);
  const message = await received(t, email, 'magicLink');
  const link = new URL(/https?:\/\/\S+(\/portal\/link\/[\w-]+)/.exec(message.text)![1]!, origin).pathname;
  const spent = await t.intake.http.request(link, { method: 'POST', headers: { origin } });
  expect(spent.status).toBe(303);
  return spent.headers.get('set-cookie')!.split(';')[0]!;
}

/** Walks a new domestic candidate to the point where the recruiter arranges the interview. */
export async function toInterview(t: TestIntake, id: string) {
  await walkApi(t, id, (j) => j.allowedEvents.some((e) => e.type === 'interviewSlotsOffered'));
}

export const HOUR = 60 * 60 * 1000;
