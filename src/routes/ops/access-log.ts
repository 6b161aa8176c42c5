// Every request: a request id (the caller's X-Request-Id when it is a plain token, e.g. from the
// reverse proxy, else a new one), sent back in X-Request-Id; one access log line when it is
// answered; its count and latency in the metrics. Both name the route pattern that matched
// (`/references/:token`), never the path or query string, which carry tokens and search terms;
// and the caller by id only.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type Principal, actorOf } from '../../auth/principal.js';
import { log } from '../../log.js';
import type { Metrics } from '../../services/ops/metrics.js';

const PLAIN_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The route the request was for: the one that answered, or, when a middleware answered (401 from
 * the bearer check), the first route after it. A path no route matches is `unmatched`, so
 * scanners cannot add a label per path.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  return routes.slice(c.req.routeIndex).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
}

export type RequestVars = { Variables: { requestId: string; principal?: Principal } };

export function accessLog(metrics: Metrics): MiddlewareHandler<RequestVars> {
  return async (c, next) => {
    const started = performance.now();
    const offered = c.req.header('x-request-id');
    const requestId = offered && PLAIN_ID.test(offered) ? offered : crypto.randomUUID();
    c.set('requestId', requestId);
    metrics.inFlight.inc();
    try {
      await next();
    } finally {
      metrics.inFlight.dec();
    }
    c.res.headers.set('X-Request-Id', requestId);
    const route = routeOf(c);
    const ms = performance.now() - started;
    metrics.request(c.req.method, route, c.res.status, ms / 1000);
    const principal = c.get('principal');
    const actor = principal ? actorOf(principal) : null;
    log.info('request', {
      requestId, method: c.req.method, route, status: c.res.status, ms: Math.round(ms * 10) / 10,
      ...(actor ? { actorType: actor.type, actorId: actor.id } : {}),
    });
  };
}
