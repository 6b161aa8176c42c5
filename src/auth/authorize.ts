// Server-side checks against the permission table. A refusal is recorded (ids only) and
// answered 403; a candidate the caller may not even read is 404, so ids cannot be probed.
import type { DbOrTx } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { audit } from '../services/audit/record.js';
import { type CandidateRead, type CandidateWithJourneyRow, candidateRow } from '../services/candidates/read.js';
import { type Action, allows } from './permissions.js';
import type { StaffPrincipal } from './principal.js';

async function refuse(app: AppContext, p: StaffPrincipal, action: Action, subjectId?: string, tx?: DbOrTx): Promise<never> {
  // Inside a transaction the refusal is written there (PGlite has one connection: never `db` then).
  await audit(tx ?? app.db, { kind: 'permission_denied', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: subjectId ?? null, detail: { action, role: p.role }, at: app.clock.now() });
  throw new AppError('forbidden', `Your role (${p.role}) may not do this (${action}).`);
}

/** For actions not about one candidate. */
export async function authorize(app: AppContext, p: StaffPrincipal, action: Action, programme?: string): Promise<void> {
  if (!allows(p.role, action, programme)) await refuse(app, p, action);
}

/**
 * The candidate and their current journey, after checking the caller may read them and do
 * `action` on them: one read serves the check, the handler and the front door. `read`: the row
 * the credential check already read (with the token or the session), used when it is this
 * candidate's; `tx`: read inside that transaction.
 */
export async function authorizedCandidate(app: AppContext, p: StaffPrincipal, action: Action, candidateId: string, read?: CandidateRead, tx?: DbOrTx): Promise<CandidateWithJourneyRow> {
  const row = await candidateRow(app, candidateId, read, tx);
  if (!row || !allows(p.role, 'candidates.read', row.journey.programme)) throw notFound('The candidate');
  if (!allows(p.role, action, row.journey.programme)) await refuse(app, p, action, candidateId, tx);
  return row;
}

/** The candidate's current programme, after the same checks. */
export async function authorizeCandidate(app: AppContext, p: StaffPrincipal, action: Action, candidateId: string, read?: CandidateRead): Promise<string> {
  return (await authorizedCandidate(app, p, action, candidateId, read)).journey.programme;
}
