// The CV itself, for a member of staff whose role covers the candidate's programme: the latest
// PDF as uploaded. Every viewing is audited (ids only).
import { authorizeCandidate } from '../../auth/authorize.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import type { CandidateRead } from '../candidates/read.js';
import { audit } from '../audit/record.js';
import { latestCv } from './view.js';

export async function cvFile(app: AppContext, staff: StaffPrincipal, candidateId: string, read?: CandidateRead) {
  await authorizeCandidate(app, staff, 'cv.review', candidateId, read);
  const doc = await latestCv(app.db, candidateId);
  if (!doc) throw notFound('A CV for this candidate');
  await audit(app.db, { kind: 'cv_viewed', actorType: staff.via, actorId: staff.userId ?? staff.tokenId, subjectId: candidateId, detail: { documentId: doc.id }, at: app.clock.now() });
  return { filename: doc.filename, contentType: doc.contentType, bytes: doc.content };
}
