// The documents service: a file's type is judged from its bytes, its size is capped, a DBS
// certificate is refused with the reason, only staff whose programmes include the candidate's (and
// the applicant themself) can fetch one, and erasure and retention delete them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../db/schema/index.js';
import type { ApplicantPrincipal, StaffPrincipal } from '../../src/auth/principal.js';
import { AppError } from '../../src/errors.js';
import { MAX_DOCUMENT_BYTES, fetchDocument, listDocuments, storeDocument } from '../../src/services/documents/store.js';
import { sniffDocumentType } from '../../src/services/documents/sniff.js';
import { runRetention } from '../../src/services/privacy/retention.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

const staff = (role: StaffPrincipal['role']): StaffPrincipal => ({ kind: 'staff', role, userId: null, tokenId: null, via: 'token' });

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('the documents service', () => {
  it('knows PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffDocumentType(PDF)).toBe('application/pdf');
    expect(sniffDocumentType(JPEG)).toBe('image/jpeg');
    expect(sniffDocumentType(PNG)).toBe('image/png');
    expect(sniffDocumentType(new TextEncoder().encode('MZ\x90\x00 not a pdf'))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });

  it('stores a passport photo as the applicant, typed from its bytes, and gives it back to them and to scoped staff only', async () => {
    const c = await t.post('/api/candidates', applicant({ email: 'amal@example.com' }));
    const me: ApplicantPrincipal = { kind: 'applicant', email: 'amal@example.com' };
    const stored = await storeDocument(t.intake.app, { candidateId: c.body.id, kind: 'passport', check: 'identity', bytes: JPEG, filename: 'C:\\Users\\amal\\passport.pdf', actor: me });
    expect(stored).toMatchObject({ check: 'identity', kind: 'passport', contentType: 'image/jpeg', filename: 'passport.pdf', sizeBytes: JPEG.length, uploadedBy: 'applicant' });
    expect((await fetchDocument(t.intake.app, me, c.body.id, stored.id)).bytes).toEqual(Buffer.from(JPEG));
    expect((await fetchDocument(t.intake.app, staff('recruiter'), c.body.id, stored.id)).contentType).toBe('image/jpeg');
    // Another applicant, and staff without the candidate's programme: not found, as if it were not there.
    expect((await refusal(fetchDocument(t.intake.app, { kind: 'applicant', email: 'someone@example.com' }, c.body.id, stored.id))).code).toBe('not_found');
    expect((await refusal(listDocuments(t.intake.app, { kind: 'applicant', email: 'someone@example.com' }, c.body.id))).code).toBe('not_found');
    expect((await refusal(fetchDocument(t.intake.app, staff('coordinator'), c.body.id, stored.id))).code).toBe('not_found');
    // A document id of another candidate is not found through this one.
    const d = await t.post('/api/candidates', applicant({ email: 'dee@example.com' }));
    expect((await refusal(fetchDocument(t.intake.app, { kind: 'applicant', email: 'dee@example.com' }, d.body.id, stored.id))).code).toBe('not_found');
    // A finished application takes no more documents from the applicant.
    expect((await t.post(`/api/candidates/${d.body.id}/events`, { type: 'withdrawn', reason: 'Took another post' })).status).toBe(200);
    expect((await refusal(storeDocument(t.intake.app, { candidateId: d.body.id, kind: 'passport', check: 'identity', bytes: JPEG, filename: 'p.jpg', actor: { kind: 'applicant', email: 'dee@example.com' } }))).code).toBe('journey_finished');
  });

  it('refuses what is not a PDF, JPEG or PNG, an empty file, and a file over the cap, naming the file field', async () => {
    const c = await t.post('/api/candidates', applicant());
    const store = (bytes: Uint8Array) => storeDocument(t.intake.app, { candidateId: c.body.id, kind: 'utility_bill', check: 'identity', bytes, filename: 'bill.pdf', actor: staff('recruiter') });
    const fake = await refusal(store(new TextEncoder().encode('<html><script>alert(1)</script>')));
    expect([fake.code, fake.status, fake.extra.field]).toEqual(['document_type_not_allowed', 415, 'file']);
    expect((await refusal(store(new Uint8Array()))).code).toBe('document_empty');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    const tooBig = await refusal(store(big));
    expect([tooBig.code, tooBig.status]).toEqual(['document_too_large', 413]);
    expect(await store(PDF)).toMatchObject({ contentType: 'application/pdf', uploadedBy: 'staff' });
  });

  it('refuses a DBS certificate with the reason, and a document for a check it is not evidence for', async () => {
    const c = await t.post('/api/candidates', applicant({ email: 'dbs@example.com' }));
    const me: ApplicantPrincipal = { kind: 'applicant', email: 'dbs@example.com' };
    for (const [kind, check] of [['dbs_certificate', 'dbs'], ['dbs_certificate', 'identity'], ['passport', 'dbs']] as const) {
      const e = await refusal(storeDocument(t.intake.app, { candidateId: c.body.id, kind, check, bytes: PDF, filename: 'dbs.pdf', actor: me }));
      expect(e.code).toBe('document_kind_refused');
      expect(e.status).toBe(422);
      expect(e.message).toMatch(/never a copy/);
    }
    const wrong = await refusal(storeDocument(t.intake.app, { candidateId: c.body.id, kind: 'utility_bill', check: 'rightToWork', bytes: PDF, filename: 'bill.pdf', actor: me }));
    expect([wrong.code, wrong.extra.field]).toEqual(['invalid_payload', 'kind']);
    expect(await listDocuments(t.intake.app, me, c.body.id)).toEqual([]);
  });

  it('deletes the documents when the candidate is erased on request, and when retention erases them', async () => {
    const asked = await t.post('/api/candidates', applicant({ email: 'erase-me@example.com' }));
    await storeDocument(t.intake.app, { candidateId: asked.body.id, kind: 'passport', check: 'identity', bytes: JPEG, filename: 'p.jpg', actor: staff('admin') });
    // Before that, the person's copy of their data holds it, bytes included.
    const exported = await t.get(`/api/candidates/${asked.body.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.documents).toHaveLength(1);
    expect(Buffer.from(exported.body.documents[0].contentBase64, 'base64')).toEqual(Buffer.from(JPEG));
    expect((await t.post(`/api/candidates/${asked.body.id}/erase`, { confirm: true })).status).toBe(200);
    expect(await t.intake.app.db.select().from(documents).where(eq(documents.candidateId, asked.body.id))).toEqual([]);

    const old = await t.post('/api/candidates', applicant({ email: 'old@example.com' }));
    await storeDocument(t.intake.app, { candidateId: old.body.id, kind: 'utility_bill', check: 'identity', bytes: PDF, filename: 'bill.pdf', actor: staff('admin') });
    expect((await t.post(`/api/candidates/${old.body.id}/events`, { type: 'rejected', reason: 'Not eligible' })).status).toBe(200);
    t.clock.advance(200 * 24 * 60 * 60 * 1000);
    const run = await runRetention(t.intake.app, { now: t.clock.now(), retentionMonths: 6 });
    expect(run.erased).toBeGreaterThanOrEqual(1);
    expect(await t.intake.app.db.select().from(documents).where(eq(documents.candidateId, old.body.id))).toEqual([]);
  });
});
