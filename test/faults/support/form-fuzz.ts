// The form half of the fuzz test: every POST route of the pages (read from the app), a staff and
// an applicant session to reach them, real tokens for the one-time links, and hostile forms sent
// urlencoded or multipart — NUL bytes, lone surrogates, control characters, property names as
// field names and event types, 10,000-character values.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { journeys, referenceRequests } from '../../../db/schema/index.js';
import { createSession } from '../../../src/auth/session.js';
import { hashLinkToken } from '../../../src/services/references/tokens.js';
import { createUser } from '../../../src/services/users/manage.js';
import { eventCatalog } from '../../../workflows/events/index.js';
import type { TestIntake } from '../../support/intake.js';

interface Session { cookie: string; csrf: string }

export interface FormFuzz {
  staff: Session;
  applicant: Session;
  /** A session of its own, for a form that ends the one it is sent with (signing out). */
  fresh(kind: 'staff' | 'applicant'): Promise<Session>;
  referenceToken: string;
  cohortId: string;
  /** Values that must never reach the log: tokens, cookies, and every long value sent. */
  secrets: Set<string>;
}

export async function formFuzzSetup(t: TestIntake, candidateId: string): Promise<FormFuzz> {
  const db = t.intake.app.db;
  const now = t.clock.now();
  const { user } = await createUser(db, { email: `fuzz.admin.${randomBytes(3).toString('hex')}@example.nhs.uk`, name: 'Fuzz Admin', role: 'admin', password: 'a long enough password' }, null, now);
  const staff = await createSession(db, { kind: 'staff', userId: user.id }, now);
  const candidate = (await t.get(`/api/candidates/${candidateId}`)).body;
  const applicant = await createSession(db, { kind: 'applicant', email: candidate.email }, now);
  const referenceToken = randomBytes(32).toString('base64url');
  const [journey] = await db.select({ id: journeys.id }).from(journeys).where(eq(journeys.candidateId, candidateId));
  await db.insert(referenceRequests).values({
    journeyId: journey!.id, refereeEmail: 'fuzz.referee@example.org', refereeName: 'Fuzz Referee',
    tokenHash: hashLinkToken(referenceToken), expiresAt: new Date(now.getTime() + 86_400_000), createdAt: now,
  });
  const cohort = await t.intake.http.request('/cohorts', {
    method: 'POST', body: new URLSearchParams({ _csrf: staff.csrf, name: 'Fuzz cohort', startsOn: '2026-09-01' }),
    headers: { cookie: `intake_session=${staff.value}`, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cohortId = /\/cohorts\/([0-9a-f-]{36})/.exec(cohort.headers.get('location') ?? '')?.[1] ?? '';
  const secrets = new Set([staff.value, staff.csrf, applicant.value, applicant.csrf, referenceToken, candidate.email, candidate.fullName]);
  return {
    staff: { cookie: `intake_session=${staff.value}`, csrf: staff.csrf },
    applicant: { cookie: `intake_session=${applicant.value}`, csrf: applicant.csrf },
    async fresh(kind) {
      const s = await createSession(db, kind === 'staff' ? { kind, userId: user.id } : { kind, email: candidate.email }, t.clock.now());
      secrets.add(s.value).add(s.csrf);
      return { cookie: `intake_session=${s.value}`, csrf: s.csrf };
    },
    referenceToken, cohortId, secrets,
  };
}

/** Every form a browser can post: the app's POST routes outside /api. */
export const formRoutes = (t: TestIntake) => [...new Set(t.intake.http.routes
  .filter((r) => r.method === 'POST' && !r.path.startsWith('/api/') && !r.path.includes('*'))
  .map((r) => r.path))];

/** The route with real ids and tokens in its parameters. */
export function formPath(template: string, f: FormFuzz, candidateId: string): string {
  return template
    .replace(':token', template.startsWith('/references') ? f.referenceToken : randomBytes(32).toString('base64url'))
    .replace(':id', template.startsWith('/cohorts') ? f.cohortId : candidateId);
}

// --- values ---------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_000);
const hostile = [
  '\u0000', 'a\u0000b', '\ud800', 'a\udfffb', '\u0007bell', 'tab\there', 'line\r\nInjected: header', '\u001b[31mred', '\u007f', '\u0085',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', LONG, `${LONG}\u0000`, '<script>alert(1)</script>', "' or 1=1 --", '', ' ',
];
/** Field names the forms take, so hostile values reach real fields, and hostile names. */
const fieldNames = [
  'programme', 'profession', 'fullName', 'email', 'phone', 'postcode', 'file', 'password', 'next', 'reason', 'confirm', 'application',
  'text', 'field', 'value', 'documentId', 'name', 'startsOn', 'candidateId', 'member', 'event', 'refereeName', 'refereePosition',
  'jobTitle', 'employedFrom', 'datesConfirmed', 'roleConfirmed', 'reemploy', 'concerns', 'declaration', '_version', 'current',
  'newPassword', 'confirmPassword', 'expiresAt',
];
const hostileNames = ['__proto__', 'constructor', 'toString', 'valueOf', 'a\u0000b', '\ud800', 'name\r\n', 'x'.repeat(300), 'a[]', 'a.b'];

/** A value a person might type, with its personal data: it must never be logged. */
const personal = fc.oneof(
  fc.emailAddress().filter((e) => e.length >= 12),
  fc.constantFrom('Eleanor Mae Whitcombe', 'Ngozi Adaeze Okafor', 'My mother is unwell and I must care for her'),
);
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hostile) }, { weight: 2, arbitrary: personal }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.constantFrom(...hostileNames) });
const eventType = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', LONG, 'with\u0000nul'), fc.constantFrom(...Object.keys(eventCatalog)));

export interface FormCase { fields: [string, string][]; multipart: boolean; csrf: 'valid' | 'hostile' }

export const formCase: fc.Arbitrary<FormCase> = fc.record({
  fields: fc.tuple(fc.array(fc.tuple(fieldName, value), { minLength: 1, maxLength: 6 }), eventType)
    .map(([pairs, type]): [string, string][] => [...pairs, ['_type', type]]),
  multipart: fc.boolean(),
  csrf: fc.constantFrom('valid', 'valid', 'valid', 'hostile'),
});

// --- encoding -------------------------------------------------------------------------------

/** UTF-8, except that a lone surrogate becomes the bytes a hostile client would send (ED A0 80). */
function bytesOf(s: string): Buffer {
  return Buffer.concat([...s].map((ch) => (/^[\ud800-\udfff]$/.test(ch) ? Buffer.from([0xed, 0xa0, 0x80]) : Buffer.from(ch, 'utf8'))));
}
const percent = (s: string) => [...bytesOf(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

export function encodeForm(fields: [string, string][], multipart: boolean): { body: Uint8Array<ArrayBuffer>; type: string } {
  if (!multipart) return { body: new Uint8Array(Buffer.from(fields.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&'))), type: 'application/x-www-form-urlencoded' };
  const boundary = `fuzz${randomBytes(8).toString('hex')}`;
  const parts = fields.map(([k, v]) => (k === 'file'
    ? Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`), bytesOf(v.slice(0, 300)), Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\r\n')])
    : Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="`), bytesOf(k.replace(/["\r\n]/g, '_')), Buffer.from('"\r\n\r\n'), bytesOf(v), Buffer.from('\r\n')])));
  return { body: new Uint8Array(Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)])), type: `multipart/form-data; boundary=${boundary}` };
}
