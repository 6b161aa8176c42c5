// Composes the HTTP app. No I/O at import: everything it needs arrives in the AppContext.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'drizzle-orm';
import { requireBearer } from './auth/bearer.js';
import type { AppContext } from './engine/context.js';
import { AppError, problem } from './errors.js';
import { log } from './log.js';
import { candidateRoutes } from './routes/candidates/index.js';
import { cvRoutes } from './routes/cv/index.js';
import { pipelineRoutes } from './routes/pipeline/index.js';
import { workflowRoutes } from './routes/workflows/index.js';
import { jobRoutes } from './routes/jobs/index.js';
import { mailboxRoutes } from './routes/mailbox/index.js';
import { referenceRoutes } from './routes/references/index.js';

/** Database outages surface as 503 (retry later), never as a 500 with a stack trace. */
function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03', 'ETIMEDOUT'].includes(code ?? '');
}

export function createApp(app: AppContext) {
  const http = new Hono();
  http.use('*', secureHeaders());

  http.onError((err, c) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (isDatabaseUnavailable(err)) {
      appErr = new AppError(503, 'service_unavailable', 'The database is unavailable; try again shortly.');
      c.header('Retry-After', '2');
    } else {
      const id = crypto.randomUUID();
      log.error('unhandled error', { errorId: id, path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
      appErr = new AppError(500, 'internal_error', `Something went wrong on our side (error id ${id}).`, { errorId: id });
    }
    return c.json(problem(appErr), appErr.status, { 'Content-Type': 'application/problem+json' });
  });
  http.notFound((c) => c.json(problem(new AppError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`)), 404, { 'Content-Type': 'application/problem+json' }));

  http.get('/healthz', async (c) => {
    try {
      await app.db.execute(sql`select 1`);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json(problem(new AppError(503, 'service_unavailable', 'The database is not answering.')), 503, { 'Content-Type': 'application/problem+json' });
    }
  });

  const api = new Hono();
  api.use('*', requireBearer(app));
  api.route('/candidates', cvRoutes(app)); // before the candidate routes: multipart applications
  api.route('/candidates', candidateRoutes(app));
  api.route('/pipeline', pipelineRoutes(app));
  api.route('/workflows', workflowRoutes(app));
  api.route('/mailbox', mailboxRoutes(app));
  api.route('/jobs', jobRoutes(app));
  http.route('/api', api);
  http.route('/references', referenceRoutes(app));
  return http;
}
