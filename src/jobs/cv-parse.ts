// cv_parse jobs: leased (claimed, then run with no transaction open), because a parse is slow.
// The lease outlasts the parse's own time cap with room for a queue of parses ahead of it, so an
// expired lease means the worker died, and the job is safely run again. A job whose attempts all
// ended with the worker gone is dead-lettered at its next claim (worker.ts); its CV is then
// marked failed, so the recruiter sees why instead of a parse that never ends.
import { and, eq } from 'drizzle-orm';
import { cvDocuments } from '../../db/schema/index.js';
import { type CvParseLimits, defaultCvParseLimits } from '../cv/limits.js';
import { parseStoredCv } from '../services/cv/parse.js';
import type { LeasedHandler } from './types.js';

const documentOf = (payload: unknown) => (payload as { documentId: string }).documentId;

export function cvParseHandler(limits: CvParseLimits = defaultCvParseLimits): LeasedHandler {
  return {
    mode: 'lease',
    leaseMs: limits.timeoutMs * 4 + 60_000,
    run: async (app, job) => ((await parseStoredCv(app, documentOf(job.payload), limits)) === 'stored' ? 'done' : 'dropped'),
    async onDead(app, tx, job) {
      await tx.update(cvDocuments).set({
        status: 'failed', errorCode: 'cv_too_complex', parsedAt: app.clock.now(),
        errorDetail: `Reading this PDF stopped the parser ${job.attempts} times, so it was not tried again: ask the applicant for another copy (saved or printed to PDF again) or enter the details by hand.`,
      }).where(and(eq(cvDocuments.id, documentOf(job.payload)), eq(cvDocuments.status, 'pending')));
    },
  };
}
