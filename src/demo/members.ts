// Demo memberships: the demo's hired candidates join with their clearance dates (the backfill),
// and a few are moved, through the membership engine, into each compliance state a compliance
// lead meets — due soon, overdue, suspended, a permission running out, the Update Service — so
// the dashboard and the portal have something to show from the first start.
import { asc } from 'drizzle-orm';
import { memberships } from '../../db/schema/index.js';
import { addDays, ukDateOf } from '../../workflows/when.js';
import type { AppContext } from '../context.js';
import { systemActor } from '../engine/actor.js';
import { dispatchMembership } from '../engine/membership.js';
import { backfillMemberships } from '../services/membership/start.js';

type Step = { type: string; data: (today: string) => Record<string, unknown> };

/** One member per line, each with the events that put them in a state (in order). */
const scenes: Step[][] = [
  [{ type: 'itemRenewed', data: (d) => ({ item: 'dbs', issueDate: addDays(d, -340), level: 'enhanced_adults_barred' }) }],
  [{ type: 'itemRenewed', data: (d) => ({ item: 'training.resuscitation', completedOn: addDays(d, -400), provider: 'Trust resuscitation team' }) }],
  [{ type: 'itemSuspended', data: () => ({ item: 'registration', reason: 'The register shows a fitness-to-practise case pending' }) }],
  [{ type: 'itemRenewed', data: (d) => ({ item: 'rightToWork', checkedOn: addDays(d, -300), method: 'share_code', permission: 'time_limited', permissionExpiresOn: addDays(d, 20) }) }],
  [
    // On the Update Service: a certificate, consent within 30 days of its issue, then a status check.
    { type: 'itemRenewed', data: (d) => ({ item: 'dbs', issueDate: addDays(d, -340), level: 'enhanced_both_barred' }) },
    { type: 'updateServiceConsented', data: (d) => ({ subscribedOn: addDays(d, -330), consent: true }) },
    { type: 'dbsStatusChecked', data: (d) => ({ checkedOn: d, result: 'no_new_information' }) },
  ],
  [{ type: 'itemRenewed', data: (d) => ({ item: 'training.fire_safety', completedOn: addDays(d, -720), provider: 'e-Learning for Healthcare' }) }],
];

export async function seedDemoMemberships(app: AppContext): Promise<number> {
  return app.db.transaction(async (tx) => {
    const joined = await backfillMemberships(app, tx, 100_000);
    const today = ukDateOf(app.clock.now());
    const rows = await tx.select({ id: memberships.id, role: memberships.role }).from(memberships).orderBy(asc(memberships.createdAt), asc(memberships.id)).limit(50);
    // Registration is not required of every role: the suspended scene goes to a registered one.
    const registered = rows.filter((r) => r.role !== 'healthcare_assistant' && r.role !== 'non_clinical');
    const used = new Set<string>();
    for (const [i, scene] of scenes.entries()) {
      const pool = i === 2 ? registered : rows;
      const member = pool.find((r) => !used.has(r.id));
      if (!member) break;
      used.add(member.id);
      for (const step of scene) await dispatchMembership(app, tx, member.id, step.type, step.data(today), systemActor, { dropIfRefused: true });
    }
    return joined;
  });
}
