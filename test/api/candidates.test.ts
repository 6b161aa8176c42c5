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

describe('POST /api/candidates/:id/events with Prefer: return=minimal', () => {
  it('answers with the new version and place only, and the event is applied as without it', async () => {
    const { body: created } = await t.post('/api/candidates', applicant());
    const res = await t.post(`/api/candidates/${created.id}/events`, { type: 'screeningStarted' }, { prefer: 'return=minimal' });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('return=minimal');
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.headers.get('vary')).toMatch(/prefer/i);
    expect(res.body).toEqual({ id: created.id, journey: { id: created.journey.id, version: 2, state: res.body.journey.state, stage: 'screening', status: 'in_progress' } });
    const full = await t.get(`/api/candidates/${created.id}`);
    expect(full.body.journey).toMatchObject({ version: 2, state: res.body.journey.state, stage: 'screening' });
  });

  it('answers in full without the preference, and says nothing was applied', async () => {
    const { body: created } = await t.post('/api/candidates', applicant());
    const res = await t.post(`/api/candidates/${created.id}/events`, { type: 'screeningStarted' }, { prefer: 'respond-async' });
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(res.body.journey.allowedEvents.length).toBeGreaterThan(0);
  });
});
