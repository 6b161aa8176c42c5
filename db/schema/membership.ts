import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';
import { journeys } from './journeys.js';

/**
 * A bank member's compliance after hire: one long-lived journey per member (workflows/membership/),
 * its persisted snapshot and version like a hiring journey's, opened from the journey that hired them.
 * `status` is the worst of its items; `bookable` is for the member's own role.
 */
export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  journeyId: uuid('journey_id').notNull().references(() => journeys.id, { onDelete: 'cascade' }),
  machineVersion: integer('machine_version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  version: integer('version').notNull(),
  role: text('role').notNull(),
  status: text('status').notNull(),
  bookable: boolean('bookable').notNull(),
  /** Since when the member has not been bookable (null while bookable). */
  unbookableSince: timestamp('unbookable_since', { withTimezone: true, mode: 'date' }),
  hiredAt: timestamp('hired_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('memberships_candidate_idx').on(t.candidateId),
  index('memberships_status_idx').on(t.status),
]);

/** A membership's history: every accepted event and who sent it. */
export const membershipEvents = pgTable('membership_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [uniqueIndex('membership_events_seq_idx').on(t.membershipId, t.seq)]);

/**
 * One row per member and item, written in the same transaction as the membership's snapshot: the
 * dashboard and bookability read these instead of resolving snapshots. `roles`: the roles for
 * which this item, lapsed, stops bookings.
 */
export const complianceItems = pgTable('compliance_items', {
  membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  candidateId: uuid('candidate_id').notNull(),
  item: text('item').notNull(),
  status: text('status').notNull(),
  owner: text('owner').notNull(),
  dueOn: date('due_on', { mode: 'string' }),
  /** When the item entered its status. */
  since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
  renewedOn: date('renewed_on', { mode: 'string' }),
  evidence: jsonb('evidence'),
  roles: text('roles').array().notNull(),
}, (t) => [
  primaryKey({ columns: [t.membershipId, t.item] }),
  index('compliance_items_candidate_idx').on(t.candidateId),
  // Expiring in the next 30/60/90 days, and overdue by item and owner: ranges on the due date.
  index('compliance_items_due_idx').on(t.dueOn, t.status).where(sql`${t.dueOn} is not null`),
  index('compliance_items_status_idx').on(t.status, t.item, t.owner),
]);
