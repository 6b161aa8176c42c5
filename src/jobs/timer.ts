// A due timer sends its event into its journey like any other event, in the transaction that
// marks the job done. If the journey can no longer take it (it moved on, or finished), the timer
// is dropped: that is not an error. With the front door (src/services/journeys/act.ts), the only
// caller of the engine outside it: a timer's event is the machine's own, so there is no one to
// authorize and nothing to parse.
import { systemActor } from '../engine/actor.js';
import { dispatchInTx } from '../engine/dispatch.js';
import { runMembershipTimer } from './membership.js';
import type { TxHandler } from './types.js';

export const timerHandler: TxHandler = {
  mode: 'tx',
  async run(app, tx, job) {
    const { event, membership } = job.payload as { event: { type: string }; membership?: boolean };
    if (!job.journeyId) return 'dropped';
    // A member's compliance timer (src/engine/membership.ts): its journey id is the membership's.
    if (membership) return runMembershipTimer(app, tx, job.journeyId, event);
    const { type, ...data } = event;
    const result = await dispatchInTx(app, tx, job.journeyId, type, data, systemActor, { dropIfRefused: true });
    return result.accepted ? 'done' : 'dropped';
  },
};
