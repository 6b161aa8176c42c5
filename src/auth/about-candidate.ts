// A request about one candidate names them in its path: the credential check (token or session)
// reads that candidate with their journey in its own statement, so the request needs no second read.
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** The candidate id a path under `prefix` names (`/api/candidates`, `/candidates`), lower-cased, or undefined. */
export function candidateIdIn(path: string, prefix: string): string | undefined {
  return new RegExp(`^${prefix}/${UUID}(?:/|$)`, 'i').exec(path)?.[1]?.toLowerCase();
}
