// Erasure on a person's request (an admin acts for them): a journey still in progress is
// withdrawn first, so its timers stop and the statistics show a withdrawal, then the personal data
// goes, in one transaction.
import { authorizeCandidate } from '../../auth/authorize.js';
import { type StaffPrincipal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import type { CandidateRead } from '../candidates/read.js';
import { actInTx } from '../journeys/act.js';
import { type ErasureResult, eraseCandidate } from './erase.js';

export async function eraseOnRequest(app: AppContext, staff: StaffPrincipal, candidateId: string, read?: CandidateRead): Promise<ErasureResult> {
  await authorizeCandidate(app, staff, 'data.erase', candidateId, read);
  return app.db.transaction(async (tx) => {
    // A journey that has finished (or cannot be withdrawn where it is) takes no event: nothing to stop.
    await actInTx(app, tx, { who: staff, candidateId }, { type: 'withdrawn', payload: { reason: 'Personal data erased on request' } }, { dropIfRefused: true });
    return eraseCandidate(app, tx, candidateId, { reason: 'request', actor: actorOf(staff) });
  });
}
