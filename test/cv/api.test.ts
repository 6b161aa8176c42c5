import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, type TestIntake, TOKEN } from '../support/intake.js';
import { nurseCvPdf, uploadCv } from './support/cvs.js';
import { imageOnlyPdf, textPdf } from './support/pdf.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const newCandidate = async (over: Record<string, unknown> = {}) => (await t.post('/api/candidates', applicant(over))).body as { id: string; fullName: string; email: string; phone: string; postcode: string; updatedAt: string };
const parseJobs = () => drainDueJobs(t.intake.app, { kinds: ['cv_parse'] });

describe('POST /api/candidates/:id/cv', () => {
  it('stores the PDF with its SHA-256 and size, answers 202 and parses it in a job', async () => {
    const c = await newCandidate();
    const pdf = nurseCvPdf();
    const res = await uploadCv(t, c.id, pdf, 'amara.pdf');
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/candidates/${c.id}/cv`);
    expect(res.body).toMatchObject({ status: 'pending', filename: 'amara.pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });

    const pending = await t.get(`/api/candidates/${c.id}/cv`);
    expect(pending.body).toMatchObject({ status: 'pending', fields: {} });

    expect(await parseJobs()).toBe(1);
    const parsed = await t.get(`/api/candidates/${c.id}/cv`);
    expect(parsed.status).toBe(200);
    expect(parsed.body.status).toBe('parsed');
    expect(parsed.body.error).toBeUndefined();
    const values = Object.fromEntries(Object.entries(parsed.body.fields).map(([k, f]) => [k, (f as { value: unknown }).value]));
    expect(values).toEqual({
      fullName: 'Amara Chukwu-Bennett',
      email: 'amara.bennett@example.com',
      phone: '+447700900123',
      postcode: 'LS16 5NG',
      profession: 'registered_nurse',
      registrations: [{ body: 'NMC', number: '09A1234B' }],
      englishTest: { type: 'IELTS', overall: 7.5, bands: { listening: 8, reading: 7.5, writing: 7, speaking: 7.5 }, date: '2021-03-14' },
      employment: [
        { employer: 'Hollin Park Teaching Hospitals NHS Trust', title: 'Staff Nurse (Band 5)', start: '2023-06', end: null },
        { employer: 'St Anne Medical Centre', title: 'Staff Nurse', start: '2016-03', end: '2022-08' },
      ],
      gapsOverThreeMonths: [{ from: '2022-08', to: '2023-06' }],
    });
    for (const f of Object.values(parsed.body.fields) as { confidence: number; source: unknown }[]) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    expect(parsed.body.fields.registrations.source).toMatchObject({ page: 1, text: expect.stringContaining('NMC PIN: 09A1234B') });
    // The gap is within three years: it must be explained, and both employers are referees.
    expect(parsed.body.references).toMatchObject({
      gapsToExplain: [{ from: '2022-08', to: '2023-06' }],
      refereesNeeded: [{ employer: 'Hollin Park Teaching Hospitals NHS Trust' }, { employer: 'St Anne Medical Centre' }],
    });
    // Prefill only: the candidate record is untouched until a recruiter accepts.
    const candidate = await t.get(`/api/candidates/${c.id}`);
    expect(candidate.body).toMatchObject({ fullName: c.fullName, email: c.email, updatedAt: c.updatedAt });
  });

  it('answers 404 for a candidate without a CV, and for an unknown candidate', async () => {
    const c = await newCandidate();
    expect((await t.get(`/api/candidates/${c.id}/cv`)).body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await uploadCv(t, '00000000-0000-4000-8000-000000000000', nurseCvPdf())).status).toBe(404);
  });

  it('asks for multipart/form-data with the file in "file"', async () => {
    const c = await newCandidate();
    const json = await t.post(`/api/candidates/${c.id}/cv`, { file: 'cv.pdf' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const missing = await uploadCv(t, c.id, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'invalid_payload', field: 'file' });
    const unreadable = await t.post(`/api/candidates/${c.id}/cv`, '{"file":"cv.pdf"}', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(unreadable.status).toBe(415);
    expect(unreadable.body.code).toBe('unsupported_media_type');
  });
});

describe('bad files', () => {
  async function refused(bytes: Uint8Array, status: number, code: string, type?: string) {
    const c = await newCandidate();
    const res = await uploadCv(t, c.id, bytes, 'cv.pdf', type);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, code, field: 'file' });
    // Nothing stored, nothing queued, candidate untouched.
    expect((await t.get(`/api/candidates/${c.id}/cv`)).status).toBe(404);
    expect(await parseJobs()).toBe(0);
    expect((await t.get(`/api/candidates/${c.id}`)).body).toMatchObject({ fullName: c.fullName, updatedAt: c.updatedAt });
  }

  it('refuses a file that is not a PDF with 415 cv_not_pdf (whatever its name and type say)', async () => {
    await refused(Buffer.from('PK\u0003\u0004 this is a .docx really'), 415, 'cv_not_pdf');
    await refused(Buffer.from('<html><body>My CV</body></html>'), 415, 'cv_not_pdf', 'application/pdf');
  });

  it('refuses an empty file with 400 cv_empty', async () => {
    await refused(new Uint8Array(0), 400, 'cv_empty');
  });

  it('refuses a file over 10 MB with 413 cv_too_large', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7\n', 0, 'latin1');
    await refused(big, 413, 'cv_too_large');
  });

  async function parsedOutcome(bytes: Uint8Array) {
    const c = await newCandidate();
    expect((await uploadCv(t, c.id, bytes)).status).toBe(202);
    await parseJobs();
    const res = await t.get(`/api/candidates/${c.id}/cv`);
    expect((await t.get(`/api/candidates/${c.id}`)).body).toMatchObject({ fullName: c.fullName, email: c.email, updatedAt: c.updatedAt });
    return res.body;
  }

  it('marks a password-protected PDF failed with cv_encrypted', async () => {
    const body = await parsedOutcome(readFileSync(new URL('../fixtures/cv/encrypted.pdf', import.meta.url)));
    expect(body).toMatchObject({ status: 'failed', error: { code: 'cv_encrypted' }, fields: {} });
  });

  it('marks a corrupt PDF failed with cv_unreadable', async () => {
    const body = await parsedOutcome(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\n%%EOF\n'));
    expect(body).toMatchObject({ status: 'failed', error: { code: 'cv_unreadable' } });
    expect(body.error.detail).toMatch(/PDF/);
  });

  it('marks a truncated PDF failed with cv_unreadable', async () => {
    const whole = nurseCvPdf();
    const body = await parsedOutcome(whole.subarray(0, Math.floor(whole.length / 3)));
    expect(body.status === 'failed' || body.status === 'needs_manual_review').toBe(true);
    expect(['cv_unreadable', 'cv_no_text']).toContain(body.error.code);
  });

  it('sends an image-only PDF (no text layer) to manual review', async () => {
    const body = await parsedOutcome(imageOnlyPdf());
    expect(body).toMatchObject({ status: 'needs_manual_review', error: { code: 'cv_no_text' }, pages: 1 });
  });

  it('parses a very long PDF up to the page cap and says so', async () => {
    const pages = Array.from({ length: 60 }, (_, i) => (i === 0 ? ['Jonah Okoro', 'jonah.okoro@example.org'] : [`Appendix page ${i + 1}: audit notes.`]));
    const body = await parsedOutcome(textPdf(pages));
    expect(body).toMatchObject({ status: 'parsed', pages: 60, truncated: true });
    expect(body.notes).toEqual(['Only the first 10 of 60 pages were read (page cap).']);
    expect(body.fields.email.value).toBe('jonah.okoro@example.org');
  });
});

describe('applying with a CV', () => {
  const applyForm = (file: Uint8Array | null, over: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...applicant(), ...over })) form.set(k, String(v));
    if (file) form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'cv.pdf');
    return t.intake.http.request('/api/candidates', { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
  };

  it('creates the candidate and queues the CV in one request (multipart/form-data)', async () => {
    const res = await applyForm(nurseCvPdf());
    expect(res.status).toBe(201);
    const body = await res.json() as { id: string; cv: { status: string }; journey: { state: string } };
    expect(body.cv.status).toBe('pending');
    expect(body.journey.state).toBe('applied');
    await parseJobs();
    expect((await t.get(`/api/candidates/${body.id}/cv`)).body.status).toBe('parsed');
  });

  it('creates nothing when the CV is refused', async () => {
    const before = (await t.get('/api/candidates?limit=200')).body.items.length;
    const res = await applyForm(Buffer.from('not a pdf'));
    expect(res.status).toBe(415);
    expect((await res.json() as { code: string }).code).toBe('cv_not_pdf');
    expect((await t.get('/api/candidates?limit=200')).body.items.length).toBe(before);
  });

  it('validates the application fields as the JSON route does, and still takes JSON', async () => {
    const res = await applyForm(nurseCvPdf(), { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect((await res.json() as { field: string }).field).toBe('email');
    expect((await t.post('/api/candidates', applicant())).status).toBe(201);
  });
});
