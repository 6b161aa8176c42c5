// Signed values for the cohort pages: the OSCE calendar feed's token (calendar apps cannot send
// cookies, so the URL itself is the credential) and the bulk-event outcome carried through the
// redirect after a POST (signed, so a crafted link cannot put words on a coordinator's page).
import { timingSafeEqual } from 'node:crypto';
import { linkToken } from '../references/tokens.js';
import type { BulkOutcome } from './bulk.js';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const feedToken = (secret: string, cohortId: string) => linkToken(secret, 'cohort-feed', cohortId);
export const validFeedToken = (secret: string, cohortId: string, token: unknown) =>
  typeof token === 'string' && token.length < 200 && same(token, feedToken(secret, cohortId));

/** The calendar subscription address of a cohort's OSCE dates. */
export const feedUrl = (publicUrl: string, secret: string, cohortId: string) =>
  `${publicUrl.replace(/\/$/, '')}/feeds/cohorts/${cohortId}/osce.ics?token=${feedToken(secret, cohortId)}`;

/** A bulk event's result, compact: the event, who moved, and who did not, grouped by the reason. */
export interface BulkResult { type: string; ok: string[]; refused: { message: string; ids: string[] }[] }

export function summariseOutcomes(type: string, outcomes: BulkOutcome[]): BulkResult {
  const refused = new Map<string, string[]>();
  for (const o of outcomes) if (!o.ok) refused.set(o.message, [...(refused.get(o.message) ?? []), o.candidateId]);
  return { type, ok: outcomes.filter((o) => o.ok).map((o) => o.candidateId), refused: [...refused].map(([message, ids]) => ({ message, ids })) };
}

export function signResult(secret: string, cohortId: string, result: BulkResult): string {
  const body = Buffer.from(JSON.stringify(result)).toString('base64url');
  return `${body}.${linkToken(secret, 'cohort-outcome', `${cohortId}:${body}`)}`;
}

/** The result a redirect carried, or null if it is missing, altered or for another cohort. */
export function readResult(secret: string, cohortId: string, value: unknown): BulkResult | null {
  if (typeof value !== 'string' || value.length > 20_000) return null;
  const [body, sig, ...rest] = value.split('.');
  if (!body || !sig || rest.length > 0 || !same(sig, linkToken(secret, 'cohort-outcome', `${cohortId}:${body}`))) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as BulkResult;
    return typeof parsed.type === 'string' && Array.isArray(parsed.ok) && Array.isArray(parsed.refused) ? parsed : null;
  } catch {
    return null;
  }
}
