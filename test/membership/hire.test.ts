// A hire opens the member's membership (a job written in the hiring event's own commit), with the
// clearance dates the journey recorded; evidence and Update Service checks move it on; a change
// in bookability reaches webhook subscribers.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, webhookDeliveries } from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { type TestIntake, applicant, startTestIntake } from '../support/intake.js';
import { walkApi } from '../support/walk-api.js';
import { clearedNurse, daysFrom, joinMember } from './member.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t.close(); });

const membership = async (id: string) => (await t.get(`/api/candidates/${id}/membership`)).body;
const item = (m: { items: { item: string }[] }, name: string) => m.items.find((i) => i.item === name) as Record<string, any>;

describe('membership after hire', () => {
  it('opens when the first shift is worked, with the dates each check cleared on', async () => {
    const created = await t.post('/api/candidates', applicant({ profession: 'registered_nurse' }));
    const id = created.body.id as string;
    const { steps } = await walkApi(t, id, (j) => j.status === 'hired');
    const dbsCleared = steps.find((s) => s.type === 'dbs.cleared');
    expect(dbsCleared).toBeDefined();
    const [start] = await t.intake.app.db.select().from(jobs).where(eq(jobs.kind, 'membershipStart'));
    expect(start).toMatchObject({ status: 'pending', journeyId: created.body.journey.id });
    expect((await t.get(`/api/candidates/${id}/membership`)).status).toBe(404);

    await drainDueJobs(t.intake.app);
    const m = await membership(id);
    expect(m).toMatchObject({ candidateId: id, role: 'registered_nurse', version: 1 });
    expect(m.items).toHaveLength(16);
    expect(item(m, 'dbs')).toMatchObject({ evidence: expect.objectContaining({ issueDate: expect.any(String) }), dueOn: expect.any(String) });
    expect(item(m, 'registration').evidence).toMatchObject({ body: 'NMC' });
    expect((await t.get(`/api/candidates/${id}/bookability`)).body).toMatchObject({ bookable: true, role: 'registered_nurse', reasons: [] });
    // A second start (a replayed job, the backfill) changes nothing.
    await drainDueJobs(t.intake.app);
    expect((await membership(id)).version).toBe(1);
  });

  it('renews a DBS on the Update Service by a status check, and suspends it on new information', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now, { dbs: { issueDate: daysFrom(now, -340), level: 'enhanced_adults_barred' } }));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    expect(item(await membership(member.id), 'dbs')).toMatchObject({ status: 'due_soon', owner: 'member' });
    // A status check needs the member's consent first.
    expect((await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, 0), result: 'no_new_information' })).status).toBe(422);
    expect((await send({ type: 'updateServiceConsented', subscribedOn: daysFrom(now, -340), consent: true })).status).toBe(200);
    expect(item(await membership(member.id), 'dbs')).toMatchObject({ owner: 'compliance_team' });
    const checked = await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, 0), result: 'no_new_information' });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(item(checked.body, 'dbs')).toMatchObject({ status: 'compliant', renewedOn: daysFrom(now, 0), dueOn: daysFrom(new Date(`${daysFrom(now, 0)}T12:00:00Z`), 364) });

    const found = await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, 0), result: 'new_information' });
    expect(item(found.body, 'dbs')).toMatchObject({ status: 'suspended', owner: 'compliance_team' });
    const blocked = (await t.get(`/api/candidates/${member.id}/bookability`)).body;
    expect(blocked).toMatchObject({ bookable: false, reasons: [expect.objectContaining({ item: 'dbs', status: 'suspended', since: daysFrom(now, 0) })] });
    expect((await send({ type: 'itemReinstated', item: 'dbs' })).status).toBe(200);
    expect((await t.get(`/api/candidates/${member.id}/bookability`)).body.bookable).toBe(true);
  });

  it('tells webhook subscribers when bookability changes, and answers many members at once', async () => {
    const sub = await t.post('/api/webhooks', { url: 'https://shifts.example.com/hooks', events: ['bookability.changed'] });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const now = t.clock.now();
    const lapsed = clearedNurse(now);
    lapsed.trainingCompletedOn = { ...lapsed.trainingCompletedOn, fire_safety: daysFrom(now, -800) };
    const a = await joinMember(t, lapsed);
    const b = await joinMember(t, clearedNurse(now));
    const deliveries = await t.intake.app.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, 'bookability.changed'));
    expect(deliveries.map((d) => (d.payload as any).data)).toEqual([expect.objectContaining({ candidateId: a.id, bookable: false, blockedBy: ['training.fire_safety'] })]);

    const bulk = await t.post('/api/bookability', { candidateIds: [a.id, b.id, '00000000-0000-4000-8000-000000000000'] });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.map((i: any) => [i.bookable, i.reasons.map((r: any) => r.item)])).toEqual([
      [false, ['training.fire_safety']], [true, []], [false, ['membership']],
    ]);
    expect((await t.post('/api/bookability', { candidateIds: [] })).status).toBe(400);
  });

  it('refuses evidence that names no date, or a date to come, naming the field', async () => {
    const member = await joinMember(t, clearedNurse(t.clock.now()));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    const future = await send({ type: 'itemRenewed', item: 'training.fire_safety', completedOn: daysFrom(t.clock.now(), 3) });
    expect(future).toMatchObject({ status: 400, body: { code: 'invalid_payload', field: 'completedOn' } });
    const missing = await send({ type: 'itemRenewed', item: 'rightToWork', checkedOn: daysFrom(t.clock.now(), 0), method: 'share_code', permission: 'time_limited' });
    expect(missing).toMatchObject({ status: 400, body: { field: 'permissionExpiresOn' } });
    expect((await send({ type: 'noSuchThing' })).status).toBe(400);
  });
});
