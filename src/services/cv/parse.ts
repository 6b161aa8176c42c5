// The work of a cv_parse job. It runs as a leased job (src/jobs/types.ts): no transaction is
// open while the PDF is parsed — a parse can take seconds, and PGlite has one connection that
// every request needs — so it reads the file in one short statement, parses in a child process
// (src/cv/run.ts: time cap, heap cap, page cap), and stores the outcome in a second short
// statement. That write only applies to a document still pending, so a job re-run after a lost
// lease, or two workers racing, store one result.
import { and, eq } from 'drizzle-orm';
import { cvDocuments } from '../../../db/schema/index.js';
import type { CvParseLimits } from '../../cv/limits.js';
import { parseInWorker } from '../../cv/run.js';
import type { AppContext } from '../../context.js';

/** 'stored': the outcome is on the document; 'skipped': the document is gone or was parsed already. */
export async function parseStoredCv(app: AppContext, documentId: string, limits: CvParseLimits): Promise<'stored' | 'skipped'> {
  const [doc] = await app.db.select({ status: cvDocuments.status, content: cvDocuments.content })
    .from(cvDocuments).where(eq(cvDocuments.id, documentId));
  if (!doc || doc.status !== 'pending') return 'skipped'; // deleted, or parsed by an earlier run
  const outcome = await parseInWorker(doc.content, limits, app.clock.now());
  const parsedAt = app.clock.now();
  await app.db.update(cvDocuments).set(outcome.status === 'failed'
    ? { status: 'failed', errorCode: outcome.error.code, errorDetail: outcome.error.detail, pages: outcome.pages, parsedAt }
    : {
      status: outcome.status, errorCode: outcome.error?.code ?? null, errorDetail: outcome.error?.detail ?? null,
      pages: outcome.pages, truncated: outcome.truncated, fields: outcome.fields, parsedAt,
    }).where(and(eq(cvDocuments.id, documentId), eq(cvDocuments.status, 'pending')));
  return 'stored';
}
