// Prometheus /metrics: only for METRICS_TOKEN or an admin's token; requests and latency labelled
// by route pattern (never a path with an id in it), events by type, and the queue read from the
// database: depth by kind and failing jobs. In process, on PGlite or TEST_DATABASE_URL's server.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import type { StaffPrincipal } from '../../src/auth/principal.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { TOKEN, type TestIntake, applicant, startTestIntake } from '../support/intake.js';

const METRICS_TOKEN = 'metrics-scraper-token-0123456789';
let t: TestIntake;
let recruiterToken: string;

beforeAll(async () => {
  t = await startTestIntake({ env: { METRICS_TOKEN } });
  const { user } = await createUser(t.intake.app.db, { email: 'metrics.recruiter@example.nhs.uk', name: 'A recruiter', role: 'recruiter', password: 'correct horse battery staple' }, null, t.clock.now());
  const principal: StaffPrincipal = { kind: 'staff', role: 'recruiter', userId: user.id, tokenId: null, via: 'token' };
  recruiterToken = (await createPersonalToken(t.intake.app.db, principal, 'metrics', t.clock.now())).token;
});
afterAll(async () => { await t?.close(); });

const scrape = (token = METRICS_TOKEN) => t.get<string>('/metrics', { authorization: `Bearer ${token}` });
/** The value of one series, e.g. `intake_queue_depth{kind="email"}`. */
const value = (body: string, series: string) => {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('answers METRICS_TOKEN and admins, 401 to anyone else, 403 to other staff', async () => {
    expect((await t.get('/metrics', { authorization: '' })).status).toBe(401);
    expect((await scrape('not-the-metrics-token-0123456789')).status).toBe(401);
    const refused = await scrape(recruiterToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    for (const token of [METRICS_TOKEN, TOKEN]) {
      const res = await scrape(token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.body).toContain('# TYPE intake_http_requests_total counter');
    }
  });

  it('counts requests and latency by route pattern and events by type, never by id', async () => {
    const created = await t.post('/api/candidates', applicant());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await t.get(`/api/candidates/${id}`)).status).toBe(200);
    const next = created.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    expect((await t.post(`/api/candidates/${id}/events`, { type: next.type, ...next.example })).status).toBe(200);
    expect((await t.get(`/api/nothing-here/${id}`)).status).toBe(404);

    const { body } = await scrape();
    expect(value(body, 'intake_http_requests_total{method="POST",route="/api/candidates",status="201"}')).toBe(1);
    expect(value(body, 'intake_http_requests_total{method="GET",route="/api/candidates/:id",status="200"}')).toBe(1);
    expect(value(body, 'intake_http_request_duration_seconds_count{method="POST",route="/api/candidates/:id/events"}')).toBe(1);
    expect(value(body, 'intake_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(value(body, `intake_events_total{type="${next.type}"}`)).toBe(1);
    expect(value(body, 'intake_http_requests_in_flight')).toBe(1); // this scrape
    expect(body).not.toContain(id);
  });

  it('reads the queue from the database: due jobs by kind and failing jobs', async () => {
    const db = t.intake.app.db;
    for (let i = 0; i < 3; i++) expect((await t.post('/api/candidates', applicant())).status).toBe(201);
    // No worker runs here: the applicants' emails wait, due now.
    const waiting = await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.kind, 'email'), eq(jobs.status, 'pending')));
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    let body = (await scrape()).body;
    expect(value(body, 'intake_queue_depth{kind="email"}')).toBe(waiting.length);
    expect(value(body, 'intake_jobs{kind="email",status="pending"}')).toBe(waiting.length);
    expect(value(body, 'intake_queue_depth{kind="cv_parse"}')).toBe(0);
    expect(value(body, 'intake_workers')).toBe(0);
    expect(value(body, 'intake_database_up')).toBe(1);

    // One send failed and waits for its retry; another failed for good.
    await db.update(jobs).set({ lastError: 'provider said 503', runAt: new Date(t.clock.now().getTime() + 60_000) }).where(eq(jobs.id, waiting[0]!.id));
    await db.update(jobs).set({ status: 'dead', lastError: 'provider refused the message' }).where(eq(jobs.id, waiting[1]!.id));
    body = (await scrape()).body;
    expect(value(body, 'intake_job_failures{kind="email",outcome="retrying"}')).toBe(1);
    expect(value(body, 'intake_job_failures{kind="email",outcome="dead"}')).toBe(1);
    expect(value(body, 'intake_queue_depth{kind="email"}')).toBe(waiting.length - 2);
    expect(value(body, 'intake_jobs{kind="email",status="pending"}')).toBe(waiting.length - 1);
    expect(body).not.toContain('provider');
  });
});
