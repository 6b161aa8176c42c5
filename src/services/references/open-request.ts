import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { referenceRequests } from '../../../db/schema/index.js';
import type { Referee } from '../../../workflows/types.js';
import { DAY_MS } from '../../../workflows/policy.js';
import type { AppContext } from '../../context.js';
import { linkPlaceholder } from '../emails/links.js';
import { hashLinkToken, referenceToken } from './tokens.js';

/** The open request for this referee (or a new one), and the placeholder of the link to its form. */
export async function openReferenceRequest(app: AppContext, tx: Tx, journeyId: string, referee: Referee, now: Date): Promise<string> {
  const [open] = await tx.select({ id: referenceRequests.id }).from(referenceRequests)
    .where(and(eq(referenceRequests.journeyId, journeyId), eq(referenceRequests.refereeEmail, referee.email), isNull(referenceRequests.usedAt), gt(referenceRequests.expiresAt, now)))
    .orderBy(desc(referenceRequests.createdAt)).limit(1);
  let id = open?.id;
  if (!id) {
    id = crypto.randomUUID();
    await tx.insert(referenceRequests).values({
      id, journeyId, refereeEmail: referee.email, refereeName: referee.name,
      tokenHash: hashLinkToken(referenceToken(app.settings.secret, id)),
      expiresAt: new Date(now.getTime() + app.settings.referenceLinkDays * DAY_MS), createdAt: now,
    });
  }
  return linkPlaceholder('reference', id);
}
