// Issue 12, finding 11: what is spent does not pile up. Rate-limit counters, sessions and used or
// expired sign-in links are purged by a recurring job (hourly, through the job queue) and, for a
// candidate, with their erasure — before, they stayed for ever, emails in clear in the keys.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, magicLinks, rateLimits, sessions } from '../../db/schema/index.js';
import { createSession } from '../../src/auth/session.js';
import { HOUSEKEEPING_JOB } from '../../src/jobs/housekeeping.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { createUser } from '../../src/services/users/manage.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const HOUR = 60 * 60_000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };
const askLink = (email: string) => t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email }), headers: FORM });
const count = async (table: typeof sessions | typeof magicLinks | typeof rateLimits) => (await t.intake.app.db.select().from(table)).length;

describe('housekeeping', () => {
  it('runs every hour from the job queue and purges ended sessions, spent links and old counters', async () => {
    const db = t.intake.app.db;
    await t.post('/api/candidates', applicant({ email: 'hattie.house@example.com' }));
    const { user } = await createUser(db, { email: 'keeper@example.nhs.uk', name: 'Keeper', role: 'recruiter', password: 'a long enough password' }, null, t.clock.now());
    await createSession(db, { kind: 'staff', userId: user.id }, t.clock.now());
    await askLink('hattie.house@example.com'); // a link, and two rate-limit counters
    expect(await count(sessions)).toBe(1);
    expect(await count(magicLinks)).toBe(1);
    expect(await count(rateLimits)).toBe(2);

    // Two hours on: the staff session sat idle, the link expired, the counters' windows ended.
    t.clock.advance(2 * HOUR);
    const live = await createSession(db, { kind: 'staff', userId: user.id }, t.clock.now());
    expect(await drainDueJobs(t.intake.app, { kinds: [HOUSEKEEPING_JOB] })).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(sessions)).map((s) => s.csrf)).toEqual([live.csrf]);
    expect(await count(magicLinks)).toBe(0);
    expect(await count(rateLimits)).toBe(0);
    // And the next run is due in an hour.
    const [next] = await db.select().from(jobs).where(and(eq(jobs.kind, HOUSEKEEPING_JOB), eq(jobs.status, 'pending')));
    expect(next!.runAt.getTime()).toBe(t.clock.now().getTime() + HOUR);
  });

  it('keeps the rate-limit keys free of emails and addresses in clear', async () => {
    await askLink('clear.text@example.com');
    const keys = (await t.intake.app.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toMatch(/@|clear\.text|unknown/);
  });

  it('deletes a candidate’s links, portal sessions and counters with their erasure', async () => {
    const db = t.intake.app.db;
    const id = (await t.post('/api/candidates', applicant({ email: 'erin.erased@example.com' }))).body.id;
    await askLink('erin.erased@example.com');
    await createSession(db, { kind: 'applicant', email: 'erin.erased@example.com' }, t.clock.now());
    const before = { links: await count(magicLinks), sessions: (await db.select().from(sessions).where(eq(sessions.applicantEmail, 'erin.erased@example.com'))).length, limits: await count(rateLimits) };
    expect(before.links).toBeGreaterThan(0);
    expect(before.sessions).toBe(1);
    expect((await t.post(`/api/candidates/${id}/erase`, { confirm: true })).status).toBe(200);
    expect(await db.select().from(magicLinks).where(eq(magicLinks.email, 'erin.erased@example.com'))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.applicantEmail, 'erin.erased@example.com'))).toEqual([]);
    expect(await count(rateLimits)).toBe(before.limits - 1); // the address's counter; the caller's own stays
  });
});
