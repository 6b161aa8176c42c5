// The candidate record: a refused event form comes back open with what was typed; the applicant’s portal work reads in words.
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

  it('tells what the applicant did in the portal in words, never an event key', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ programme: 'domestic', profession: 'paramedic', fullName: 'James Chikwanha', email: 'james.c@example.com', phone: '07700 900126', postcode: 'S10 2JF' })) body.set(k, v);
    const applied = await t.intake.http.request('/apply', { method: 'POST', body, headers: { origin: 'http://localhost' } });
    expect(applied.status).toBe(201);
    const id = (await t.get('/api/candidates')).body.items.find((c: { fullName: string }) => c.fullName === 'James Chikwanha').id as string;
    const html = await (await t.intake.http.request(`/candidates/${id}`, { headers: { cookie } })).text();
    const panel = html.slice(html.indexOf('From the applicant’s portal'));
    expect(panel).toMatch(/<strong>Applied<\/strong>/);
    expect(html).not.toContain('applicationReceived');
  });
});
