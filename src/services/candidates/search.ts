import { type SQL, ilike, or } from 'drizzle-orm';
import { candidates } from '../../../db/schema/index.js';

/** `%` and `_` typed by a person are literal characters, not wildcards. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Name or email containing what was typed, case-insensitive (the pg_trgm index serves it). */
export function nameOrEmailMatches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(candidates.fullName, pattern), ilike(candidates.email, pattern))!;
}
