import { createHash, createHmac } from 'node:crypto';

export type LinkKind = 'reference' | 'magic';
/** Emailed links, plus the cohorts' OSCE calendar feed and their signed bulk-event results (not emailed). */
export type TokenKind = LinkKind | 'cohort-feed' | 'cohort-outcome';

/**
 * One-time link tokens (a referee's form, an applicant's sign-in) are derived from the link's id
 * with the install secret, so every email about it (the request, each chaser, a retry) carries
 * the same link while the database stores only its SHA-256 — and stored emails hold a
 * placeholder, expanded only when the email is sent (see src/services/emails/links.ts).
 */
export const linkToken = (secret: string, kind: TokenKind, id: string) =>
  createHmac('sha256', secret).update(`${kind}:${id}`).digest('base64url');

export const referenceToken = (secret: string, requestId: string) => linkToken(secret, 'reference', requestId);

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
