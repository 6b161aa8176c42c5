import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

describe('POST /api/candidates', () => {
  it('creates a candidate whose journey starts at application with the recruiter to act', async () => {
    const res = await t.post('/api/candidates', applicant());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/candidates/${res.body.id}`);
    expect(res.body.journey).toMatchObject({ state: 'applied', stage: 'application', status: 'in_progress', version: 1 });
    expect(res.body.journey.applicantStatus.owner).toBe('recruiter');
    expect(res.body.journey.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['screeningStarted', 'withdrawn', 'rejected']);
  });

  it('normalises the email and the postcode', async () => {
    const res = await t.post('/api/candidates', applicant({ email: 'Mixed.Case@Example.COM', postcode: 'ls18 4qx' }));
    expect(res.body).toMatchObject({ email: 'mixed.case@example.com', postcode: 'LS18 4QX' });
  });

  it('refuses international recruitment for a role with no register', async () => {
    const res = await t.post('/api/candidates', applicant({ programme: 'international', profession: 'non_clinical' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_payload', field: 'profession' });
  });
});
