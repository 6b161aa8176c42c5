// Retention: unsuccessful applicants erased 6 months after the decision, DBS certificate details
// purged 6 months after any decision, and the daily job that runs it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobs, journeyEvents, journeys } from '../../db/schema/index.js';
import { loadSnapshot } from '../../src/engine/snapshot.js';
import { RETENTION_JOB, RETENTION_JOB_KEY, ensureRetentionScheduled, retentionHandler } from '../../src/jobs/retention.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { monthsBefore, runRetention } from '../../src/services/privacy/retention.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { periods } from '../support/evidence.js';
import { DAY, act, answerReference, apply, dumpDatabase, eventCounts, insertCv, insertNote, tablesContaining, toChecks, toHired } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

const due1 = {
  fullName: 'Philippa Quenby-Marsh', email: 'philippa.quenby@example.com', phone: '+447700900111', postcode: 'LS6 2AB',
  reason: 'Moving to Quenbyshire for family reasons', location: 'Quenby Interview Suite 7', note: 'Quenby note: prefers night shifts',
  referee: { name: 'Horatio Vellacott', email: 'horatio.vellacott@example.org', organisation: 'Vellacott Care Homes', relationship: 'line_manager' },
  referee2: { name: 'Imelda Strawbridge', email: 'imelda.strawbridge@example.org', organisation: 'Strawbridge Clinic', relationship: 'employer' },
  answer: 'Vellacott senior staff nurse',
};
const due2 = { fullName: 'Bartholomew Ixworth', email: 'bart.ixworth@example.com', phone: '+447700900222', postcode: 'YO1 7HH', reason: 'Ixworth lacked the Ixworth essentials' };
const recent = { fullName: 'Cassius Recentworth', email: 'cassius.recent@example.com', phone: '+447700900333', postcode: 'M1 1AE', reason: 'Recentworth took another post' };
const active = { fullName: 'Dorothea Inprogressia', email: 'dorothea.active@example.com', phone: '+447700900444', postcode: 'B1 1AA' };

const personal = ({ fullName, email, phone, postcode }: { fullName: string; email: string; phone: string; postcode: string }) => ({ fullName, email, phone, postcode });

describe('retention of unsuccessful applicants', () => {
  it('A retention run on a database with due and not-yet-due candidates erases exactly the due ones (names, emails, phones, CVs, free text gone; event history and counts intact)', async () => {
    // Due: withdrew during checks (referees, a reference answered, a note, a CV, emails) and rejected at screening.
    const a = await apply(t, personal(due1));
    await toChecks(t, a, due1.location);
    await act(t, a, 'references.refereesProvided', { referees: [{ ...due1.referee, ...periods(t.clock.now())[0] }, { ...due1.referee2, ...periods(t.clock.now())[1] }] });
    await answerReference(t, due1.referee.email, { jobTitle: due1.answer, concerns: 'Vellacott concern: none really' });
    await insertNote(t, a, due1.note);
    await insertCv(t, a, due1.fullName);
    await act(t, a, 'withdrawn', { reason: due1.reason });
    const b = await apply(t, personal(due2));
    await act(t, b, 'screeningStarted');
    await act(t, b, 'rejected', { reason: due2.reason });
    // In progress: applied at the same time, never finished.
    const d = await apply(t, personal(active));
    await act(t, d, 'screeningStarted');
    await insertNote(t, d, 'Inprogressia note');
    // Not yet due: withdrew five months later.
    t.clock.advance(150 * DAY);
    await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it
    const c = await apply(t, personal(recent));
    await insertCv(t, c, recent.fullName);
    await act(t, c, 'withdrawn', { reason: recent.reason });
    t.clock.advance(60 * DAY);
    await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it

    const erasedNeedles = [...Object.values(personal(due1)), due1.reason, due1.location, due1.note, due1.referee.name, due1.referee.email, due1.referee.organisation,
      due1.referee2.name, due1.referee2.email, due1.answer, 'Vellacott concern', ...Object.values(personal(due2)), due2.reason];
    const keptNeedles = [...Object.values(personal(recent)), recent.reason, ...Object.values(personal(active)), 'Inprogressia note'];
    const before = await dumpDatabase(t);
    for (const needle of [...erasedNeedles, ...keptNeedles]) expect(tablesContaining(before, needle), needle).not.toEqual([]);
    const countsBefore = await eventCounts(t);
    const pipelineBefore = (await t.get('/api/pipeline')).body;
    const historyBefore = (await t.get(`/api/candidates/${a}/history`)).body.items as { type: string; at: string; from: string; to: string }[];

    // Batches of one: the run must keep going until nothing due is left.
    const result = await runRetention(t.intake.app, { now: t.clock.now(), retentionMonths: 6, dbsMonths: 6, batchSize: 1 });
    expect(result.erased).toBe(2);

    const after = await dumpDatabase(t);
    for (const needle of erasedNeedles) expect(tablesContaining(after, needle), needle).toEqual([]);
    for (const needle of keptNeedles) expect(tablesContaining(after, needle), needle).toEqual(tablesContaining(before, needle));
    expect(await eventCounts(t)).toEqual(countsBefore);
    expect((await t.get('/api/pipeline')).body).toEqual(pipelineBefore);

    // The erased record still loads: same journey, same history shape, pseudonymous referees.
    const shown = await t.get(`/api/candidates/${a}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ fullName: 'Erased candidate', email: `erased-${a}@invalid.invalid`, phone: null, postcode: null });
    expect(shown.body.journey.warning).toBeUndefined();
    expect(shown.body.journey).toMatchObject({ status: 'withdrawn', exit: { reason: '[erased]' } });
    expect(shown.body.journey.context.referees.map((r: { email: string }) => r.email)).toEqual(['referee-1@erased.invalid', 'referee-2@erased.invalid']);
    expect(shown.body.journey.context.referencesReceived).toEqual(['referee-1@erased.invalid']);
    const historyAfter = (await t.get(`/api/candidates/${a}/history`)).body.items as { type: string; at: string; from: string; to: string; payload: Record<string, unknown> }[];
    expect(historyAfter.map(({ type, at, from, to }) => ({ type, at, from, to }))).toEqual(historyBefore.map(({ type, at, from, to }) => ({ type, at, from, to })));
    expect(historyAfter.find((e) => e.type === 'withdrawn')!.payload).toEqual({ erased: true });
    expect(historyAfter.find((e) => e.type === 'references.received')!.payload).toMatchObject({ refereeEmail: 'referee-1@erased.invalid', datesConfirmed: true, erased: true });
    for (const row of await t.intake.app.db.select().from(journeys)) expect(() => loadSnapshot(t.intake.app.machines, row)).not.toThrow();
    expect((await t.get(`/api/candidates/${a}/emails`)).body.items.every((e: { to: string; subject: string }) => e.to === '[erased]' && e.subject === '[erased]')).toBe(true);
    expect((await t.get(`/api/candidates/${c}`)).body.fullName).toBe(recent.fullName);
    expect((await t.get(`/api/candidates/${d}`)).body.fullName).toBe(active.fullName);

    const erasures = await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'erasure'));
    expect(erasures.map((r) => r.subjectId).sort()).toEqual([a, b].sort());
    expect(erasures.every((r) => JSON.stringify(r.detail) === '{"reason":"retention"}' && r.actorType === 'system')).toBe(true);

    const again = await runRetention(t.intake.app, { now: t.clock.now(), retentionMonths: 6, dbsMonths: 6 });
    expect(again.erased).toBe(0);
    expect({ ...(await dumpDatabase(t)), audit_log: '' }).toEqual({ ...after, audit_log: '' });
    const runs = await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'retention')).orderBy(auditLog.id);
    expect(runs.map((r) => (r.detail as { erased: number }).erased)).toEqual([2, 0]);
  });

  it('counts months on the calendar, clamping to the end of a shorter month', () => {
    expect(monthsBefore(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-15T00:00:00Z'), 6).toISOString()).toBe('2025-09-15T00:00:00.000Z');
  });
});

describe('DBS certificate details', () => {
  it('purges the certificate details of a journey decided more than 6 months ago, hired included, and keeps a recent one', async () => {
    const old = await apply(t, { fullName: 'Olwen Hiredlong', email: 'olwen.hired@example.com' });
    await toHired(t, old, '000011112222');
    t.clock.advance(120 * DAY);
    const recent = await apply(t, { fullName: 'Rhiannon Hiredsoon', email: 'rhiannon.hired@example.com' });
    await toHired(t, recent, '000033334444');
    t.clock.advance(70 * DAY);
    await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it

    const result = await runRetention(t.intake.app, { now: t.clock.now(), retentionMonths: 6, dbsMonths: 6 });
    expect(result.dbsEventsPurged).toBe(1);

    const dbsCleared = async (id: string) => (await t.get(`/api/candidates/${id}/history`)).body.items.find((e: { type: string }) => e.type === 'dbs.cleared').payload;
    const purged = await dbsCleared(old);
    expect(purged).not.toHaveProperty('certificateNumber');
    expect(purged).not.toHaveProperty('issueDate');
    expect(purged).not.toHaveProperty('level');
    expect(purged).not.toHaveProperty('outcome');
    expect(purged).not.toHaveProperty('updateServiceSubscribedOn');
    expect(purged.dbsCertificatePurgedAt).toBe(t.clock.now().toISOString());
    expect(tablesContaining(await dumpDatabase(t), '000011112222')).toEqual([]);
    expect(await dbsCleared(recent)).toMatchObject({ certificateNumber: '000033334444', level: 'enhanced_adults_barred', outcome: 'clear', updateService: true });
    // Hired people are staff now: nothing else about them is erased.
    expect((await t.get(`/api/candidates/${old}`)).body).toMatchObject({ fullName: 'Olwen Hiredlong', journey: { status: 'hired' } });

    const again = await runRetention(t.intake.app, { now: t.clock.now(), retentionMonths: 6, dbsMonths: 6 });
    expect(again.dbsEventsPurged).toBe(0);
    const cleared = await t.intake.app.db.select().from(journeyEvents).where(eq(journeyEvents.type, 'dbs.cleared'));
    expect(cleared.filter((e) => 'dbsCertificatePurgedAt' in (e.payload as object))).toHaveLength(1);
  });
});

describe('the daily retention job', () => {
  it('is scheduled once, runs retention in the worker, and schedules itself 24 hours later', async () => {
    const app = { ...t.intake.app, handlers: { ...t.intake.app.handlers, [RETENTION_JOB]: retentionHandler({ retentionMonths: 6, dbsMonths: 6 }) } };
    await ensureRetentionScheduled(app.db, app.clock.now());
    await ensureRetentionScheduled(app.db, app.clock.now());
    const scheduled = await app.db.select().from(jobs).where(and(eq(jobs.kind, RETENTION_JOB), eq(jobs.status, 'pending')));
    expect(scheduled).toHaveLength(1);

    const runsBefore = (await app.db.select().from(auditLog).where(eq(auditLog.kind, 'retention'))).length;
    expect(await drainDueJobs(app, { kinds: [RETENTION_JOB] })).toBe(1);
    const rows = await app.db.select().from(jobs).where(eq(jobs.kind, RETENTION_JOB)).orderBy(jobs.id);
    expect(rows.map((r) => ({ key: r.key, status: r.status }))).toEqual([{ key: null, status: 'done' }, { key: RETENTION_JOB_KEY, status: 'pending' }]);
    expect(rows[1]!.runAt.getTime() - app.clock.now().getTime()).toBe(DAY);
    expect((await app.db.select().from(auditLog).where(eq(auditLog.kind, 'retention'))).length).toBe(runsBefore + 1);

    // Not due again until a day has passed; then exactly one more run.
    expect(await drainDueJobs(app, { kinds: [RETENTION_JOB] })).toBe(0);
    t.clock.advance(DAY);
    expect(await drainDueJobs(app, { kinds: [RETENTION_JOB] })).toBe(1);
    const pending = await app.db.select().from(jobs).where(and(eq(jobs.kind, RETENTION_JOB), eq(jobs.status, 'pending')));
    expect(pending).toHaveLength(1);
    // Starting up again leaves the scheduled run alone.
    await ensureRetentionScheduled(app.db, app.clock.now());
    expect((await app.db.select().from(jobs).where(eq(jobs.key, RETENTION_JOB_KEY)))[0]!.runAt).toEqual(pending[0]!.runAt);
  });
});
