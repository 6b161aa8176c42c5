import type { Profession, Programme } from '../../../workflows/index.js';
import type { Tx } from '../../../db/client.js';
import { candidates } from '../../../db/schema/index.js';
import type { Actor } from '../../engine/actor.js';
import type { AppContext } from '../../context.js';
import { startJourney } from '../../engine/start.js';
import { getCandidate, type CandidateWithJourney } from './get.js';

export interface CreateCandidateParams {
  programme: Programme;
  profession: Profession;
  fullName: string;
  email: string;
  phone?: string | undefined;
  postcode?: string | undefined;
  registrationNumber?: string | undefined;
}

/** The candidate and the first state of their journey, inside the caller's transaction. */
export async function insertCandidate(app: AppContext, tx: Tx, params: CreateCandidateParams, actor: Actor, at: Date): Promise<string> {
  const [candidate] = await tx.insert(candidates).values({
    fullName: params.fullName, email: params.email, phone: params.phone ?? null, postcode: params.postcode ?? null, registrationNumber: params.registrationNumber ?? null,
    profession: params.profession, createdAt: at, updatedAt: at,
  }).returning({ id: candidates.id });
  await startJourney(app, tx, { candidateId: candidate!.id, programme: params.programme, profession: params.profession, at, actor });
  return candidate!.id;
}

/** The application itself: the candidate and the first state of their journey, in one transaction. */
export async function createCandidate(app: AppContext, params: CreateCandidateParams, actor: Actor): Promise<CandidateWithJourney> {
  const at = app.clock.now();
  const id = await app.db.transaction((tx) => insertCandidate(app, tx, params, actor, at));
  return getCandidate(app, id);
}
