// Storing an uploaded CV. What the bytes alone can tell is refused here, before anything is
// written (empty, too large, not a PDF); what needs a parser (encrypted, corrupt, image-only) is
// found by the parse job and recorded as the parse result. The parse itself never runs on the
// request path: the upload only stores the file with its SHA-256 and enqueues a cv_parse job in
// the same transaction.
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { candidates, cvDocuments } from '../../../db/schema/index.js';
import { enqueue } from '../../jobs/enqueue.js';
import { MAX_CV_BYTES } from '../../cv/limits.js';
import type { Actor } from '../../engine/actor.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';

export interface CvFile { filename: string; contentType: string; bytes: Uint8Array }
export interface StoredCv { id: string; status: 'pending'; filename: string; sizeBytes: number; sha256: string; uploadedAt: string }

const CV_PARSE_JOB = 'cv_parse';

/** PDF files start with "%PDF-"; readers accept it anywhere in the first 1024 bytes. */
const looksLikePdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** Refuses what the bytes alone show to be wrong: 400 cv_empty, 413 cv_too_large, 415 cv_not_pdf. */
export function checkCvFile(file: CvFile): void {
  if (file.bytes.length === 0) throw new AppError('cv_empty', 'The CV file is empty.', { field: 'file' });
  if (file.bytes.length > MAX_CV_BYTES) {
    throw new AppError('cv_too_large', `The CV must be at most ${MAX_CV_BYTES / 1024 / 1024} MB.`, { field: 'file', maxBytes: MAX_CV_BYTES });
  }
  if (!looksLikePdf(file.bytes)) throw new AppError('cv_not_pdf', 'The CV must be a PDF file.', { field: 'file' });
}

/** Within the caller's transaction: the document row and its parse job. */
async function storeCv(app: AppContext, tx: Tx, candidateId: string, file: CvFile, actor: Actor): Promise<StoredCv> {
  // The latest upload is the one shown and reviewed: upload times are kept strictly increasing
  // per candidate (uploads are serialised by the candidate row lock the caller holds).
  const [last] = await tx.select({ at: cvDocuments.createdAt }).from(cvDocuments)
    .where(eq(cvDocuments.candidateId, candidateId)).orderBy(desc(cvDocuments.createdAt)).limit(1);
  const now = app.clock.now();
  const at = last && last.at >= now ? new Date(last.at.getTime() + 1) : now;
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const filename = file.filename.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'cv.pdf';
  const [doc] = await tx.insert(cvDocuments).values({
    candidateId, filename, contentType: 'application/pdf', sizeBytes: file.bytes.length, sha256,
    content: Buffer.from(file.bytes), status: 'pending', createdAt: at,
  }).returning({ id: cvDocuments.id });
  await enqueue(tx, { kind: CV_PARSE_JOB, key: `${CV_PARSE_JOB}:${doc!.id}`, payload: { documentId: doc!.id, uploadedBy: actor.id }, runAt: at, maxAttempts: 3 });
  return { id: doc!.id, status: 'pending', filename, sizeBytes: file.bytes.length, sha256, uploadedAt: at.toISOString() };
}

export async function uploadCv(app: AppContext, candidateId: string, file: CvFile, actor: Actor): Promise<StoredCv> {
  checkCvFile(file);
  return app.db.transaction(async (tx) => {
    const [candidate] = await tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).for('update');
    if (!candidate) throw notFound('The candidate');
    return storeCv(app, tx, candidateId, file, actor);
  });
}
