// The front door to the journey engine. Every route, staff page, cohort bulk action, portal action
// and referee answer that acts on a candidate comes through here: it authorizes the one acting,
// parses the event, reads the journey once (or takes the row the request's credential check read
// with the token or session), dispatches, and shapes the reply. Only this file and the timer job
// (src/jobs/timer.ts) call the engine's dispatch (test/architecture/layers.test.ts).
import type { AnyMachineSnapshot } from 'xstate';
import type { Tx } from '../../../db/client.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { type ApplicantPrincipal, type RefereePrincipal, type StaffPrincipal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { dispatch, dispatchInTx } from '../../engine/dispatch.js';
import type { JourneyRow } from '../../engine/rows.js';
import { AppError, notFound } from '../../errors.js';
import { type CandidateWithJourney, candidateWithJourney, getCandidate } from '../candidates/get.js';
import { type CandidateRead, type CandidateRow, type CandidateWithJourneyRow, candidateRow } from '../candidates/read.js';
import { parseEvent } from './event.js';

export interface EventRequest {
  type: string;
  payload: Record<string, unknown>;
  /** If-Match (or the version a page's form was made from): 409 unless the journey is still there. */
  expectedVersion?: number | undefined;
}

export interface Acted {
  candidate: CandidateRow;
  /** The journey as the event left it (as it was, when a refused event was dropped). */
  journey: JourneyRow;
  accepted: boolean;
  snapshot?: AnyMachineSnapshot | undefined;
  /** The event opened a journey on another programme, now the candidate's current one. */
  movedProgramme: boolean;
}

/** The events people outside the staff may send, each only into their own journey. */
const applicantEvents: ReadonlySet<string> = new Set([
  'withdrawn',
  // The applicant's own steps in the portal (issue 15): the offer, referees, right to work, the
  // answer to a query on a check, and the choice of an interview time.
  'offerAccepted', 'offerDeclined', 'references.refereesProvided', 'interviewSlotChosen',
  'identity.submitted', 'rightToWork.submitted', 'registration.submitted', 'references.submitted', 'workHealth.submitted',
]);
const refereeEvents: ReadonlySet<string> = new Set(['references.received']);

function refuseEvent(allowed: ReadonlySet<string>, type: string) {
  if (!allowed.has(type)) throw new AppError('forbidden', `You may not send "${type}".`);
}

/** Staff by the permission table (404 for a candidate they may not read); an applicant only on an application made with their own address. */
async function authorizedTarget(app: AppContext, who: StaffPrincipal | ApplicantPrincipal, candidateId: string, type: string, read?: CandidateRead): Promise<CandidateWithJourneyRow> {
  if (who.kind === 'staff') return authorizedCandidate(app, who, 'journey.act', candidateId, read);
  const row = await candidateRow(app, candidateId, read);
  if (!row || row.candidate.erasedAt || row.candidate.email.toLowerCase() !== who.email) throw notFound('Your application');
  refuseEvent(applicantEvents, type);
  return row;
}

/** A reference comes from someone else: the candidate's own address is no referee (the journey's context holds no email to rule on). */
function notThemselves(email: string, data: Record<string, unknown>) {
  const referees = Array.isArray(data.referees) ? (data.referees as { email?: unknown }[]) : [];
  const i = referees.findIndex((r) => typeof r.email === 'string' && r.email.trim().toLowerCase() === email.trim().toLowerCase());
  if (i < 0) return;
  const field = `referees.${i}.email`;
  const message = 'this is the candidate’s own email address: a referee must be someone else';
  throw new AppError('invalid_payload', `${field}: ${message}`, { field, errors: [{ field, message }] });
}

/**
 * Acts on the candidate's current journey: optimistic, so an event costs the one read (none, when
 * `read` is this candidate's row) and the one commit statement. The payload is checked first:
 * nothing about the candidate is read for an event that could never be valid.
 */
export async function act(app: AppContext, who: StaffPrincipal | ApplicantPrincipal, candidateId: string, request: EventRequest, read?: CandidateRead): Promise<Acted> {
  const data = parseEvent(request.type, request.payload);
  const { candidate, journey } = await authorizedTarget(app, who, candidateId, request.type, read);
  if (request.type === 'references.refereesProvided') notThemselves(candidate.email, data);
  const result = await dispatch(app, journey, request.type, data, actorOf(who, candidate.id), { expectedVersion: request.expectedVersion });
  return { candidate, journey: result.journey, accepted: result.accepted, snapshot: result.snapshot, movedProgramme: result.movedProgramme ?? false };
}

/** Where an event acts inside a transaction: a candidate's current journey, or the journey a referee was asked about. */
export type InTxTarget = { who: StaffPrincipal; candidateId: string } | { who: RefereePrincipal };

/**
 * The same inside the caller's transaction, for an event that must commit with another change: a
 * referee's answer with its spent link, a withdrawal with the erasure it comes before. The
 * journey is read under a row lock. With `dropIfRefused`, an event the journey can no longer take
 * is dropped (accepted: false) instead of refused with 422.
 */
export async function actInTx(app: AppContext, tx: Tx, target: InTxTarget, request: EventRequest, opts: { dropIfRefused?: boolean } = {}): Promise<{ accepted: boolean }> {
  const data = parseEvent(request.type, request.payload);
  let journeyId: string;
  if ('candidateId' in target) {
    journeyId = (await authorizedCandidate(app, target.who, 'journey.act', target.candidateId, undefined, tx)).journey.id;
  } else {
    refuseEvent(refereeEvents, request.type);
    journeyId = target.who.journeyId;
  }
  const { accepted } = await dispatchInTx(app, tx, journeyId, request.type, data, actorOf(target.who), { expectedVersion: request.expectedVersion, dropIfRefused: opts.dropIfRefused ?? false });
  return { accepted };
}

/** The API's reply: the candidate with the journey as the event left it (read again only if it moved programme). */
export async function replyOf(app: AppContext, acted: Acted): Promise<CandidateWithJourney> {
  return acted.movedProgramme ? getCandidate(app, acted.candidate.id) : candidateWithJourney(app, acted.candidate, acted.journey, acted.snapshot);
}
