// What no one needs once it is spent, purged every hour (src/jobs/housekeeping.ts): sessions that
// expired or sat idle past the staff limit, sign-in links used or expired (the audit log keeps
// that they were sent and used), and rate-limit counters whose window ended. Each is also deleted
// with the candidate's erasure (src/services/privacy/erase.ts). Referee links are not purged:
// their row holds the reference given.
import { and, eq, isNotNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { magicLinks, sessions } from '../../../db/schema/index.js';
import { purgeLimits } from '../../auth/rate-limit.js';
import type { AppContext } from '../../context.js';
import { log } from '../../log.js';

export interface Purged { sessions: number; links: number; rateLimits: number }

export async function purgeSpent(app: AppContext, tx: Tx, now: Date): Promise<Purged> {
  const idleSince = new Date(now.getTime() - app.settings.staffIdleMs);
  const ended = await tx.delete(sessions)
    .where(or(lte(sessions.expiresAt, now), and(eq(sessions.kind, 'staff'), lte(sessions.lastSeenAt, idleSince))))
    .returning({ id: sessions.idHash });
  const spent = await tx.delete(magicLinks).where(or(isNotNull(magicLinks.usedAt), lte(magicLinks.expiresAt, now))).returning({ id: magicLinks.id });
  const purged = { sessions: ended.length, links: spent.length, rateLimits: await purgeLimits(tx, now) };
  log.info('housekeeping', purged);
  return purged;
}
