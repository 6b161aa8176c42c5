import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { nurseCvPdf, uploadCv } from './support/cvs.js';
import { imageOnlyPdf } from './support/pdf.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

async function candidateWithCv(pdf: Uint8Array, over: Record<string, unknown> = {}) {
  const c = (await t.post('/api/candidates', applicant(over))).body;
  const doc = (await uploadCv(t, c.id, pdf)).body as { id: string };
  await drainDueJobs(t.intake.app, { kinds: ['cv_parse'] });
  return { c, doc };
}

describe('POST /api/candidates/:id/cv/accept', () => {
  it('records accepted and corrected values, and updates the candidate with them', async () => {
    const { c, doc } = await candidateWithCv(nurseCvPdf(), { fullName: 'A. Bennett', postcode: undefined });
    t.clock.advance(60_000);
    const res = await t.post(`/api/candidates/${c.id}/cv/accept`, {
      documentId: doc.id,
      fields: { fullName: true, email: true, phone: '+44 (0)7700 900999', postcode: true, registrations: true, profession: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.reviewed).toMatchObject({
      fullName: { decision: 'accepted', value: 'Amara Chukwu-Bennett' },
      phone: { decision: 'corrected', value: '+447700900999' },
      registrations: { decision: 'accepted', value: [{ body: 'NMC', number: '09A1234B' }] },
    });
    expect(res.body.candidate).toMatchObject({ fullName: 'Amara Chukwu-Bennett', email: 'amara.bennett@example.com', phone: '+447700900999', postcode: 'LS16 5NG' });
    const candidate = (await t.get(`/api/candidates/${c.id}`)).body;
    expect(candidate).toMatchObject({ fullName: 'Amara Chukwu-Bennett', email: 'amara.bennett@example.com', phone: '+447700900999', postcode: 'LS16 5NG', profession: c.profession });
    expect(candidate.updatedAt).not.toBe(c.updatedAt);
  });

  it('recomputes the gaps when the employment history is corrected', async () => {
    const { c } = await candidateWithCv(nurseCvPdf());
    const res = await t.post(`/api/candidates/${c.id}/cv/accept`, { fields: { employment: [
      { employer: 'Hollin Park Teaching Hospitals NHS Trust', title: 'Staff Nurse', start: '2023-06', end: null },
      { employer: 'Bank work', title: 'Staff Nurse', start: '2022-09', end: '2023-05' },
      { employer: 'St Anne Medical Centre', title: 'Staff Nurse', start: '2016-03', end: '2022-08' },
    ] } });
    expect(res.status).toBe(200);
    expect(res.body.reviewed.gapsOverThreeMonths).toMatchObject({ value: [] });
    expect(res.body.references.gapsToExplain).toEqual([]);
  });

  it('lets the recruiter type in what an image-only CV could not give, but not accept values that do not exist', async () => {
    const { c } = await candidateWithCv(imageOnlyPdf());
    const accept = await t.post(`/api/candidates/${c.id}/cv/accept`, { fields: { fullName: true } });
    expect(accept.status).toBe(400);
    expect(accept.body).toMatchObject({ code: 'invalid_payload', field: 'fields.fullName' });
    const typed = await t.post(`/api/candidates/${c.id}/cv/accept`, { fields: { fullName: 'Grace Mbeki', postcode: 'ls6 2qd' } });
    expect(typed.status).toBe(200);
    expect(typed.body.candidate).toMatchObject({ fullName: 'Grace Mbeki', postcode: 'LS6 2QD' });
  });

  it('validates corrections, naming the field', async () => {
    const { c } = await candidateWithCv(nurseCvPdf());
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: 'call me' }, 'fields.phone'],
      [{ postcode: 'Leeds' }, 'fields.postcode'],
      [{ email: 'nobody' }, 'fields.email'],
      [{ registrations: [{ body: 'NMC', number: '1234' }] }, 'fields.registrations.0.number'],
      [{ registrations: [{ body: 'overseas', number: 'PRC-1' }] }, 'fields.registrations.0.country'],
      [{ employment: [{ employer: 'X', title: 'Y', start: 'last year', end: null }] }, 'fields.employment.0.start'],
      [{ nickname: 'Amy' }, 'fields'],
    ];
    for (const [fields, field] of cases) {
      const res = await t.post(`/api/candidates/${c.id}/cv/accept`, { fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect((await t.post(`/api/candidates/${c.id}/cv/accept`, { fields: {} })).status).toBe(400);
  });

  it('refuses a review of a CV that a newer upload has replaced (409)', async () => {
    const { c, doc } = await candidateWithCv(nurseCvPdf());
    await uploadCv(t, c.id, nurseCvPdf({ name: 'Amara Bennett' }));
    const res = await t.post(`/api/candidates/${c.id}/cv/accept`, { documentId: doc.id, fields: { fullName: true } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('version_conflict');
  });
});

describe('possible duplicates', () => {
  it('flags other candidates with the same email, phone or registration number', async () => {
    const same = (await t.post('/api/candidates', applicant({ email: 'dup.person@example.com', phone: '07700 900777' }))).body;
    const cv = nurseCvPdf({ email: 'Dup.Person@example.com', phone: '+44 7700 900777', pin: '77Z7777Z' });
    const { c: first } = await candidateWithCv(cv);
    const { c: second } = await candidateWithCv(cv);
    const view = (await t.get(`/api/candidates/${second.id}/cv`)).body;
    expect(view.duplicates).toEqual(expect.arrayContaining([
      { candidateId: same.id, matchedOn: 'email', value: 'dup.person@example.com' },
      { candidateId: same.id, matchedOn: 'phone', value: '+447700900777' },
      { candidateId: first.id, matchedOn: 'registration', value: '77Z7777Z' },
    ]));
    expect(view.duplicates.some((d: { candidateId: string }) => d.candidateId === second.id)).toBe(false);
    const unrelated = (await candidateWithCv(nurseCvPdf({ email: 'someone.else@example.com', phone: '07700 900001', pin: '01B0001C' }))).c;
    expect((await t.get(`/api/candidates/${unrelated.id}/cv`)).body.duplicates).toEqual([]);
  });
});
