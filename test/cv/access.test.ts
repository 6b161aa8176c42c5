import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema/index.js';
import { hashToken } from '../../src/services/tokens/bootstrap.js';
import { applicant, startTestIntake, type TestIntake, TOKEN } from '../support/intake.js';
import { nurseCvPdf } from './support/cvs.js';

let t: TestIntake;
const RECRUITER = 'test-recruiter-token-0123456789abcdef';
const COORDINATOR = 'test-coordinator-token-0123456789abcdef';
beforeAll(async () => {
  t = await startTestIntake();
  await t.intake.app.db.insert(apiTokens).values([
    { name: 'recruiter', tokenHash: hashToken(RECRUITER), role: 'recruiter' },
    { name: 'coordinator', tokenHash: hashToken(COORDINATOR), role: 'coordinator' },
  ]);
});
afterAll(async () => { await t?.close(); });

const upload = async (id: string, token: string) => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(nurseCvPdf())], { type: 'application/pdf' }), 'cv.pdf');
  return t.intake.http.request(`/api/candidates/${id}/cv`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
};

describe('who may upload and review CVs', () => {
  it('needs a bearer token', async () => {
    const c = (await t.post('/api/candidates', applicant())).body;
    expect((await t.intake.http.request(`/api/candidates/${c.id}/cv`)).status).toBe(401);
  });

  it('lets a recruiter upload for a domestic candidate, but not for an international one', async () => {
    const domestic = (await t.post('/api/candidates', applicant())).body;
    const international = (await t.post('/api/candidates', applicant({ programme: 'international' }))).body;
    expect((await upload(domestic.id, RECRUITER)).status).toBe(202);
    const refused = await upload(international.id, RECRUITER);
    expect(refused.status).toBe(403);
    expect((await refused.json() as { code: string }).code).toBe('forbidden');
    expect((await t.get(`/api/candidates/${international.id}/cv`, { authorization: `Bearer ${RECRUITER}` })).status).toBe(404); // no CV, readable
  });

  it('hides a CV from a role that may not read the candidate, and refuses its review', async () => {
    const domestic = (await t.post('/api/candidates', applicant())).body;
    expect((await upload(domestic.id, TOKEN)).status).toBe(202);
    const read = await t.get(`/api/candidates/${domestic.id}/cv`, { authorization: `Bearer ${COORDINATOR}` });
    expect(read.status).toBe(404);
    const review = await t.post(`/api/candidates/${domestic.id}/cv/accept`, { fields: { fullName: 'X Y' } }, { authorization: `Bearer ${COORDINATOR}` });
    expect(review.status).toBe(404);
  });
});
