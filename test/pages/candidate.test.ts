// The candidate record's event forms: a refused form comes back open with what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { createUser } from '../../src/services/users/manage.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let cookie: string;
let csrf: string;
beforeAll(async () => {
  t = await startTestIntake();
  const { user } = await createUser(t.intake.app.db, { email: 'rec@example.nhs.uk', name: 'Rec', role: 'recruiter', password: 'a long enough password' }, null, t.clock.now());
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, t.clock.now());
  cookie = `intake_session=${session.value}`;
  csrf = session.csrf;
});
afterAll(async () => { await t?.close(); });

describe('the candidate record', () => {
  it('keeps what the recruiter typed when a rule refuses the event, and says which rule', async () => {
    const id = (await t.post('/api/candidates', applicant())).body.id as string;
    await t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' });
    const res = await t.intake.http.request(`/candidates/${id}/events`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, _type: 'screeningPassed', _version: '2', careExperienceMonths: '20', body: 'NMC', number: '12345678', note: 'Checked the register by phone' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('regulator'); // the rule, in words
    expect(html).toMatch(/<details class="event" open/);
    expect(html).toContain('value="12345678"');
    expect(html).toContain('Checked the register by phone');
    expect((await t.get(`/api/candidates/${id}`)).body.journey.state).toBe('screening');
  });
});
