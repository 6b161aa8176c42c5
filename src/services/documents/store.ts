// Documents an applicant (or staff for them) upload as evidence for one check. Reusable by any
// caller that has the bytes: `storeDocument({candidateId, kind, check, bytes, filename, actor})`.
// The type is sniffed from the bytes (PDF, JPEG, PNG), the size capped, a DBS certificate refused
// with its reason. Reading one back is for staff who may read the candidate (their programme
// scope) and for the applicant whose application it is; anyone else gets 404, so ids cannot be
// probed. Erasure deletes them (src/services/privacy/erase.ts).
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { documents } from '../../../db/schema/index.js';
import { checkNames, type CheckName } from '../../../workflows/types.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { type ApplicantPrincipal, type StaffPrincipal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { audit } from '../audit/record.js';
import { type CandidateWithJourneyRow, candidateRow } from '../candidates/read.js';
import { documentKinds, isDocumentKind, kindLabel, refusedKinds } from './kinds.js';
import { type DocumentType, sniffDocumentType } from './sniff.js';

/** 10 MB: a phone photo of a passport is 2–5 MB; a scanned PDF of a few pages fits. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentActor = StaffPrincipal | ApplicantPrincipal;

export interface StoredDocument {
  id: string;
  candidateId: string;
  check: CheckName;
  kind: string;
  kindLabel: string;
  filename: string;
  contentType: DocumentType;
  sizeBytes: number;
  uploadedBy: 'applicant' | 'staff';
  createdAt: string;
}

/** The application, when `who` may see it: staff by their scope, an applicant by their address. */
async function candidateFor(app: AppContext, who: DocumentActor, candidateId: string, action: 'candidates.read' | 'journey.act', tx?: DbOrTx): Promise<CandidateWithJourneyRow> {
  if (who.kind === 'staff') return authorizedCandidate(app, who, action, candidateId, undefined, tx);
  const row = await candidateRow(app, candidateId, undefined, tx);
  if (!row || row.candidate.erasedAt || row.candidate.email.toLowerCase() !== who.email) throw notFound('Your application');
  // An applicant adds documents only while the application is open; they may still read them after.
  if (action === 'journey.act' && row.journey.status !== 'in_progress') throw new AppError('journey_finished', 'This application has finished: it takes no more documents.');
  return row;
}

const cleanName = (filename: string) => (filename.split(/[\\/]/).pop() ?? '').trim().slice(0, 200) || 'document';

/** The checks a kind, named by a form, may be stored against; refusals in plain words. */
export function checkKind(kind: string, check: string): { kind: keyof typeof documentKinds; check: CheckName } {
  if (Object.hasOwn(refusedKinds, kind) || (check === 'dbs' && kind !== 'query_answer')) {
    throw new AppError('document_kind_refused', refusedKinds.dbs_certificate!, { field: 'kind', rule: 'dbs.noCopies' });
  }
  if (!(checkNames as readonly string[]).includes(check)) throw new AppError('invalid_payload', 'check: choose which check this document is for.', { field: 'check' });
  if (!isDocumentKind(kind)) throw new AppError('invalid_payload', 'kind: choose what the document is.', { field: 'kind' });
  if (!(documentKinds[kind].checks as readonly string[]).includes(check)) {
    throw new AppError('invalid_payload', `kind: a ${kindLabel(kind).toLowerCase()} is not evidence for this check.`, { field: 'kind' });
  }
  return { kind, check: check as CheckName };
}

/** Sniffed and capped; the bytes' own type, or a refusal that says what is accepted. */
export function checkBytes(bytes: Uint8Array): DocumentType {
  if (bytes.length === 0) throw new AppError('document_empty', 'The file is empty: choose the document again.', { field: 'file' });
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('document_too_large', `The file must be smaller than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: take a smaller photo or scan fewer pages.`, { field: 'file', maxBytes: MAX_DOCUMENT_BYTES });
  }
  const type = sniffDocumentType(bytes);
  if (!type) throw new AppError('document_type_not_allowed', 'The file must be a PDF, JPEG or PNG.', { field: 'file' });
  return type;
}

export interface StoreRequest {
  candidateId: string;
  kind: string;
  check: string;
  bytes: Uint8Array;
  filename: string;
  actor: DocumentActor;
}

export async function storeDocument(app: AppContext, req: StoreRequest, tx?: DbOrTx): Promise<StoredDocument> {
  const { kind, check } = checkKind(req.kind, req.check);
  const contentType = checkBytes(req.bytes);
  await candidateFor(app, req.actor, req.candidateId, 'journey.act', tx);
  const now = app.clock.now();
  const actor = actorOf(req.actor, req.candidateId);
  const db = tx ?? app.db;
  const [row] = await db.insert(documents).values({
    candidateId: req.candidateId, check, kind, filename: cleanName(req.filename), contentType,
    sizeBytes: req.bytes.length, sha256: createHash('sha256').update(req.bytes).digest('hex'), content: Buffer.from(req.bytes),
    uploadedByType: actor.type, uploadedById: actor.type === 'user' ? actor.id : null, createdAt: now,
  }).returning();
  await audit(db, { kind: 'document_uploaded', actorType: actor.type, actorId: actor.id, subjectId: req.candidateId, detail: { document: row!.id, check, kind }, at: now });
  return viewOf(row!);
}

function viewOf(r: typeof documents.$inferSelect): StoredDocument {
  return {
    id: r.id, candidateId: r.candidateId, check: r.check as CheckName, kind: r.kind, kindLabel: kindLabel(r.kind), filename: r.filename,
    contentType: r.contentType as DocumentType, sizeBytes: r.sizeBytes, uploadedBy: r.uploadedByType === 'applicant' ? 'applicant' : 'staff', createdAt: r.createdAt.toISOString(),
  };
}

const listColumns = {
  id: documents.id, candidateId: documents.candidateId, check: documents.check, kind: documents.kind, filename: documents.filename, contentType: documents.contentType,
  sizeBytes: documents.sizeBytes, uploadedByType: documents.uploadedByType, createdAt: documents.createdAt,
};

/** The candidate's documents (without their bytes), oldest first, for whoever may see the candidate. */
export async function listDocuments(app: AppContext, who: DocumentActor, candidateId: string): Promise<StoredDocument[]> {
  await candidateFor(app, who, candidateId, 'candidates.read');
  const rows = await app.db.select(listColumns).from(documents).where(eq(documents.candidateId, candidateId)).orderBy(asc(documents.createdAt));
  return rows.map((r) => viewOf({ ...r, sha256: '', content: Buffer.alloc(0), uploadedById: null }));
}

/** One document's bytes; staff reads are recorded in the audit log. */
export async function fetchDocument(app: AppContext, who: DocumentActor, candidateId: string, documentId: string): Promise<StoredDocument & { bytes: Buffer }> {
  await candidateFor(app, who, candidateId, 'candidates.read');
  const [row] = await app.db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.candidateId, candidateId)));
  if (!row) throw notFound('The document');
  if (who.kind === 'staff') {
    const actor = actorOf(who);
    await audit(app.db, { kind: 'document_viewed', actorType: actor.type, actorId: actor.id, subjectId: candidateId, detail: { document: row.id }, at: app.clock.now() });
  }
  return { ...viewOf(row), bytes: row.content };
}
