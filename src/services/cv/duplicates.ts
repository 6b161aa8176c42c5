// Possible duplicates: another candidate with the same email, phone or registration number as
// this CV (parsed or as corrected by the recruiter). Phones are compared by digits, since the
// candidates table keeps them as typed; registration numbers are looked up in other candidates'
// CVs, in their journeys (where a verified registration is recorded) and as they declared it.
import { and, ne, or, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../../db/client.js';
import { candidates, cvDocuments, journeys } from '../../../db/schema/index.js';

export interface Duplicate { candidateId: string; matchedOn: 'email' | 'phone' | 'registration'; value: string }
export interface DuplicateParams { candidateId: string; emails: string[]; phones: string[]; registrationNumbers: string[] }

/** The digit strings a stored phone may have for one E.164 number (+44 7700… / 07700… / 0044…). */
export function phoneDigits(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [];
  const intl = `${parsed.countryCallingCode}${parsed.nationalNumber}`;
  return [intl, `00${intl}`, `0${parsed.nationalNumber}`];
}

export async function findDuplicates(db: DbOrTx, p: DuplicateParams): Promise<Duplicate[]> {
  const out: Duplicate[] = [];
  const emails = [...new Set(p.emails.map((e) => e.toLowerCase()))];
  for (const email of emails) {
    const rows = await db.select({ id: candidates.id }).from(candidates)
      .where(and(ne(candidates.id, p.candidateId), sql`lower(${candidates.email}) = ${email}`)).limit(20);
    out.push(...rows.map((r) => ({ candidateId: r.id, matchedOn: 'email' as const, value: email })));
  }
  for (const phone of [...new Set(p.phones)]) {
    const digits = phoneDigits(phone);
    if (!digits.length) continue;
    const rows = await db.select({ id: candidates.id }).from(candidates)
      .where(and(ne(candidates.id, p.candidateId), sql`regexp_replace(coalesce(${candidates.phone}, ''), '[^0-9]', '', 'g') in (${sql.join(digits.map((d) => sql`${d}`), sql`, `)})`)).limit(20);
    out.push(...rows.map((r) => ({ candidateId: r.id, matchedOn: 'phone' as const, value: phone })));
  }
  for (const number of [...new Set(p.registrationNumbers)]) {
    const inCv = sql`${cvDocuments.fields} @> ${JSON.stringify({ registrations: { value: [{ number }] } })}::jsonb`;
    const reviewed = sql`${cvDocuments.reviewed} @> ${JSON.stringify({ registrations: { value: [{ number }] } })}::jsonb`;
    const cvRows = await db.selectDistinct({ id: cvDocuments.candidateId }).from(cvDocuments)
      .where(and(ne(cvDocuments.candidateId, p.candidateId), or(inCv, reviewed))).limit(20);
    const journeyRows = await db.selectDistinct({ id: journeys.candidateId }).from(journeys)
      .where(and(ne(journeys.candidateId, p.candidateId), sql`${journeys.snapshot} -> 'context' -> 'registration' ->> 'number' = ${number}`)).limit(20);
    const declared = await db.select({ id: candidates.id }).from(candidates)
      .where(and(ne(candidates.id, p.candidateId), sql`${candidates.registrationNumber} = ${number}`)).limit(20);
    const ids = new Set([...cvRows, ...journeyRows, ...declared].map((r) => r.id));
    out.push(...[...ids].map((id) => ({ candidateId: id, matchedOn: 'registration' as const, value: number })));
  }
  return out;
}
