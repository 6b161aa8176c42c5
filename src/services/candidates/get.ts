// A candidate with their current journey, as the API and the pages show it.
import type { AnyMachineSnapshot } from 'xstate';
import type { AppContext } from '../../context.js';
import type { JourneyRow } from '../../engine/rows.js';
import { type JourneyView, journeyView } from '../../engine/view.js';
import { notFound } from '../../errors.js';
import { type CandidateRow, readCandidateWithJourney } from './read.js';

export interface CandidateWithJourney {
  id: string; fullName: string; email: string;
  /** A sign-in link sent to `email` has been used since the application was made: the applicant holds the address. */
  emailConfirmed: boolean;
  phone: string | null; postcode: string | null; profession: string;
  registrationNumber: string | null; programme: string; createdAt: string; updatedAt: string; journey: JourneyView;
}

export function candidateWithJourney(app: AppContext, c: CandidateRow, j: JourneyRow, snapshot?: AnyMachineSnapshot): CandidateWithJourney {
  return {
    id: c.id, fullName: c.fullName, email: c.email, emailConfirmed: c.emailConfirmedAt !== null, phone: c.phone, postcode: c.postcode, profession: c.profession,
    registrationNumber: c.registrationNumber, programme: j.programme, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
    journey: journeyView(app, j, snapshot),
  };
}

/** A candidate with their current journey (the latest one, e.g. HCSWD after a redirect). */
export async function getCandidate(app: AppContext, id: string): Promise<CandidateWithJourney> {
  const found = await readCandidateWithJourney(app, id);
  if (!found) throw notFound('The candidate');
  return candidateWithJourney(app, found.candidate, found.journey);
}
