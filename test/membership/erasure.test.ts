// Erasing a member (on request) takes their compliance evidence too: the certificate references
// and providers that renewed each item leave the items, the membership's snapshot and its history,
// and its timers stop; the items' statuses and dates stay, so the dashboard's counts do not change.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceItems, jobs, membershipEvents, memberships } from '../../db/schema/index.js';
import { membershipHistory } from '../../src/services/membership/view.js';
import { eraseCandidate } from '../../src/services/privacy/erase.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';
import { clearedNurse, daysFrom, joinMember } from './member.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t.close(); });

describe('erasing a bank member', () => {
  it('removes the evidence of every compliance item and stops the membership’s timers', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now, { registration: { body: 'NMC', number: '71A2998E', renewalDueOn: daysFrom(now, 300), checkedOn: daysFrom(now, -10) } }));
    const app = t.intake.app;
    const [m] = await app.db.select().from(memberships).where(eq(memberships.candidateId, member.id));
    const before = await app.db.select().from(complianceItems).where(eq(complianceItems.membershipId, m!.id));
    expect(before.some((i) => JSON.stringify(i.evidence).includes('71A2998E'))).toBe(true);
    expect((await app.db.select().from(jobs).where(eq(jobs.journeyId, m!.id))).some((j) => j.status === 'pending')).toBe(true);

    await app.db.transaction((tx) => eraseCandidate(app, tx, member.id, { reason: 'request', actor: { type: 'user', id: null } }));

    const after = await app.db.select().from(complianceItems).where(eq(complianceItems.membershipId, m!.id));
    expect(after.map((i) => [i.item, i.status, i.dueOn])).toEqual(before.map((i) => [i.item, i.status, i.dueOn]));
    expect(after.every((i) => i.evidence === null)).toBe(true);
    const [scrubbed] = await app.db.select().from(memberships).where(eq(memberships.id, m!.id));
    expect(JSON.stringify(scrubbed!.snapshot)).not.toContain('71A2998E');
    const history = await app.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, m!.id));
    expect(history.length).toBeGreaterThan(0);
    expect(JSON.stringify(history.map((e) => e.payload))).not.toContain('71A2998E');
    expect((await app.db.select().from(jobs).where(eq(jobs.journeyId, m!.id))).filter((j) => j.status === 'pending')).toEqual([]);
    const words = await membershipHistory(app, m!.id);
    expect(words.map((w) => w.words).join('\n')).not.toMatch(/undefined|NaN/);
  });
});
