// CVs for the tests, as PDFs built on the fly (textPdf), and an upload helper.
import { TOKEN, type TestIntake } from '../../support/intake.js';
import { textPdf } from './pdf.js';

export const nurseCvLines = (over: { name?: string; email?: string; phone?: string; pin?: string } = {}) => [
  [
    over.name ?? 'Amara Chukwu-Bennett RN',
    'Registered Nurse (Adult)',
    `12 Hollin Lane, Leeds, LS16 5NG | Mobile: ${over.phone ?? '07700 900123'} | ${over.email ?? 'amara.bennett@example.com'}`,
    'PROFESSIONAL REGISTRATION',
    `NMC PIN: ${over.pin ?? '09A1234B'} - Registered Nurse (Adult)`,
    'ENGLISH LANGUAGE',
    'IELTS Academic, test date 14 March 2021',
    'Overall 7.5: Listening 8.0, Reading 7.5, Writing 7.0, Speaking 7.5',
    'WORK EXPERIENCE',
    'Staff Nurse (Band 5)    Jun 2023 - Present',
    'Hollin Park Teaching Hospitals NHS Trust, Leeds',
    '- Cared for patients on a busy respiratory ward.',
    'Staff Nurse    Mar 2016 - Aug 2022',
    'St Anne Medical Centre, Lagos, Nigeria',
    '- Delivered care to adult medical patients.',
    'EDUCATION',
    'BSc Nursing    2011 - 2015',
    'University of Lagos',
  ],
];

export const nurseCvPdf = (over: Parameters<typeof nurseCvLines>[0] = {}) => textPdf(nurseCvLines(over));

export async function uploadCv(t: TestIntake, candidateId: string, bytes: Uint8Array | null, filename = 'cv.pdf', type = 'application/pdf') {
  const form = new FormData();
  if (bytes) form.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await t.intake.http.request(`/api/candidates/${candidateId}/cv`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
