// What GET /api/candidates/:id/cv shows: the latest CV's status and parsed fields (each value in
// the ground-truth shape with its confidence and source), beside the candidate's record, with
// the recruiter's decisions so far, possible duplicates, and what the employment gaps mean for
// the references check.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { candidates, cvDocuments } from '../../../db/schema/index.js';
import { type ReferencesNeed, referencesNeed } from '../../cv/fields/gaps.js';
import { CV_PAGE_CAP } from '../../cv/limits.js';
import type { CvFields, CvStatus, EmploymentEntry, Gap, Registration } from '../../cv/types.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { type Duplicate, findDuplicates } from './duplicates.js';

export type CvDocumentRow = typeof cvDocuments.$inferSelect;
export interface ReviewedField { decision: 'accepted' | 'corrected'; value: unknown; by: string | null; at: string }
export type Reviewed = Record<string, ReviewedField>;

export interface CvView {
  id: string; candidateId: string; filename: string; sizeBytes: number; sha256: string;
  uploadedAt: string; parsedAt: string | null;
  status: CvStatus; error?: { code: string; detail: string };
  pages: number | null; truncated: boolean; notes: string[];
  fields: Partial<CvFields>;
  reviewed: Reviewed;
  candidate: { fullName: string; email: string; phone: string | null; postcode: string | null; profession: string };
  duplicates: Duplicate[];
  references: ReferencesNeed | null;
}

export async function latestCv(db: DbOrTx, candidateId: string): Promise<CvDocumentRow | null> {
  const [doc] = await db.select().from(cvDocuments).where(eq(cvDocuments.candidateId, candidateId))
    .orderBy(desc(cvDocuments.createdAt), desc(cvDocuments.id)).limit(1);
  return doc ?? null;
}

/** The value the recruiter settled on, else the parsed one. */
function effectiveValue(doc: CvDocumentRow, name: string): unknown {
  const reviewed = (doc.reviewed ?? {}) as Reviewed;
  if (reviewed[name]) return reviewed[name]!.value;
  return ((doc.fields ?? {}) as Partial<Record<string, { value: unknown }>>)[name]?.value ?? null;
}

export async function getCvView(app: AppContext, candidateId: string): Promise<CvView> {
  const [candidate] = await app.db.select().from(candidates).where(eq(candidates.id, candidateId));
  if (!candidate) throw notFound('The candidate');
  const doc = await latestCv(app.db, candidateId);
  if (!doc) throw notFound('A CV for this candidate');
  const fields = (doc.fields ?? {}) as Partial<CvFields>;
  const str = (v: unknown) => (typeof v === 'string' && v ? [v] : []);
  const regs = (effectiveValue(doc, 'registrations') ?? []) as Registration[];
  const duplicates = doc.status === 'pending' ? [] : await findDuplicates(app.db, {
    candidateId,
    emails: str(effectiveValue(doc, 'email')),
    phones: str(effectiveValue(doc, 'phone')),
    registrationNumbers: Array.isArray(regs) ? regs.map((r) => r.number).filter(Boolean) : [],
  });
  const employment = effectiveValue(doc, 'employment') as EmploymentEntry[] | null;
  const gaps = effectiveValue(doc, 'gapsOverThreeMonths') as Gap[] | null;
  const notes: string[] = [];
  if (doc.truncated && doc.pages) notes.push(`Only the first ${Math.min(CV_PAGE_CAP, doc.pages)} of ${doc.pages} pages were read (page cap).`);
  return {
    id: doc.id, candidateId, filename: doc.filename, sizeBytes: doc.sizeBytes, sha256: doc.sha256,
    uploadedAt: doc.createdAt.toISOString(), parsedAt: doc.parsedAt?.toISOString() ?? null,
    status: doc.status as CvStatus,
    ...(doc.errorCode ? { error: { code: doc.errorCode, detail: doc.errorDetail ?? '' } } : {}),
    pages: doc.pages, truncated: doc.truncated, notes,
    fields,
    reviewed: (doc.reviewed ?? {}) as Reviewed,
    candidate: { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone, postcode: candidate.postcode, profession: candidate.profession },
    duplicates,
    references: Array.isArray(employment) && employment.length ? referencesNeed(employment, Array.isArray(gaps) ? gaps : [], doc.parsedAt ?? app.clock.now()) : null,
  };
}
