// Acceptance (issue 16), on a moved clock: compliance decays after hire, reminders go out at the
// configured offsets, and bookings stop for the roles that need what lapsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';
import { inbox } from '../support/inbox.js';
import { clearedNurse, daysFrom, joinMember, liveDays } from './member.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ policy: { complianceReminderDays: [14, 7, 1], complianceAlertDays: [7] } }); });
afterAll(async () => { await t.close(); });

const bookability = async (id: string, role?: string) => (await t.get(`/api/candidates/${id}/bookability${role ? `?role=${role}` : ''}`)).body;
const templates = async (address: string) => (await inbox(t, address)).map((m) => m.subject);

describe('a member after hire, on a moved clock', () => {
  it('is reminded at the configured offsets before a permission ends, and not bookable the day after', async () => {
    const now = t.clock.now();
    const expires = daysFrom(now, 20);
    const member = await joinMember(t, clearedNurse(now, { rightToWork: { permission: 'time_limited', permissionExpiresOn: expires, checkedOn: daysFrom(now, -1) } }));
    await drainDueJobs(t.intake.app);
    const has = async (address: string, words: string) => (await templates(address)).some((s) => s.includes(words));
    expect(await has(member.email, 'Right to work: due by')).toBe(true);
    expect((await bookability(member.id)).bookable).toBe(true);

    await liveDays(t, 5);
    expect(await has(member.email, 'due in 14 days')).toBe(false);
    await liveDays(t, 1); // 14 days before
    expect(await has(member.email, 'Reminder: Right to work due in 14 days')).toBe(true);
    await liveDays(t, 7); // 7 days before: the member and the compliance team
    expect(await has(member.email, 'Reminder: Right to work due in 7 days')).toBe(true);
    expect(await has('bank.compliance@example.nhs.uk', 'runs out in 7 days')).toBe(true);
    await liveDays(t, 6); // the day before
    expect(await has(member.email, 'Reminder: Right to work due in 1 day')).toBe(true);
    await liveDays(t, 1); // the last day: still bookable
    expect((await bookability(member.id)).bookable).toBe(true);

    await liveDays(t, 1); // the day after it ends
    const after = await bookability(member.id);
    expect(after.bookable).toBe(false);
    expect(after.reasons).toEqual([expect.objectContaining({ item: 'rightToWork', status: 'overdue', since: daysFrom(new Date(`${expires}T12:00:00Z`), 1) })]);
    expect(await has(member.email, 'Right to work has run out')).toBe(true);
    expect(await has('bank.compliance@example.nhs.uk', 'Not bookable')).toBe(true);
  });
});

describe('renewals and lapses', () => {
  it('starts a DBS renewal issued 335 days ago at least 30 days before its anniversary', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now, { dbs: { issueDate: daysFrom(now, -335), level: 'enhanced_adults_barred' } }));
    await drainDueJobs(t.intake.app);
    const dbs = (await t.get(`/api/candidates/${member.id}/membership`)).body.items.find((i: { item: string }) => i.item === 'dbs');
    expect(dbs).toMatchObject({ status: 'due_soon', owner: 'member', renewedOn: daysFrom(now, -335) });
    // The anniversary of issue is the first day out of date: the renewal began 30+ days before it.
    const anniversary = daysFrom(new Date(`${dbs.dueOn}T12:00:00Z`), 1);
    expect(anniversary).toBe(daysFrom(now, 30));
    expect(Date.parse(anniversary) - Date.parse(daysFrom(now, 0))).toBeGreaterThanOrEqual(30 * 24 * 60 * 60 * 1000);
    expect((await templates(member.email)).some((s) => s.startsWith('DBS check: due by'))).toBe(true);
  });

  it('lets a lapsed training subject block only the roles that need it', async () => {
    const now = t.clock.now();
    const facts = clearedNurse(now);
    // Resuscitation done 13 months ago (a yearly refresher): it ran out last month.
    facts.trainingCompletedOn = { ...facts.trainingCompletedOn, resuscitation: daysFrom(now, -396) };
    const member = await joinMember(t, facts);
    const own = await bookability(member.id);
    expect(own).toMatchObject({ bookable: false, role: 'registered_nurse', reasons: [expect.objectContaining({ item: 'training.resuscitation', status: 'overdue' })] });
    expect(await bookability(member.id, 'non_clinical')).toMatchObject({ bookable: true, reasons: [] });

    // Recording the refresher makes them bookable again.
    const renewed = await t.post(`/api/candidates/${member.id}/membership/events`, { type: 'itemRenewed', item: 'training.resuscitation', completedOn: daysFrom(t.clock.now(), 0) });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect((await bookability(member.id)).bookable).toBe(true);
  });

  it('stops booking a new member who is not compliant after 6 weeks', async () => {
    const now = t.clock.now();
    // Cleared without fire safety or Oliver McGowan training yet: they may work meanwhile.
    const facts = clearedNurse(now);
    const { fire_safety: _f, oliver_mcgowan: _o, ...done } = facts.trainingCompletedOn!;
    const member = await joinMember(t, { ...facts, trainingCompletedOn: done });
    expect((await bookability(member.id)).bookable).toBe(true);
    await liveDays(t, 42);
    expect((await bookability(member.id)).bookable).toBe(true);
    await liveDays(t, 1);
    const after = await bookability(member.id);
    expect(after.bookable).toBe(false);
    expect(after.reasons.map((r: { item: string }) => r.item).sort()).toEqual(['training.fire_safety', 'training.oliver_mcgowan']);
  });
});
