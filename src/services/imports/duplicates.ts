// Who in a set of import rows is already a candidate: by email (case-insensitive), by phone (its
// digits, in the forms a stored number may take: +44 7700…, 07700…, 0044…) and by registration
// number (as declared, or as recorded at screening). One query per kind for the whole set.
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { candidates, journeys } from '../../../db/schema/index.js';
import { phoneDigits } from '../cv/duplicates.js';

export type MatchKind = 'email' | 'phone' | 'registrationNumber';
export interface Keys { email: string; phone?: string | undefined; registrationNumber?: string | undefined }

/** For each kind, value → the id of an existing candidate with it. */
export async function existingCandidates(db: DbOrTx, rows: readonly Keys[]): Promise<Record<MatchKind, Map<string, string>>> {
  const found: Record<MatchKind, Map<string, string>> = { email: new Map(), phone: new Map(), registrationNumber: new Map() };
  const emails = [...new Set(rows.map((r) => r.email.toLowerCase()))];
  if (emails.length) {
    const lower = sql<string>`lower(${candidates.email})`;
    for (const r of await db.select({ id: candidates.id, value: lower }).from(candidates).where(inArray(lower, emails))) found.email.set(r.value, r.id);
  }
  const phoneByDigits = new Map(rows.flatMap((r) => (r.phone ? phoneDigits(r.phone).map((d) => [d, r.phone!] as const) : [])));
  if (phoneByDigits.size) {
    const digits = sql<string>`regexp_replace(coalesce(${candidates.phone}, ''), '[^0-9]', '', 'g')`;
    for (const r of await db.select({ id: candidates.id, value: digits }).from(candidates).where(inArray(digits, [...phoneByDigits.keys()]))) {
      found.phone.set(phoneByDigits.get(r.value)!, r.id);
    }
  }
  const numbers = [...new Set(rows.flatMap((r) => (r.registrationNumber ? [r.registrationNumber] : [])))];
  if (numbers.length) {
    for (const r of await db.select({ id: candidates.id, value: candidates.registrationNumber }).from(candidates).where(inArray(candidates.registrationNumber, numbers))) {
      found.registrationNumber.set(r.value!, r.id);
    }
    const recorded = sql<string>`${journeys.snapshot} -> 'context' -> 'registration' ->> 'number'`;
    for (const r of await db.select({ id: journeys.candidateId, value: recorded }).from(journeys).where(inArray(recorded, numbers))) {
      found.registrationNumber.set(r.value, r.id);
    }
  }
  return found;
}

export const matchWords: Record<MatchKind, string> = { email: 'email', phone: 'phone', registrationNumber: 'registration number' };

/** The first existing candidate a row matches, and on what. */
export function firstMatch(row: Keys, found: Record<MatchKind, Map<string, string>>): { kind: MatchKind; candidateId: string } | null {
  const values: [MatchKind, string | undefined][] = [['email', row.email.toLowerCase()], ['phone', row.phone], ['registrationNumber', row.registrationNumber]];
  for (const [kind, value] of values) {
    const id = value === undefined ? undefined : found[kind].get(value);
    if (id) return { kind, candidateId: id };
  }
  return null;
}
