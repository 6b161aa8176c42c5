// Applying with a CV attached. The file is checked first, so a bad one refuses the application
// with its code and creates nothing; then the candidate is created (its own transaction, as for
// any application) and the CV stored with its parse job. Should storing the CV fail after that,
// the candidate exists without a CV and the applicant can upload it again on its own.
import type { Actor } from '../../engine/actor.js';
import type { AppContext } from '../../context.js';
import { type CandidateWithJourney, getCandidate } from '../candidates/get.js';
import { createCandidate, type CreateCandidateParams } from '../candidates/create.js';
import { type CvFile, type StoredCv, checkCvFile, uploadCv } from './upload.js';

export async function applyWithCv(app: AppContext, params: CreateCandidateParams, file: CvFile | null, actor: Actor): Promise<CandidateWithJourney & { cv: StoredCv | null }> {
  if (file) checkCvFile(file);
  const created = await createCandidate(app, params, actor);
  const cv = file ? await uploadCv(app, created.id, file, actor) : null;
  return { ...(cv ? await getCandidate(app, created.id) : created), cv };
}
