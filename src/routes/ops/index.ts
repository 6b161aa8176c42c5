// For the machines that run Intake: liveness, readiness and Prometheus metrics. /healthz and
// /readyz need no token (they show no data); /metrics needs METRICS_TOKEN or an admin's token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { authorize } from '../../auth/authorize.js';
import { findToken } from '../../auth/lookup.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Metrics } from '../../services/ops/metrics.js';
import { readiness } from '../../services/ops/readiness.js';

export interface OpsOptions {
  metrics: Metrics;
  /** METRICS_TOKEN: a scraper's own credential, so it need not hold an admin's token. */
  metricsToken: string | undefined;
  /** A worker heartbeat older than this fails readiness. */
  heartbeatStaleMs: number;
  /** True once the process is shutting down: it answers what it has, but is not ready for more. */
  draining(): boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

async function allowMetrics(app: AppContext, expected: string | undefined, header: string | undefined): Promise<void> {
  const token = /^Bearer\s+(\S{1,512})$/i.exec(header ?? '')?.[1];
  if (token && expected && timingSafeEqual(digest(token), digest(expected))) return;
  const owner = token ? await findToken(app.keyedDb, token, app.clock.now()) : null;
  if (!owner) throw new AppError('unauthorized', 'Metrics need METRICS_TOKEN or an admin API token (Authorization: Bearer <token>).');
  await authorize(app, { kind: 'staff', role: owner.role, userId: owner.userId, tokenId: owner.tokenId, via: 'token' }, 'metrics.read');
}

export function opsRoutes(app: AppContext, ops: OpsOptions) {
  const r = new Hono();
  // Alive: the process answers. It does not ask the database, so an outage does not get every
  // process restarted; /readyz says whether to send it traffic.
  r.get('/healthz', (c) => c.json({ status: 'ok' }));
  r.get('/readyz', async (c) => {
    const state = await readiness(app.db, { heartbeatStaleMs: ops.heartbeatStaleMs, draining: ops.draining() });
    if (state.ready) return c.json({ status: 'ready', checks: state.checks });
    c.header('Retry-After', '5');
    throw new AppError('service_unavailable', `Not ready: ${state.problems.join('; ')}.`, { checks: state.checks });
  });
  r.get('/metrics', async (c) => {
    await allowMetrics(app, ops.metricsToken, c.req.header('authorization'));
    const { contentType, body } = await ops.metrics.render();
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
  return r;
}
