// Bulk actions for recruiters on a list of candidates: email each a reminder (a new sign-in link
// to their portal), or move several on with one event. Each candidate goes through the front door
// on its own, so one refusal never undoes the others; every outcome is reported.
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { act } from '../journeys/act.js';
import { sendMagicLinkFor } from '../portal/magic-link.js';

/** What a recruiter may do to several at once: events that need nothing typed but a reason. */
export const bulkMoves = {
  remind: { label: 'Email each a reminder with a sign-in link', needsReason: false },
  screeningStarted: { label: 'Start screening', needsReason: false },
  agreementSigned: { label: 'Bank agreement signed', needsReason: false },
  withdrawn: { label: 'Withdraw', needsReason: true },
  rejected: { label: 'Reject', needsReason: true },
} as const;
export type BulkMove = keyof typeof bulkMoves;

export interface BulkOutcome { candidateId: string; ok: boolean; message?: string }

export async function bulkMove(app: AppContext, staff: StaffPrincipal, ids: string[], move: BulkMove, reason?: string): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (const id of ids.slice(0, 100)) {
    try {
      if (move === 'remind') await sendMagicLinkFor(app, staff, id);
      else await act(app, staff, id, { type: move, payload: bulkMoves[move].needsReason ? { reason: reason ?? '' } : {} });
      out.push({ candidateId: id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      out.push({ candidateId: id, ok: false, message: error.message });
    }
  }
  return out;
}
