// cv_parse jobs: leased (claimed, then run with no transaction open), because a parse is slow.
// The lease outlasts the parse's own time cap with room for a queue of parses ahead of it, so an
// expired lease means the worker died, and the job is safely run again.
import { type CvParseLimits, defaultCvParseLimits } from '../cv/limits.js';
import { parseStoredCv } from '../services/cv/parse.js';
import type { LeasedHandler } from './types.js';

export function cvParseHandler(limits: CvParseLimits = defaultCvParseLimits): LeasedHandler {
  return {
    mode: 'lease',
    leaseMs: limits.timeoutMs * 4 + 60_000,
    run: async (app, job) => ((await parseStoredCv(app, (job.payload as { documentId: string }).documentId, limits)) === 'stored' ? 'done' : 'dropped'),
  };
}
