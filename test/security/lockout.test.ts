// Issue 12, finding 4: the sign-in lockout is counted and decided in one statement. Before, the
// failures were read first and counted after the (slow) password check, so 50 parallel wrong
// passwords got 46 × 401 and 4 × 429 against a limit of 10. Runs on PGlite and, with
// TEST_DATABASE_URL, on PostgreSQL, where the requests really run side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/users/manage.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
const PASSWORD = 'correct horse battery staple';
beforeAll(async () => {
  t = await startTestIntake();
  await createUser(t.intake.app.db, { email: 'lena.lockout@example.nhs.uk', name: 'Lena', role: 'recruiter', password: PASSWORD }, null, t.clock.now());
});
afterAll(async () => { await t?.close(); });

const signIn = (password: string) => t.intake.http.request('/sign-in', {
  method: 'POST', body: new URLSearchParams({ email: 'lena.lockout@example.nhs.uk', password }),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
});

describe('the sign-in lockout', () => {
  it('answers 50 parallel wrong passwords with exactly 10 × 401, then 429', async () => {
    const statuses = await Promise.all(Array.from({ length: 50 }, async (_, i) => (await signIn(`wrong guess ${i}`)).status));
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect({ 401: count(401), 429: count(429) }).toEqual({ 401: 10, 429: 40 });
    // Still locked for the right password, until the minute is over.
    expect((await signIn(PASSWORD)).status).toBe(429);
    t.clock.advance(61_000);
    expect((await signIn(PASSWORD)).status).toBe(303);
  }, 120_000);

  it('does not count right passwords towards the lockout', async () => {
    t.clock.advance(61_000);
    for (let i = 0; i < 9; i++) expect((await signIn(`wrong ${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signIn(PASSWORD)).status).toBe(303);
    expect((await signIn('wrong again')).status).toBe(401);
    expect((await signIn('and again')).status).toBe(429);
  }, 120_000);
});
