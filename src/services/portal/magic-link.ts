// Applicants sign in with a one-time link sent to an email address (15 minutes, stored hashed).
// A link is for the address, not for one application: used, it proves the person holds that
// mailbox, confirms every application made with it, and opens a session that reaches all of them
// (one person may apply more than once). Typing an address into an application proves nothing,
// so nothing is ever bound to "the newest record for that address". The answer to a request
// never says whether the address is known.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { candidates, journeys, magicLinks } from '../../../db/schema/index.js';
import { enqueue } from '../../jobs/enqueue.js';
import { hit, limitKey, limits } from '../../auth/rate-limit.js';
import { createSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { emailSnapshot, loadSnapshot } from '../../engine/snapshot.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { type StaffPrincipal, actorOf } from '../../auth/principal.js';
import { AppError } from '../../errors.js';
import { audit } from '../audit/record.js';
import type { CandidateRead } from '../candidates/read.js';
import { hashLinkToken, linkToken } from '../references/tokens.js';

const MAGIC_LINK_MINUTES = 15;

/** Rate-limit keys about this address (forgotten with the candidate's erasure). */
export const magicLinkLimitKeys = (email: string) => [limitKey('magic-link:email', email)];

export type LinkRequestResult = { outcome: 'sent_if_known' } | { outcome: 'throttled'; retryAfterSeconds: number };

const sameAddress = (email: string) => and(eq(sql`lower(${candidates.email})`, email), isNull(candidates.erasedAt));

/**
 * A new link for `email`, emailed through the outbox, if any application was made with it; in the
 * caller's transaction. The email belongs to the newest application's record; its greeting names
 * nobody (a name typed into someone else's application must not reach their inbox).
 */
async function sendLink(app: AppContext, tx: Tx, email: string, actor: { type: string; id: string | null }, now: Date): Promise<boolean> {
  const [found] = await tx.select({ c: candidates, j: journeys }).from(candidates)
    .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(sameAddress(email)).orderBy(desc(candidates.createdAt)).limit(1);
  if (!found) return false;
  const id = crypto.randomUUID();
  await tx.insert(magicLinks).values({
    id, email, tokenHash: hashLinkToken(linkToken(app.settings.secret, 'magic', id)),
    expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000), createdAt: now,
  });
  // Sent like every other email: through the outbox, with a placeholder for the link.
  await enqueue(tx, {
    kind: 'email', key: `magic:${id}`, journeyId: found.j.id, runAt: now, maxAttempts: app.settings.emailMaxAttempts,
    payload: { template: 'magicLink', to: 'candidate', candidateId: found.c.id, journeyId: found.j.id, linkId: id, ...emailSnapshot(loadSnapshot(app.machines, found.j)) },
  });
  await audit(tx, { kind: 'magic_link_sent', actorType: actor.type, actorId: actor.id, subjectId: found.c.id, at: now });
  return true;
}

/** An applicant asks for a link on the sign-in page. */
export async function requestMagicLink(app: AppContext, email: string, address: string): Promise<LinkRequestResult> {
  const now = app.clock.now();
  const account = email.trim().toLowerCase();
  const perEmail = await hit(app.db, magicLinkLimitKeys(account)[0]!, limits.magicLinkPerEmail, now);
  const perAddress = await hit(app.db, limitKey('magic-link:address', address), limits.magicLinkPerAddress, now);
  if (!perEmail.allowed || !perAddress.allowed) {
    return { outcome: 'throttled', retryAfterSeconds: Math.max(perEmail.allowed ? 0 : perEmail.retryAfterSeconds, perAddress.allowed ? 0 : perAddress.retryAfterSeconds) };
  }
  await app.db.transaction((tx) => sendLink(app, tx, account, { type: 'anonymous', id: null }, now));
  return { outcome: 'sent_if_known' };
}

/**
 * A member of staff who works the candidate sends them a new link (staff may send one, never read
 * one): to the candidate's own address, within the same per-address limit as the applicant's own
 * requests (429 beyond it).
 */
export async function sendMagicLinkFor(app: AppContext, staff: StaffPrincipal, candidateId: string, read?: CandidateRead): Promise<void> {
  const { candidate } = await authorizedCandidate(app, staff, 'journey.act', candidateId, read);
  if (candidate.erasedAt) throw new AppError('journey_finished', 'This candidate’s personal data has been erased: there is no address to send a link to.');
  const now = app.clock.now();
  const account = candidate.email.toLowerCase();
  const perEmail = await hit(app.db, magicLinkLimitKeys(account)[0]!, limits.magicLinkPerEmail, now);
  if (!perEmail.allowed) throw new AppError('rate_limited', `Five links have been sent to this address in the last 15 minutes. Try again in ${Math.ceil(perEmail.retryAfterSeconds / 60)} minutes.`, { retryAfterSeconds: perEmail.retryAfterSeconds });
  await app.db.transaction((tx) => sendLink(app, tx, account, actorOf(staff), now));
}

export type RedeemResult = { outcome: 'signed_in'; cookie: string } | { outcome: 'not_found' | 'used' | 'expired' };

export async function findMagicLink(app: AppContext, token: string): Promise<'valid' | 'not_found' | 'used' | 'expired'> {
  const [link] = await app.db.select().from(magicLinks).where(eq(magicLinks.tokenHash, hashLinkToken(token)));
  if (!link) return 'not_found';
  if (link.usedAt) return 'used';
  return link.expiresAt <= app.clock.now() ? 'expired' : 'valid';
}

/**
 * Spends the link, confirms the address of every application made with it, and opens an
 * applicant session bound to that address.
 */
export async function redeemMagicLink(app: AppContext, token: string): Promise<RedeemResult> {
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const [link] = await tx.select().from(magicLinks).where(eq(magicLinks.tokenHash, hashLinkToken(token))).for('update');
    if (!link) return { outcome: 'not_found' };
    if (link.usedAt) return { outcome: 'used' };
    if (link.expiresAt <= now) return { outcome: 'expired' };
    await tx.update(magicLinks).set({ usedAt: now }).where(eq(magicLinks.id, link.id));
    const applications = await tx.update(candidates).set({ emailConfirmedAt: sql`coalesce(${candidates.emailConfirmedAt}, ${now.toISOString()}::timestamptz)` })
      .where(sameAddress(link.email)).returning({ id: candidates.id });
    const session = await createSession(tx, { kind: 'applicant', email: link.email }, now);
    for (const a of applications) await audit(tx, { kind: 'applicant_sign_in', actorType: 'applicant', actorId: a.id, detail: { link: link.id }, at: now });
    return { outcome: 'signed_in', cookie: session.value };
  });
}
