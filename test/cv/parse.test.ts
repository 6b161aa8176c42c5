// parseCv end to end on PDFs built in the test: text layer → fields, the page cap, and a
// two-column page whose PDF interleaves the columns row by row (layout.test.ts has the layout rules).
import { describe, expect, it } from 'vitest';
import { defaultCvParseLimits } from '../../src/cv/limits.js';
import { parseCv } from '../../src/cv/parse.js';
import { readFileSync } from 'node:fs';
import { assemblePdf, interleavedTwoColumnPdf, stream, textPdf } from './support/pdf.js';

const now = new Date('2026-03-01T00:00:00Z');

describe('parseCv', () => {
  it('reads a two-column CV whose PDF runs the columns together, in column order', async () => {
    const pdf = interleavedTwoColumnPdf(
      ['CONTACT', '14 Mill Lane', 'Otley', 'LS21 1AB', '07700 900 321', 'maria.santos@example.com', '', 'SKILLS', 'Wound care', 'IV therapy', '', 'REGISTRATION', 'NMC PIN', '19C4455P'],
      ['Maria Santos', 'Staff Nurse', '', 'PROFILE', 'Adult nurse with six years of experience in acute', 'medicine and surgery.', '', 'EXPERIENCE',
        'Staff Nurse (Band 5)', 'Jan 2020 – Present', 'Wharfedale NHS Foundation Trust, Otley', '• Led discharge planning.',
        'Staff Nurse', 'Mar 2016 – Nov 2019', 'St Luke Medical Center, Manila, Philippines', '• Cared for surgical patients.'],
    );
    const outcome = await parseCv(pdf, defaultCvParseLimits, now);
    expect(outcome.status).toBe('parsed');
    if (outcome.status === 'failed' || !outcome.fields) throw new Error('not parsed');
    expect(outcome.notes).toContain('Read in column order (page 1 has two columns).');
    const f = outcome.fields;
    expect(f.fullName.value).toBe('Maria Santos');
    expect(f.registrations.value).toEqual([{ body: 'NMC', number: '19C4455P' }]);
    expect(f.employment.value).toEqual([
      { employer: 'Wharfedale NHS Foundation Trust', title: 'Staff Nurse (Band 5)', start: '2020-01', end: null },
      { employer: 'St Luke Medical Center', title: 'Staff Nurse', start: '2016-03', end: '2019-11' },
    ]);
  });

  it('leaves a single-column page to pdf-parse', async () => {
    const outcome = await parseCv(textPdf([['Ann Lee', 'ann.lee@example.com', 'Staff Nurse  Jan 2019 – Present', 'Leeds Teaching Hospitals NHS Trust']]), defaultCvParseLimits, now);
    expect(outcome).toMatchObject({ status: 'parsed', notes: [], truncated: false, pages: 1 });
  });

  it('reads only up to the page cap', async () => {
    const outcome = await parseCv(textPdf(Array.from({ length: 5 }, (_, i) => [`Page ${i + 1}`, i === 4 ? 'late.email@example.com' : 'Training record and audit notes for this page.'])), { ...defaultCvParseLimits, pageCap: 3 }, now);
    expect(outcome).toMatchObject({ status: 'parsed', pages: 5, pagesRead: 3, truncated: true });
    if (outcome.status !== 'failed') expect(outcome.fields?.email.value).toBeNull();
  });
});

describe('encrypted PDFs', () => {
  const withEncrypt = (encrypt: string, trailer = '/Encrypt 6 0 R') => assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', stream('', 'BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET'), encrypt,
  ], trailer);
  const zeros = '0'.repeat(64);

  it.each([
    ['a user password (qpdf, AES-256)', readFileSync(new URL('../fixtures/cv/encrypted.pdf', import.meta.url))],
    ['a standard handler whose password is not empty', withEncrypt(`<< /Filter /Standard /V 1 /R 2 /O <${zeros}> /U <${zeros}> /P -4 >>`)],
    ['a security handler pdf.js does not know', withEncrypt('<< /Filter /VendorSecurity /V 4 >>')],
  ])('fails one with %s as cv_encrypted', async (_, pdf) => {
    expect(await parseCv(pdf, defaultCvParseLimits, now)).toMatchObject({ status: 'failed', error: { code: 'cv_encrypted' } });
  });

  it('reads one with only an owner password (printing/copying limits): its text is open to anyone', async () => {
    const outcome = await parseCv(readFileSync(new URL('../fixtures/cv/owner-password-only.pdf', import.meta.url)), defaultCvParseLimits, now);
    expect(outcome.status).not.toBe('failed');
  });

  it('fails a corrupt one as cv_unreadable', async () => {
    expect(await parseCv(Buffer.from('%PDF-1.7\ngarbage'), defaultCvParseLimits, now)).toMatchObject({ status: 'failed', error: { code: 'cv_unreadable' } });
  });
});
