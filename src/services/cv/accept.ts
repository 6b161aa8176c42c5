// The recruiter's review of the prefill: each field is accepted as parsed (`true`) or corrected
// (a value of the field's shape). Decisions are recorded on the CV with who and when; the ones
// the candidate record has a column for (name, email, phone, postcode) update the candidate.
// Profession stays as applied for — it decides the journey — and is only recorded here.
import { eq } from 'drizzle-orm';
import { candidates, cvDocuments } from '../../../db/schema/index.js';
import { employmentGaps } from '../../cv/fields/gaps.js';
import type { EmploymentEntry } from '../../cv/types.js';
import type { Actor } from '../../engine/actor.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { AcceptBody, CorrectableField } from './schemas.js';
import { type CvView, getCvView, latestCv, type Reviewed } from './view.js';

const onCandidate = ['fullName', 'email', 'phone', 'postcode'] as const;

export async function reviewCvFields(app: AppContext, candidateId: string, body: AcceptBody, actor: Actor): Promise<CvView> {
  await app.db.transaction(async (tx) => {
    const [candidate] = await tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).for('update');
    if (!candidate) throw notFound('The candidate');
    const doc = await latestCv(tx, candidateId);
    if (!doc) throw notFound('A CV for this candidate');
    if (body.documentId && body.documentId !== doc.id) {
      throw new AppError('version_conflict', 'A newer CV has been uploaded since: review that one.', { documentId: doc.id });
    }
    const at = app.clock.now();
    const parsed = (doc.fields ?? {}) as Partial<Record<CorrectableField, { value: unknown }>>;
    const reviewed: Reviewed = { ...((doc.reviewed ?? {}) as Reviewed) };
    const decided = Object.entries(body.fields).filter(([, v]) => v !== undefined) as [CorrectableField, unknown][];
    for (const [name, given] of decided) {
      if (given === true) {
        const value = parsed[name]?.value;
        if (doc.status !== 'parsed' || value === undefined || value === null) {
          throw new AppError('invalid_payload', `fields.${name}: the CV has no parsed value to accept; send the corrected value instead.`, { field: `fields.${name}` });
        }
        reviewed[name] = { decision: 'accepted', value, by: actor.id, at: at.toISOString() };
      } else {
        reviewed[name] = { decision: 'corrected', value: given, by: actor.id, at: at.toISOString() };
      }
    }
    // Gaps follow from the employment history: a corrected history recomputes them unless the
    // recruiter settled them in the same request.
    if (body.fields.employment !== undefined && body.fields.gapsOverThreeMonths === undefined) {
      const employment = reviewed.employment!.value as EmploymentEntry[];
      reviewed.gapsOverThreeMonths = { decision: 'corrected', value: employmentGaps(employment, doc.parsedAt ?? at), by: actor.id, at: at.toISOString() };
    }
    await tx.update(cvDocuments).set({ reviewed }).where(eq(cvDocuments.id, doc.id));

    const changes: { fullName?: string; email?: string; phone?: string | null; postcode?: string | null } = {};
    for (const name of onCandidate) {
      if (body.fields[name] === undefined) continue;
      const value = reviewed[name]!.value as string | null;
      if (name === 'fullName' || name === 'email') { if (value) changes[name] = value; } else changes[name] = value;
    }
    if (Object.keys(changes).length) await tx.update(candidates).set({ ...changes, updatedAt: at }).where(eq(candidates.id, candidateId));
  });
  return getCvView(app, candidateId);
}
