// Erasure on request: what goes, what stays, and that nothing more reaches the erased person.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emails, jobs, journeys, referenceRequests } from '../../db/schema/index.js';
import { loadSnapshot } from '../../src/engine/snapshot.js';
import { AppError } from '../../src/errors.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { eraseCandidate, type ErasureOptions } from '../../src/services/privacy/erase.js';
import { referenceToken } from '../../src/services/references/tokens.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { periods } from '../support/evidence.js';
import { DAY, act, apply, dumpDatabase, eventCounts, insertCv, insertNote, tablesContaining, toChecks } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

const byRequest: ErasureOptions = { reason: 'request', actor: { type: 'user', id: 'a1b2c3d4-0000-4000-8000-000000000001' } };
const erase = (id: string, opts = byRequest) => t.intake.app.db.transaction((tx) => eraseCandidate(t.intake.app, tx, id, opts));

describe('erasure on request', () => {
  it('sends an erased person no further email: their queued emails are dropped before the worker runs', async () => {
    const created = await t.post('/api/candidates', { programme: 'domestic', profession: 'registered_nurse', fullName: 'Quincy Queuedmail', email: 'quincy.queued@example.com' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const journeyId = created.body.journey.id as string;
    const queued = await t.intake.app.db.select().from(jobs).where(eq(jobs.journeyId, journeyId));
    expect(queued.filter((j) => j.kind === 'email' && j.status === 'pending')).not.toHaveLength(0);

    await erase(id);
    await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] });

    expect(await t.intake.app.db.select().from(emails).where(eq(emails.candidateId, id))).toEqual([]);
    expect((await t.get('/api/mailbox?to=quincy.queued@example.com')).body.items).toEqual([]);
    const after = await t.intake.app.db.select().from(jobs).where(eq(jobs.journeyId, journeyId));
    for (const job of after.filter((j) => j.kind === 'email')) {
      expect(job).toMatchObject({ status: 'done', lastError: 'dropped: candidate erased' });
      expect(job.payload).toEqual({ template: expect.any(String), to: expect.any(String), candidateId: id, journeyId, erased: true });
    }
    expect(tablesContaining(await dumpDatabase(t), 'Quincy')).toEqual([]);
  });

  it('stops an in-progress journey’s timers, so no chaser reaches the pseudonymised referees', async () => {
    const id = await apply(t, { fullName: 'Rosalind Chasewell', email: 'rosalind.chase@example.com' });
    await toChecks(t, id);
    await act(t, id, 'references.refereesProvided', { referees: [
      { name: 'Silas Slowreply', email: 'silas.slow@example.org', organisation: 'Old Trust', relationship: 'line_manager', ...periods(t.clock.now())[0] },
      { name: 'Tamsin Tardy', email: 'tamsin.tardy@example.org', organisation: 'New Trust', relationship: 'employer', ...periods(t.clock.now())[1] },
    ] });
    const journeyId = (await t.get(`/api/candidates/${id}`)).body.journey.id as string;
    const sentBefore = (await t.intake.app.db.select().from(emails).where(eq(emails.candidateId, id))).length;

    await erase(id);
    for (let day = 1; day <= 12; day++) { t.clock.advance(DAY); await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); }

    expect((await t.intake.app.db.select().from(emails).where(eq(emails.candidateId, id))).length).toBe(sentBefore);
    const pending = await t.intake.app.db.select().from(jobs).where(eq(jobs.journeyId, journeyId));
    expect(pending.filter((j) => j.status === 'pending')).toEqual([]);
    expect(tablesContaining(await dumpDatabase(t), 'slowreply')).toEqual([]);
    expect(tablesContaining(await dumpDatabase(t), 'silas.slow@example.org')).toEqual([]);
  });

  it('keeps an in-progress journey loadable, with consistent referee pseudonyms, and expires its unanswered reference links', async () => {
    const id = await apply(t, { fullName: 'Ursula Pendingham', email: 'ursula.pending@example.com', phone: '+447700900555', postcode: 'LS1 4AP' });
    await toChecks(t, id, 'Pendingham Hall, Room 2');
    await act(t, id, 'references.refereesProvided', { referees: [
      { name: 'Vera Vouchsafe', email: 'vera.vouch@example.org', organisation: 'Vouchsafe Care', relationship: 'line_manager', ...periods(t.clock.now())[0] },
      { name: 'Walter Witness', email: 'walter.witness@example.org', organisation: 'Witness Homes', relationship: 'employer', ...periods(t.clock.now())[1] },
    ] });
    await act(t, id, 'references.received', { refereeEmail: 'walter.witness@example.org', datesConfirmed: true, roleConfirmed: true, concerns: 'Witness had concerns about Ursula' });
    await insertNote(t, id, 'Ursula asked about parking');
    await insertCv(t, id, 'Ursula Pendingham');
    const countsBefore = await eventCounts(t);
    const versionBefore = (await t.get(`/api/candidates/${id}`)).body.journey.version;

    const result = await erase(id);
    expect(result).toEqual({ candidateId: id, alreadyErased: false });

    const view = (await t.get(`/api/candidates/${id}`)).body;
    expect(view).toMatchObject({ fullName: 'Erased candidate', email: `erased-${id}@invalid.invalid`, phone: null, postcode: null });
    expect(view.journey.warning).toBeUndefined();
    expect(view.journey.version).toBe(versionBefore);
    expect(view.journey.allowedEvents.length).toBeGreaterThan(0);
    expect(view.journey.context.interview.location).toBe('[erased]');
    expect(view.journey.context.referees).toEqual([
      { name: 'Referee 1', email: 'referee-1@erased.invalid', organisation: '[erased]', relationship: 'line_manager' },
      { name: 'Referee 2', email: 'referee-2@erased.invalid', organisation: '[erased]', relationship: 'employer' },
    ]);
    expect(view.journey.context.referencesReceived).toEqual(['referee-2@erased.invalid']);
    const history = (await t.get(`/api/candidates/${id}/history`)).body.items as { type: string; payload: Record<string, unknown> }[];
    expect(history.find((e) => e.type === 'references.received')!.payload).toEqual({ refereeEmail: 'referee-2@erased.invalid', datesConfirmed: true, roleConfirmed: true, erased: true });
    expect(history.find((e) => e.type === 'applicationReceived')!.payload).toEqual({ programme: 'domestic', profession: 'registered_nurse' });
    expect(await eventCounts(t)).toEqual(countsBefore);
    const [journey] = await t.intake.app.db.select().from(journeys).where(eq(journeys.candidateId, id));
    expect(loadSnapshot(t.intake.app.machines, journey!).context.referees).toHaveLength(2);

    const requests = await t.intake.app.db.select().from(referenceRequests).where(eq(referenceRequests.journeyId, journey!.id));
    expect(requests.map((r) => r.refereeEmail).sort()).toEqual(['referee-1@erased.invalid', 'referee-2@erased.invalid']);
    for (const r of requests.filter((x) => !x.usedAt)) {
      const page = await t.intake.http.request(`/references/${referenceToken(t.intake.app.settings.secret, r.id)}`);
      expect(page.status).toBe(410);
    }
    // The journey still works: a recruiter can move it on (e.g. close it).
    const moved = await t.post(`/api/candidates/${id}/events`, { type: 'withdrawn', reason: 'Erasure requested' });
    expect(moved.status).toBe(200);
    await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] });
    // Whatever the journey still causes can reach no one: the stored address is a reserved .invalid one.
    const mail = await t.intake.app.db.select().from(emails).where(eq(emails.candidateId, id));
    expect(mail.filter((m) => m.toAddress !== '[erased]' && !m.toAddress.endsWith('.invalid'))).toEqual([]);

    const dump = await dumpDatabase(t);
    for (const needle of ['Ursula', 'Pendingham', 'ursula.pending@example.com', '+447700900555', 'LS1 4AP', 'Vouchsafe', 'vera.vouch', 'Walter Witness', 'walter.witness', 'Witness had concerns', 'parking']) {
      expect(tablesContaining(dump, needle), needle).toEqual([]);
    }
  });

  it('is harmless to repeat, and audits each erasure by id only', async () => {
    const id = await apply(t, { fullName: 'Xavier Twiceover', email: 'xavier.twice@example.com', phone: '+447700900666' });
    await act(t, id, 'screeningStarted');
    await act(t, id, 'rejected', { reason: 'Twiceover reason' });
    await erase(id);
    const once = await dumpDatabase(t);
    expect(await erase(id)).toEqual({ candidateId: id, alreadyErased: true });
    expect({ ...(await dumpDatabase(t)), audit_log: '' }).toEqual({ ...once, audit_log: '' });

    const rows = await t.intake.app.db.select().from(auditLog).where(inArray(auditLog.subjectId, [id]));
    const erasures = rows.filter((r) => r.kind === 'erasure');
    expect(erasures).toHaveLength(2);
    expect(erasures[0]).toMatchObject({ actorType: 'user', actorId: byRequest.actor.id, detail: { reason: 'request' } });
    expect(JSON.stringify(rows).toLowerCase()).not.toMatch(/xavier|twiceover|\+447700900666/);
  });

  it('refuses an unknown candidate with 404', async () => {
    const error = await erase('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
