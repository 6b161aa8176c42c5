// The applicant's own steps, each one event through the front door with the applicant as actor
// (so it is in the history, the reports and the recruiter's record like any other): answering the
// offer, naming referees, right to work, saying their documents are in, answering a query on a
// check, choosing an interview time. The front door refuses (404) an application not made with
// the session's address, and (403) any event an applicant may not send.
import { checkSpecs } from '../../../workflows/checks.js';
import type { CheckName } from '../../../workflows/types.js';
import type { ApplicantPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type Acted, act } from '../journeys/act.js';
import { checkBytes, checkKind, listDocuments, storeDocument } from '../documents/store.js';

type Version = { expectedVersion?: number | undefined };

export function answerOffer(app: AppContext, who: ApplicantPrincipal, id: string, answer: { decision: 'accept' | 'decline'; reason?: string } & Version): Promise<Acted> {
  return answer.decision === 'accept'
    ? act(app, who, id, { type: 'offerAccepted', payload: {}, expectedVersion: answer.expectedVersion })
    : act(app, who, id, { type: 'offerDeclined', payload: { reason: answer.reason ?? '' }, expectedVersion: answer.expectedVersion });
}

/** Referees and explained gaps: the requests go out with the event (the machine's email action). */
export function giveReferees(app: AppContext, who: ApplicantPrincipal, id: string, payload: Record<string, unknown>, v: Version = {}): Promise<Acted> {
  return act(app, who, id, { type: 'references.refereesProvided', payload, expectedVersion: v.expectedVersion });
}

export function giveRightToWork(app: AppContext, who: ApplicantPrincipal, id: string, payload: { route: 'share_code' | 'documents'; shareCode?: string; dateOfBirth?: string }, v: Version = {}): Promise<Acted> {
  return act(app, who, id, { type: 'rightToWork.submitted', payload, expectedVersion: v.expectedVersion });
}

const submittable: readonly CheckName[] = ['identity', 'rightToWork', 'registration', 'references', 'workHealth'];

function submittableCheck(check: string): CheckName {
  if (!(submittable as readonly string[]).includes(check)) throw new AppError('invalid_payload', 'check: this check takes nothing from you here.', { field: 'check' });
  return check as CheckName;
}

/** "My documents for this check are in": the check moves to the recruiter, naming what was sent. */
export async function documentsSent(app: AppContext, who: ApplicantPrincipal, id: string, check: string, v: Version = {}): Promise<Acted> {
  const name = submittableCheck(check);
  const docs = (await listDocuments(app, who, id)).filter((d) => d.check === name);
  if (!docs.length) throw new AppError('invalid_payload', `file: upload at least one document for the ${checkSpecs[name].title.toLowerCase()} first.`, { field: 'file' });
  const note = `Uploaded in the portal: ${docs.map((d) => `${d.kindLabel} (${d.filename})`).join(', ')}`.slice(0, 2000);
  return act(app, who, id, { type: `${name}.submitted`, payload: { note }, expectedVersion: v.expectedVersion });
}

/**
 * The answer to a query on a check: words, and a document if they have one. The file is checked
 * before anything is sent, so a bad file refuses the whole answer; it is kept once the event is in.
 */
export async function answerQuery(app: AppContext, who: ApplicantPrincipal, id: string, check: string, answer: { text: string; file?: { bytes: Uint8Array; filename: string } } & Version): Promise<Acted> {
  const name = submittableCheck(check);
  const text = answer.text.trim();
  if (!text) throw new AppError('invalid_payload', 'answer: write your answer to our question.', { field: 'answer' });
  // Refused, not cut short: nothing the applicant wrote is lost without their knowing.
  if (text.length > 2000) throw new AppError('invalid_payload', `answer: is too long (${text.length.toLocaleString('en-GB')} characters; at most 2,000): shorten it, or put the rest in a document.`, { field: 'answer' });
  if (answer.file) {
    checkKind('query_answer', name);
    checkBytes(answer.file.bytes);
  }
  const acted = await act(app, who, id, { type: `${name}.submitted`, payload: { note: text }, expectedVersion: answer.expectedVersion });
  if (answer.file) await storeDocument(app, { candidateId: id, kind: 'query_answer', check: name, bytes: answer.file.bytes, filename: answer.file.filename, actor: who });
  return acted;
}

export function chooseInterviewSlot(app: AppContext, who: ApplicantPrincipal, id: string, interviewAt: string, v: Version = {}): Promise<Acted> {
  return act(app, who, id, { type: 'interviewSlotChosen', payload: { interviewAt }, expectedVersion: v.expectedVersion });
}
