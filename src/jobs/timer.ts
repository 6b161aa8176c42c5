// A due timer sends its event through dispatch like any other event. If the journey can no
// longer take it (it moved on, or finished), the timer is dropped: that is not an error.
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../engine/context.js';
import { systemActor } from '../engine/context.js';
import { dispatchInTx } from '../engine/dispatch.js';
import type { JobOutcome, JobRow } from './worker.js';

export async function fireTimer(app: AppContext, tx: Tx, job: JobRow): Promise<JobOutcome> {
  const { event } = job.payload as { event: { type: string } };
  if (!job.journeyId) return 'dropped';
  const { type, ...data } = event;
  const result = await dispatchInTx(app, tx, job.journeyId, type, data, systemActor, { dropIfRefused: true });
  return result.accepted ? 'done' : 'dropped';
}
