// The membership engine: a member's compliance journey (workflows/membership/) loaded under a row
// lock, moved by the pure transition, and written in one transaction with everything it causes —
// the snapshot and version, the history event, the compliance_items rows the dashboard and
// bookability read, the timers and emails, and a `bookability.changed` webhook delivery when the
// member's bookability moved. A membership is not a hiring journey (it is never the candidate's
// current journey), so it has its own table; its jobs use the same queue, keyed by its id.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition } from 'xstate';
import { type Tx, executeStatement } from '../../db/client.js';
import { complianceItems as itemsTable, jobs, membershipEvents, memberships } from '../../db/schema/index.js';
import { membershipRefusal } from '../../workflows/membership/evidence-rules.js';
import { type ComplianceItem, type ComplianceStatus, complianceItems, ownerOf, rolesNeeding } from '../../workflows/membership/items.js';
import { MEMBERSHIP_VERSION, type MembershipContext, type MembershipInput, membershipMachine, regionOf } from '../../workflows/membership/machine.js';
import type { Policy } from '../../workflows/policy.js';
import type { Profession } from '../../workflows/types.js';
import { pureTransition } from '../../workflows/transition.js';
import { ukDateOf } from '../../workflows/when.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import type { Actor } from './actor.js';
import { planEffects, webhookCtes, webhookPayload } from './effects.js';

export type MembershipRow = typeof memberships.$inferSelect;

const machines = new WeakMap<Policy, AnyStateMachine>();
/** One machine per policy (the policy is fixed for a process; tests start one per policy). */
export function membershipMachineFor(policy: Policy): AnyStateMachine {
  let m = machines.get(policy);
  if (!m) {
    m = membershipMachine(policy) as unknown as AnyStateMachine;
    machines.set(policy, m);
  }
  return m;
}

const stateStatus: Record<string, ComplianceStatus> = {
  compliant: 'compliant', inDate: 'compliant', dueSoon: 'due_soon', overdue: 'overdue', suspended: 'suspended', notRequired: 'not_required',
};
const worst: ComplianceStatus[] = ['suspended', 'overdue', 'due_soon', 'compliant', 'not_required'];

export interface ItemView {
  item: ComplianceItem; status: ComplianceStatus; owner: string; dueOn: string | null; renewedOn: string | null;
  evidence: Record<string, unknown> | null; roles: readonly Profession[];
}

/** Each item as the snapshot has it: the status is the state its region is in. */
export function itemsOf(snapshot: AnyMachineSnapshot, policy: Policy): ItemView[] {
  const value = snapshot.value as Record<string, string>;
  const ctx = snapshot.context as MembershipContext;
  return complianceItems.map((item) => {
    const status = stateStatus[value[regionOf(item)] ?? ''] ?? 'compliant';
    const rec = ctx.items[item];
    return { item, status, owner: ownerOf(status, item, rec), dueOn: rec.dueOn, renewedOn: rec.renewedOn, evidence: rec.evidence, roles: rolesNeeding(item, policy) };
  });
}

export const blocks = (i: Pick<ItemView, 'status' | 'roles'>, role: string) => (i.status === 'overdue' || i.status === 'suspended') && i.roles.includes(role as Profession);

function summaryOf(items: ItemView[], role: string) {
  const status = worst.find((s) => items.some((i) => i.status === s)) ?? 'compliant';
  return { status: status === 'not_required' ? 'compliant' : status, bookable: !items.some((i) => blocks(i, role)) };
}

interface Written { membership: MembershipRow; accepted: true }

/** Writes the snapshot's consequences: items, timers, emails, the bookability webhook. */
async function writeConsequences(app: AppContext, tx: Tx, m: { id: string; candidateId: string; journeyId: string; seq: number; wasBookable: boolean | null },
  snapshot: AnyMachineSnapshot, actions: { type: string; params?: unknown }[], at: Date) {
  const items = itemsOf(snapshot, app.policy);
  const ctx = snapshot.context as MembershipContext;
  const summary = summaryOf(items, ctx.role);
  await tx.insert(itemsTable).values(items.map((i) => ({
    membershipId: m.id, candidateId: m.candidateId, item: i.item, status: i.status, owner: i.owner, dueOn: i.dueOn,
    since: at, renewedOn: i.renewedOn, evidence: i.evidence, roles: [...i.roles],
  }))).onConflictDoUpdate({
    target: [itemsTable.membershipId, itemsTable.item],
    set: {
      // An item keeps the time it entered its status until the status changes.
      since: sql`case when ${itemsTable.status} = excluded.status then ${itemsTable.since} else excluded.since end`,
      status: sql`excluded.status`, owner: sql`excluded.owner`, dueOn: sql`excluded.due_on`, renewedOn: sql`excluded.renewed_on`,
      evidence: sql`excluded.evidence`, roles: sql`excluded.roles`,
    },
  });
  const effects = planEffects({ journeyId: m.id, candidateId: m.candidateId, seq: m.seq }, actions, at);
  const timers = new Map<string, { runAt: Date; event: unknown } | null>();
  for (const e of effects) {
    if (e.kind === 'timer') timers.set(e.key, { runAt: e.runAt, event: e.event });
    else if (e.kind === 'cancelTimer') timers.set(e.key, null);
  }
  const cancels = [...timers].filter(([, t]) => t === null).map(([k]) => k);
  if (cancels.length) await tx.delete(jobs).where(and(eq(jobs.status, 'pending'), inArray(jobs.key, cancels)));
  const set = [...timers].filter(([, t]) => t !== null) as [string, { runAt: Date; event: unknown }][];
  if (set.length) {
    await tx.insert(jobs).values(set.map(([key, t]) => ({ kind: 'timer', key, journeyId: m.id, runAt: t.runAt, payload: { event: t.event, membership: true }, status: 'pending' })))
      .onConflictDoUpdate({ target: jobs.key, set: { payload: sql`excluded.payload`, runAt: sql`excluded.run_at`, status: 'pending', attempts: 0, lastError: null, finishedAt: null, lockedUntil: null } });
  }
  const emails = actions.filter((a) => a.type === 'email').map((a, n) => {
    const p = a.params as { template: string; to: string; item: ComplianceItem; days?: number };
    const item = items.find((i) => i.item === p.item)!;
    return {
      kind: 'email', key: `email:${m.id}:${m.seq}:${n}`, journeyId: m.journeyId, runAt: at, maxAttempts: app.settings.emailMaxAttempts, status: 'pending',
      payload: {
        template: p.template, to: p.to, candidateId: m.candidateId, journeyId: m.journeyId,
        context: { programme: 'membership', profession: ctx.profession }, status: { title: '', detail: '' }, checks: [],
        event: { item: p.item, dueOn: item.dueOn, status: item.status, ...(p.days !== undefined ? { days: p.days } : {}) },
      },
    };
  });
  if (emails.length) await tx.insert(jobs).values(emails).onConflictDoNothing();
  if (m.wasBookable !== summary.bookable) {
    const blocking = items.filter((i) => blocks(i, ctx.role)).map((i) => i.item);
    const event = { type: 'bookability.changed', data: { candidateId: m.candidateId, membershipId: m.id, role: ctx.role, bookable: summary.bookable, blockedBy: blocking, at: at.toISOString() } };
    await executeStatement(tx, `with ${webhookCtes('$1', '$2', '$3', 'true')} select 1`,
      [JSON.stringify([{ type: event.type, payload: webhookPayload(event as never, at) }]), at.toISOString(), app.settings.webhooks?.maxAttempts ?? 15]);
  }
  return { ...summary, role: ctx.role };
}

export interface StartMembership { candidateId: string; journeyId: string; input: Omit<MembershipInput, 'at'>; at: Date; actor: Actor }

/** Opens a member's membership; a second start for the same member does nothing (returns null). */
export async function startMembership(app: AppContext, tx: Tx, s: StartMembership): Promise<MembershipRow | null> {
  const [existing] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.candidateId, s.candidateId));
  if (existing) return null;
  const machine = membershipMachineFor(app.policy);
  const [snapshot, actions] = initialTransition(machine, { ...s.input, at: s.at.toISOString() }) as [AnyMachineSnapshot, { type: string; params?: unknown }[]];
  const [row] = await tx.insert(memberships).values({
    candidateId: s.candidateId, journeyId: s.journeyId, machineVersion: MEMBERSHIP_VERSION, snapshot: machine.getPersistedSnapshot(snapshot),
    version: 1, role: s.input.profession, status: 'compliant', bookable: true, hiredAt: new Date(s.input.hiredAt), createdAt: s.at, updatedAt: s.at,
  }).onConflictDoNothing().returning();
  if (!row) return null;
  await tx.insert(membershipEvents).values({ membershipId: row.id, seq: 1, type: 'membershipStarted', payload: { hiredAt: s.input.hiredAt }, actorType: s.actor.type, actorId: s.actor.id, at: s.at });
  const summary = await writeConsequences(app, tx, { id: row.id, candidateId: s.candidateId, journeyId: s.journeyId, seq: 1, wasBookable: true }, snapshot, actions, s.at);
  const [updated] = await tx.update(memberships).set({ status: summary.status, bookable: summary.bookable, unbookableSince: summary.bookable ? null : s.at })
    .where(eq(memberships.id, row.id)).returning();
  return updated!;
}

export interface MembershipDispatch { expectedVersion?: number | undefined; dropIfRefused?: boolean }

/** An event into a membership, under a row lock, in the caller's transaction. */
export async function dispatchMembership(app: AppContext, tx: Tx, membershipId: string, type: string, data: Record<string, unknown>, actor: Actor, opts: MembershipDispatch = {}): Promise<Written | { accepted: false; membership: MembershipRow }> {
  const [row] = await tx.select().from(memberships).where(eq(memberships.id, membershipId)).for('update');
  if (!row) throw notFound('The membership');
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
    throw new AppError('version_conflict', `The membership is at version ${row.version}, not ${opts.expectedVersion}: reload it and try again.`, { currentVersion: row.version });
  }
  const machine = membershipMachineFor(app.policy);
  let snapshot: AnyMachineSnapshot;
  try {
    snapshot = machine.resolveState(row.snapshot as never) as AnyMachineSnapshot;
  } catch {
    throw new AppError('journey_outdated', `This membership was saved by version ${row.machineVersion} of the membership workflow and cannot be loaded by version ${MEMBERSHIP_VERSION}.`);
  }
  const at = app.clock.now();
  const event = { ...data, type, at: at.toISOString() };
  const why = membershipRefusal(snapshot.context as MembershipContext, type, data, ukDateOf(at), app.policy);
  if (why) {
    if (opts.dropIfRefused) return { accepted: false, membership: row };
    throw new AppError('event_not_allowed', `"${type}" is not allowed with these details: ${why.detail}`, { rule: why.rule, allowed: [], ...(why.field ? { field: why.field } : {}) });
  }
  if (!snapshot.can(event)) {
    if (opts.dropIfRefused) return { accepted: false, membership: row };
    throw new AppError('event_not_allowed', `"${type}" is not possible for this member now${typeof data.item === 'string' ? ` (${data.item})` : ''}.`, { allowed: [] });
  }
  const [next, actions] = pureTransition(machine, snapshot, event);
  const seq = row.version + 1;
  await tx.insert(membershipEvents).values({ membershipId: row.id, seq, type, payload: data, actorType: actor.type, actorId: actor.id, at });
  const summary = await writeConsequences(app, tx, { id: row.id, candidateId: row.candidateId, journeyId: row.journeyId, seq, wasBookable: row.bookable }, next, actions, at);
  const [updated] = await tx.update(memberships).set({
    snapshot: machine.getPersistedSnapshot(next), version: seq, updatedAt: at, role: summary.role, status: summary.status, bookable: summary.bookable,
    unbookableSince: summary.bookable ? null : row.bookable ? at : row.unbookableSince,
  }).where(eq(memberships.id, row.id)).returning();
  return { accepted: true, membership: updated! };
}
