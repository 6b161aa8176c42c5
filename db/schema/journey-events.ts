import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { journeys } from './journeys.js';

/** The audit trail: every accepted event, who sent it, and the state before and after. */
export const journeyEvents = pgTable('journey_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  journeyId: uuid('journey_id').notNull().references(() => journeys.id, { onDelete: 'cascade' }),
  /** The journey version this event produced: unique per journey, so no version is written twice. */
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  fromStage: text('from_stage'),
  toStage: text('to_stage').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('journey_events_seq_idx').on(t.journeyId, t.seq),
  // Reports read (type, at) ranges and need only the journey: journey_id makes them index-only.
  index('journey_events_type_idx').on(t.type, t.at, t.journeyId),
  // The funnel asks which stages each journey reached: only events that changed stage.
  // Pollers (`updatedSince`): journeys with an event since a time. Append-only, so the cost is
  // one index entry per event; an index on journeys.updated_at would stop HOT updates (0006).
  index('journey_events_at_idx').on(t.at, t.journeyId),
  index('journey_events_stage_changes_idx').on(t.journeyId, t.toStage).where(sql`${t.fromStage} is distinct from ${t.toStage}`),
]);
