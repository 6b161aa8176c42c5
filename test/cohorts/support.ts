// Helpers for the cohort tests: staff signed in by session cookie, international candidates
// walked through the API with the examples it offers, and form posts as a browser sends them.
import { expect } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { createUser } from '../../src/services/users/manage.js';
import { walkApi } from '../support/walk-api.js';
import { applicant, type TestIntake } from '../support/intake.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const ORIGIN = 'http://localhost';

export interface Staff { cookie: string; csrf: string; userId: string }
export interface Page { status: number; headers: Headers; text: string }

export async function signIn(t: TestIntake, role: 'recruiter' | 'coordinator' | 'admin', email = `${role}.${Math.random().toString(36).slice(2)}@example.nhs.uk`): Promise<Staff> {
  const now = t.clock.now();
  const { user } = await createUser(t.intake.app.db, { email, name: `A ${role}`, role, password: 'correct horse battery staple' }, null, now);
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, now);
  return { cookie: `intake_session=${session.value}`, csrf: session.csrf, userId: user.id };
}

export async function page(t: TestIntake, path: string, as: Staff): Promise<Page> {
  const res = await t.intake.http.request(path, { headers: { cookie: as.cookie } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A form post from our own page: fields may repeat (a list), the session's CSRF token is added unless given. */
export async function postForm(t: TestIntake, path: string, as: Staff, fields: Record<string, string | string[]>): Promise<Page> {
  const body = new URLSearchParams();
  if (!('_csrf' in fields)) body.append('_csrf', as.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const res = await t.intake.http.request(path, { method: 'POST', body, headers: { cookie: as.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function internationalCandidate(t: TestIntake, fullName: string, profession = 'registered_nurse'): Promise<string> {
  const res = await t.post('/api/candidates', applicant({ programme: 'international', profession, fullName }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/**
 * Walks a candidate forward through the API until `done(journey)`; returns the journey then.
 * Flights are booked for the day they are booked on, so a cohort can be marked arrived at once
 * (nobody arrives before their flight).
 */
export async function walkUntil(t: TestIntake, id: string, done: (journey: any) => boolean): Promise<any> {
  const today = () => t.clock.now().toISOString().slice(0, 10);
  return (await walkApi(t, id, done, (type, example) => (type === 'travelBooked' ? { ...example, flightDate: today() } : example))).candidate.journey;
}

export const atState = (state: string) => (journey: { state: string }) => journey.state === state;

export async function journeyOf(t: TestIntake, id: string) {
  return (await t.get(`/api/candidates/${id}`)).body.journey;
}

/** The cohort id from a redirect to its page. */
export const cohortIdFrom = (location: string | null) => /\/cohorts\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

/** Text of the page without tags, whitespace collapsed: what a reader sees. */
export const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
