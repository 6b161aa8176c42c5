// Applicants sign in with a one-time link sent to the email they applied with (15 minutes,
// stored hashed). The answer to a request never says whether the address is known.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { candidates, journeys, magicLinks } from '../../../db/schema/index.js';
import { enqueue } from '../../jobs/enqueue.js';
import { hit, limits } from '../../auth/rate-limit.js';
import { createSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { emailSnapshot, loadSnapshot } from '../../engine/snapshot.js';
import { audit } from '../audit/record.js';
import { hashLinkToken, linkToken } from '../references/tokens.js';

const MAGIC_LINK_MINUTES = 15;

export type LinkRequestResult = { outcome: 'sent_if_known' } | { outcome: 'throttled'; retryAfterSeconds: number };

export async function requestMagicLink(app: AppContext, email: string, address: string): Promise<LinkRequestResult> {
  const now = app.clock.now();
  const account = email.trim().toLowerCase();
  const perEmail = await hit(app.db, `magic-link:email:${account}`, limits.magicLinkPerEmail, now);
  const perAddress = await hit(app.db, `magic-link:address:${address}`, limits.magicLinkPerAddress, now);
  if (!perEmail.allowed || !perAddress.allowed) {
    return { outcome: 'throttled', retryAfterSeconds: Math.max(perEmail.allowed ? 0 : perEmail.retryAfterSeconds, perAddress.allowed ? 0 : perAddress.retryAfterSeconds) };
  }
  await app.db.transaction(async (tx) => {
    const [found] = await tx.select({ c: candidates, j: journeys }).from(candidates)
      .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
      .where(and(eq(sql`lower(${candidates.email})`, account), isNull(candidates.erasedAt)))
      .orderBy(desc(candidates.createdAt)).limit(1);
    if (!found) return;
    const id = crypto.randomUUID();
    await tx.insert(magicLinks).values({
      id, candidateId: found.c.id, tokenHash: hashLinkToken(linkToken(app.settings.secret, 'magic', id)),
      expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000), createdAt: now,
    });
    // Sent like every other email: through the outbox, with a placeholder for the link.
    await enqueue(tx, {
      kind: 'email', key: `magic:${id}`, journeyId: found.j.id, runAt: now, maxAttempts: app.settings.emailMaxAttempts,
      payload: { template: 'magicLink', to: 'candidate', candidateId: found.c.id, journeyId: found.j.id, linkId: id, ...emailSnapshot(loadSnapshot(app.machines, found.j)) },
    });
    await audit(tx, { kind: 'magic_link_sent', actorType: 'anonymous', actorId: null, subjectId: found.c.id, at: now });
  });
  return { outcome: 'sent_if_known' };
}

export type RedeemResult = { outcome: 'signed_in'; cookie: string } | { outcome: 'not_found' | 'used' | 'expired' };

export async function findMagicLink(app: AppContext, token: string): Promise<'valid' | 'not_found' | 'used' | 'expired'> {
  const [link] = await app.db.select().from(magicLinks).where(eq(magicLinks.tokenHash, hashLinkToken(token)));
  if (!link) return 'not_found';
  if (link.usedAt) return 'used';
  return link.expiresAt <= app.clock.now() ? 'expired' : 'valid';
}

/** Spends the link and opens an applicant session bound to that candidate only. */
export async function redeemMagicLink(app: AppContext, token: string): Promise<RedeemResult> {
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const [link] = await tx.select().from(magicLinks).where(eq(magicLinks.tokenHash, hashLinkToken(token))).for('update');
    if (!link) return { outcome: 'not_found' };
    if (link.usedAt) return { outcome: 'used' };
    if (link.expiresAt <= now) return { outcome: 'expired' };
    await tx.update(magicLinks).set({ usedAt: now }).where(eq(magicLinks.id, link.id));
    const session = await createSession(tx, { kind: 'applicant', candidateId: link.candidateId }, now);
    await audit(tx, { kind: 'applicant_sign_in', actorType: 'applicant', actorId: link.candidateId, at: now });
    return { outcome: 'signed_in', cookie: session.value };
  });
}
