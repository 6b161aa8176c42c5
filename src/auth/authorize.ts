// Server-side checks against the permission table. A refusal is recorded (ids only) and
// answered 403; a candidate the caller may not even read is 404, so ids cannot be probed.
import type { AppContext } from '../engine/context.js';
import { AppError, notFound } from '../errors.js';
import { audit } from '../services/audit/record.js';
import { type Action, allows } from './permissions.js';
import { type CandidateWithJourneyRow, readCandidateWithJourney } from '../services/candidates/get.js';
import type { CandidateRead } from './bearer.js';
import type { StaffPrincipal } from './principal.js';

async function refuse(app: AppContext, p: StaffPrincipal, action: Action, subjectId?: string): Promise<never> {
  await audit(app.db, { kind: 'permission_denied', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: subjectId ?? null, detail: { action, role: p.role }, at: app.clock.now() });
  throw new AppError(403, 'forbidden', `Your role (${p.role}) may not do this (${action}).`);
}

/** For actions not about one candidate. */
export async function authorize(app: AppContext, p: StaffPrincipal, action: Action, programme?: string): Promise<void> {
  if (!allows(p.role, action, programme)) await refuse(app, p, action);
}

/**
 * The candidate and their current journey, after checking the caller may read them and do
 * `action` on them: one query serves the check, the handler and dispatch (the journey comes
 * with its xmin, so dispatch need not read it again). `read`: the row the bearer check already
 * read with the token (src/auth/bearer.ts), used when it is this candidate's.
 */
export async function authorizedCandidate(app: AppContext, p: StaffPrincipal, action: Action, candidateId: string, read?: CandidateRead): Promise<CandidateWithJourneyRow> {
  const row = read?.id === candidateId ? read.row : await readCandidateWithJourney(app, candidateId);
  if (!row || !allows(p.role, 'candidates.read', row.journey.programme)) throw notFound('The candidate');
  if (!allows(p.role, action, row.journey.programme)) await refuse(app, p, action, candidateId);
  return row;
}

/** The candidate's current programme, after the same checks. */
export async function authorizeCandidate(app: AppContext, p: StaffPrincipal, action: Action, candidateId: string, read?: CandidateRead): Promise<string> {
  return (await authorizedCandidate(app, p, action, candidateId, read)).journey.programme;
}
