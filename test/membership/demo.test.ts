// The demo data has bank members in every compliance state, from the first start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceItems, memberships } from '../../db/schema/index.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { DEMO_DATA: 'on', DEMO_CANDIDATES: '150' } }); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('demo members', () => {
  it('joins the hired demo candidates with their clearance dates, in every compliance state', async () => {
    const db = t.intake.app.db;
    const members = await db.select({ status: memberships.status }).from(memberships);
    expect(members.length).toBeGreaterThan(5);
    expect(new Set(members.map((m) => m.status))).toEqual(new Set(['compliant', 'due_soon', 'overdue', 'suspended']));
    const items = await db.select({ status: complianceItems.status }).from(complianceItems);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['compliant', 'due_soon', 'overdue', 'suspended', 'not_required']));
  });
});
