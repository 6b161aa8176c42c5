// Composes the HTTP app. No I/O at import: everything it needs arrives in the AppContext.
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { requireBearer } from './auth/bearer.js';
import type { AppContext } from './context.js';
import { AppError, errorForLog, problem } from './errors.js';
import { log } from './log.js';
import { candidateRoutes } from './routes/candidates/index.js';
import { signInLinkRoutes } from './routes/candidates/sign-in-link.js';
import { cvRoutes } from './routes/cv/index.js';
import { pipelineRoutes } from './routes/pipeline/index.js';
import { workflowRoutes } from './routes/workflows/index.js';
import { accessLog, type RequestVars } from './routes/ops/access-log.js';
import { type OpsOptions, opsRoutes } from './routes/ops/index.js';
import { jobRoutes } from './routes/jobs/index.js';
import { mailboxRoutes } from './routes/mailbox/index.js';
import { referenceRoutes } from './routes/references/index.js';
import { feedRoutes } from './routes/feeds/index.js';
import { tokenRoutes } from './routes/tokens/index.js';
import { userRoutes } from './routes/users/index.js';
import { applyRoutes } from './routes/apply/index.js';
import { accountPages } from './routes/pages/account.js';
import { authPages } from './routes/pages/auth.js';
import { portalRoutes } from './routes/portal/index.js';
import { privacyRoutes } from './routes/privacy/index.js';
import { apiDocs } from './routes/docs/index.js';
import { idempotency } from './routes/idempotency.js';
import { webhookRoutes } from './routes/webhooks/index.js';
import { importRoutes } from './routes/imports/index.js';
import { staffPages } from './routes/staff/index.js';
import { membershipRoutes } from './routes/compliance/api.js';
import { compliancePages } from './routes/compliance/pages.js';
import { memberPortalRoutes } from './routes/compliance/portal.js';
import { appCss, staffCss } from './ui/assets.js';
import { Message } from './ui/layout.js';

const titles: Record<number, string> = {
  400: 'Please check what you sent', 401: 'Please sign in', 403: 'You cannot do that', 404: 'Page not found',
  409: 'That changed meanwhile', 410: 'No longer available', 413: 'Too large', 415: 'Not accepted', 422: 'Not possible now',
  429: 'Too many requests', 500: 'Something went wrong', 503: 'Temporarily unavailable',
};

/** Database outages surface as 503 (retry later), never as a 500 with a stack trace. */
function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03', 'ETIMEDOUT'].includes(code ?? '');
}

/** Paths for machines (monitoring, API clients): errors as problem+json, never as a page. */
const forMachines = (path: string) => path.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(path);

export function createApp(app: AppContext, ops: OpsOptions) {
  const http = new OpenAPIHono<RequestVars>();
  http.use('*', accessLog(ops.metrics));
  // A strict Content-Security-Policy: everything from this server only, no inline scripts or
  // styles, no framing; HSTS when served over TLS; Referer only to ourselves (links carry one-time
  // tokens; 'no-referrer' would make browsers send Origin: null on our own form posts).
  http.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
      connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"],
    },
    strictTransportSecurity: app.settings.publicUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  }));

  // Every page and API reply may carry personal data (a name, a status, a link to one): none may be
  // kept by a browser or a shared cache. Only the stylesheet says otherwise.
  http.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  });

  http.onError((err, c) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (isDatabaseUnavailable(err)) {
      appErr = new AppError('service_unavailable', 'The database is unavailable; try again shortly.');
      c.header('Retry-After', '2');
    } else {
      const id = crypto.randomUUID();
      // Ids only: the route's pattern, not the path (it may hold a one-time token), and the
      // error's class and stack, not its message (it may quote what was sent).
      log.error('unhandled error', { errorId: id, requestId: c.get('requestId'), method: c.req.method, route: c.req.routePath, error: errorForLog(err) });
      appErr = new AppError('internal_error', `Something went wrong on our side (error id ${id}).`, { errorId: id });
    }
    // People using the pages get a page; API clients get problem+json.
    if (!forMachines(c.req.path)) {
      return c.html(<Message title={titles[appErr.status] ?? 'Something went wrong'} body={appErr.message} status="error" />, appErr.status);
    }
    return c.json(problem(appErr), appErr.status, { 'Content-Type': 'application/problem+json' });
  });
  http.notFound((c) => (c.req.path.startsWith('/api/')
    ? c.json(problem(new AppError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`)), 404, { 'Content-Type': 'application/problem+json' })
    : c.html(<Message title="Page not found" body="Check the address, or start again from the home page." status="error" />, 404)));

  http.route('/', opsRoutes(app, ops));

  apiDocs(http, app); // open without a token: mounted before the /api routes
  const api = new OpenAPIHono();
  api.use('*', requireBearer(app), idempotency(app));
  api.route('/candidates', cvRoutes(app)); // before the candidate routes: multipart applications
  api.route('/candidates', candidateRoutes(app));
  api.route('/candidates', privacyRoutes(app));
  api.route('/candidates', signInLinkRoutes(app));
  api.route('/pipeline', pipelineRoutes(app));
  api.route('/workflows', workflowRoutes(app));
  api.route('/mailbox', mailboxRoutes(app));
  api.route('/jobs', jobRoutes(app));
  api.route('/users', userRoutes(app));
  api.route('/tokens', tokenRoutes(app));
  api.route('/webhooks', webhookRoutes(app));
  api.route('/imports', importRoutes(app));
  api.route('/', membershipRoutes(app));
  http.route('/api', api);
  http.route('/references', referenceRoutes(app));
  http.route('/feeds', feedRoutes(app)); // calendar feeds: token in the URL, no session
  http.route('/portal/compliance', memberPortalRoutes(app)); // before /portal: its own pages
  http.route('/portal', portalRoutes(app));
  http.route('/apply', applyRoutes(app));
  http.get('/assets/app.css', (c) => c.body(appCss + staffCss, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  http.route('/', authPages(app));
  http.route('/', accountPages(app));
  http.route('/', staffPages(app));
  http.route('/compliance', compliancePages(app));
  return http;
}
