// A referee answers through their one-time link. Finding the request, storing the answers,
// spending the link and sending `references.received` into the journey happen in one
// transaction: a double submit or a race between two tabs records one reference.
import { eq } from 'drizzle-orm';
import { candidates, journeys, referenceRequests } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { actInTx } from '../journeys/act.js';
import { hashLinkToken } from './tokens.js';

export type LinkState = 'not_found' | 'used' | 'expired';

export interface OpenRequest { id: string; journeyId: string; refereeName: string; refereeEmail: string; candidateName: string; profession: string }

export interface ReferenceAnswers {
  refereeName: string; refereePosition: string; jobTitle: string; employedFrom: string; employedTo?: string | undefined;
  datesConfirmed: boolean; roleConfirmed: boolean; reemploy: 'yes' | 'no' | 'unsure'; concerns?: string | undefined;
}

export async function findReferenceRequest(app: AppContext, token: string): Promise<OpenRequest | LinkState> {
  const [row] = await app.db.select({ r: referenceRequests, name: candidates.fullName, profession: candidates.profession })
    .from(referenceRequests)
    .innerJoin(journeys, eq(journeys.id, referenceRequests.journeyId))
    .innerJoin(candidates, eq(candidates.id, journeys.candidateId))
    .where(eq(referenceRequests.tokenHash, hashLinkToken(token)));
  if (!row) return 'not_found';
  if (row.r.usedAt) return 'used';
  if (row.r.expiresAt <= app.clock.now()) return 'expired';
  return { id: row.r.id, journeyId: row.r.journeyId, refereeName: row.r.refereeName, refereeEmail: row.r.refereeEmail, candidateName: row.name, profession: row.profession };
}

/** 'accepted': the journey took the reference; 'not_needed': kept on file, but the journey had moved on. */
export async function answerReference(app: AppContext, token: string, answers: ReferenceAnswers): Promise<'accepted' | 'not_needed' | LinkState> {
  return app.db.transaction(async (tx) => {
    const [request] = await tx.select().from(referenceRequests).where(eq(referenceRequests.tokenHash, hashLinkToken(token))).for('update');
    if (!request) return 'not_found';
    if (request.usedAt) return 'used';
    const now = app.clock.now();
    if (request.expiresAt <= now) return 'expired';
    await tx.update(referenceRequests).set({ usedAt: now, answers }).where(eq(referenceRequests.id, request.id));
    const referee = { kind: 'referee' as const, requestId: request.id, journeyId: request.journeyId };
    const { accepted } = await actInTx(app, tx, { who: referee }, {
      type: 'references.received',
      payload: {
        refereeEmail: request.refereeEmail,
        datesConfirmed: answers.datesConfirmed,
        roleConfirmed: answers.roleConfirmed,
        // The answers are evidence: one that would not re-employ holds the check for a senior decision.
        wouldReemploy: answers.reemploy,
        ...(answers.concerns ? { concerns: answers.concerns } : {}),
      },
    }, { dropIfRefused: true });
    return accepted ? 'accepted' : 'not_needed';
  });
}
