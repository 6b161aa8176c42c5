// Membership after hire: a long-lived journey per bank member, started when a journey reaches
// `hired`. Each compliance item is its own region that moves between in date, due soon, overdue
// and suspended on timers set from the evidence dates and the policy: due soon sends the member a
// reminder at each configured offset and the compliance team an alert; at expiry it is overdue
// (the member is not bookable for the roles that need the item). New evidence renews an item;
// a DBS on the Update Service is renewed by a status check instead. Pure, like every machine.
import { and, assign, setup } from 'xstate';
import { type Policy, defaultPolicy } from '../policy.js';
import type { Profession, StateConfig } from '../types.js';
import { addDays, ukDateOf } from '../when.js';
import { type ComplianceItem, type ItemRecord, complianceItems, dueAfterRenewal, leadDays, statusOn } from './items.js';

export const MEMBERSHIP_VERSION = 1;

/** An item's region: state keys may not hold dots (xstate reads them as paths). */
export const regionOf = (item: ComplianceItem): string => item.replace('.', '-');

export interface MembershipContext {
  profession: Profession;
  /** The role the member works now (their profession, until a change of role). */
  role: Profession;
  hiredAt: string;
  items: Record<ComplianceItem, ItemRecord>;
}
export interface MembershipInput { profession: Profession; hiredAt: string; items: Record<ComplianceItem, ItemRecord>; at: string }
export interface MembershipEvent { type: string; at?: string; [field: string]: unknown }

type Args = { context: MembershipContext; event: MembershipEvent };
type ItemParams = { item: ComplianceItem };

const DAY = 24 * 60 * 60 * 1000;
/** The time the machine is at: the event's stamp (the engine stamps every event), or the start's. */
const nowOf = (event: MembershipEvent): string => event.at ?? (event as { input?: { at: string } }).input?.at ?? new Date(0).toISOString();
const midnight = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const until = (event: MembershipEvent, instant: number) => Math.max(0, instant - Date.parse(nowOf(event)));
const today = (event: MembershipEvent) => ukDateOf(nowOf(event));

const record = (context: MembershipContext, item: ComplianceItem, change: Partial<ItemRecord>) =>
  ({ items: { ...context.items, [item]: { ...context.items[item], ...change } } });

/** The evidence fields an event carries (everything but its type, item and stamps). */
function evidenceOf(event: MembershipEvent): Record<string, unknown> {
  const { type: _t, at: _a, item: _i, actor: _actor, ...rest } = event;
  return rest;
}

export function membershipMachine(policy: Policy = defaultPolicy) {
  const dueOf = (context: MembershipContext, item: ComplianceItem) => context.items[item].dueOn;
  const delays: Record<string, (args: Args) => number> = {};
  const offsets = [...new Set([...policy.complianceReminderDays, ...policy.complianceAlertDays])];
  for (const item of complianceItems) {
    delays[`${item}:dueSoon`] = ({ context, event }) => until(event, midnight(addDays(dueOf(context, item) ?? '9999-12-31', -leadDays(item, policy))));
    delays[`${item}:expiry`] = ({ context, event }) => until(event, midnight(addDays(dueOf(context, item) ?? '9999-12-31', 1)));
    for (const d of offsets) delays[`${item}:before:${d}`] = ({ context, event }) => until(event, midnight(addDays(dueOf(context, item) ?? '9999-12-31', -d)) + 8 * 60 * 60 * 1000);
  }
  const is = (status: string) => ({ context, event }: Args, { item }: ItemParams) => statusOn(context.items[item], item, today(event), policy) === status;

  return setup({
    types: { context: {} as MembershipContext, events: {} as MembershipEvent, input: {} as MembershipInput },
    guards: {
      forItem: ({ event }: Args, { item }: ItemParams) => event.item === item,
      /** In date with no expiry (occupational health, a permission without time limit): nothing to time. */
      hasNoExpiry: ({ context }: Args, { item }: ItemParams) => context.items[item].dueOn === null,
      isSuspended: is('suspended'), isNotRequired: is('not_required'), isOverdue: is('overdue'), isDueSoon: is('due_soon'),
      /** A reminder whose day passed before the item became due soon is not sent late. */
      onTime: ({ context, event }: Args, { item, days }: ItemParams & { days: number }) =>
        Date.parse(nowOf(event)) < midnight(addDays(dueOf(context, item) ?? '9999-12-31', -days)) + DAY,
      newInformation: ({ event }: Args) => event.result === 'new_information',
      onUpdateService: ({ context }: Args) => context.items.dbs.updateService === true,
    },
    actions: {
      renew: assign(({ context, event }: Args, { item }: ItemParams) => {
        const evidence = evidenceOf(event);
        const renewedOn = String(evidence.completedOn ?? evidence.checkedOn ?? evidence.issueDate ?? evidence.assessedOn ?? today(event));
        return record(context, item, { evidence, renewedOn, dueOn: dueAfterRenewal(item, evidence, policy), suspended: null });
      }),
      /** An Update Service check that found no new information renews the DBS for another year from the check. */
      statusChecked: assign(({ context, event }: Args) => {
        const evidence = { ...context.items.dbs.evidence, statusCheckedOn: event.checkedOn, result: event.result };
        return record(context, 'dbs', { evidence, renewedOn: String(event.checkedOn), dueOn: dueAfterRenewal('dbs', evidence, policy) });
      }),
      consentToUpdateService: assign(({ context, event }: Args) => record(context, 'dbs', {
        updateService: true, evidence: { ...context.items.dbs.evidence, updateServiceSubscribedOn: event.subscribedOn },
      })),
      suspend: assign(({ context, event }: Args, { item }: ItemParams) =>
        record(context, item, { suspended: { reason: String(event.reason ?? 'New information to review'), since: today(event) } })),
      reinstate: assign(({ context }: Args, { item }: ItemParams) => record(context, item, { suspended: null })),
      /** A change of role: occupational health is reassessed for it within the policy's days. */
      changeRole: assign(({ context, event }: Args) => ({
        role: event.role as Profession,
        ...record(context, 'workHealth', { dueOn: addDays(String(event.effectiveOn ?? today(event)), policy.workHealthReassessDays) }),
      })),
    },
    delays: delays as never,
  }).createMachine({
    id: 'membership',
    type: 'parallel',
    context: ({ input }) => ({ profession: input.profession, role: input.profession, hiredAt: input.hiredAt, items: input.items }),
    states: Object.fromEntries(complianceItems.map((item) => [regionOf(item), itemRegion(item, policy, offsets)])) as never,
  });
}

const email = (template: string, to: 'candidate' | 'compliance', item: ComplianceItem, days?: number) =>
  ({ type: 'email', params: { template, to, item, ...(days !== undefined ? { days } : {}) } });

/** One item's region: assessed on entry and on every change, then timed from its due date. */
function itemRegion(item: ComplianceItem, policy: Policy, offsets: number[]): StateConfig {
  const p = { item };
  const reminders = Object.fromEntries(offsets.map((days) => [`${item}:before:${days}`, {
    guard: { type: 'onTime', params: { item, days } },
    actions: [
      ...(policy.complianceReminderDays.includes(days) ? [email('complianceReminder', 'candidate', item, days)] : []),
      ...(policy.complianceAlertDays.includes(days) ? [email('complianceAlert', 'compliance', item, days)] : []),
    ],
  }]));
  const on: StateConfig = {
    itemRenewed: { guard: { type: 'forItem', params: p }, target: '.assessing', reenter: true, actions: [{ type: 'renew', params: p }] },
    itemSuspended: { guard: { type: 'forItem', params: p }, target: '.assessing', reenter: true, actions: [{ type: 'suspend', params: p }, email('complianceSuspended', 'candidate', item)] },
    itemReinstated: { guard: { type: 'forItem', params: p }, target: '.assessing', reenter: true, actions: [{ type: 'reinstate', params: p }] },
  };
  if (item === 'dbs') {
    on.dbsStatusChecked = [
      // Only with the member's consent, whatever the check finds (a check without it is not lawful).
      { guard: and(['onUpdateService', 'newInformation']), target: '.assessing', reenter: true, actions: ['statusChecked', { type: 'suspend', params: p }, email('complianceAlert', 'compliance', item)] },
      { guard: 'onUpdateService', target: '.assessing', reenter: true, actions: ['statusChecked'] },
    ];
    on.updateServiceConsented = { actions: ['consentToUpdateService'] };
  }
  if (item === 'workHealth') on.roleChanged = { target: '.assessing', reenter: true, actions: ['changeRole'] };
  return {
    initial: 'assessing',
    on,
    states: {
      assessing: {
        always: [
          { guard: { type: 'isSuspended', params: p }, target: 'suspended' },
          { guard: { type: 'isNotRequired', params: p }, target: 'notRequired' },
          { guard: { type: 'isOverdue', params: p }, target: 'overdue' },
          { guard: { type: 'isDueSoon', params: p }, target: 'dueSoon' },
          { guard: { type: 'hasNoExpiry', params: p }, target: 'inDate' },
          { target: 'compliant' },
        ],
      },
      notRequired: {},
      inDate: {},
      compliant: { after: { [`${item}:dueSoon`]: 'assessing' } },
      dueSoon: {
        entry: [email('complianceDue', 'candidate', item)],
        after: { ...reminders, [`${item}:expiry`]: 'assessing' },
      },
      overdue: { entry: [email('complianceOverdue', 'candidate', item), email('complianceOverdue', 'compliance', item)] },
      suspended: {},
    },
  };
}

export type MembershipMachine = ReturnType<typeof membershipMachine>;
