import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.js';

/**
 * One candidate's run through one programme's machine. `snapshot` is the persisted XState
 * snapshot; state/stage/status/owner are flattened from it for the board and filters. `version`
 * increases by one per accepted event (optimistic concurrency: If-Match).
 */
export const journeys = pgTable('journeys', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id, { onDelete: 'cascade' }),
  programme: text('programme').notNull(),
  machineVersion: integer('machine_version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  state: text('state').notNull(),
  stage: text('stage').notNull(),
  status: text('status').notNull(),
  owner: text('owner').notNull(),
  version: integer('version').notNull(),
  stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  exitStage: text('exit_stage'),
  exitReason: text('exit_reason'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  /**
   * Set when another journey became the candidate's current one (a move to HCSWD), in the same
   * transaction that points candidates.current_journey_id at it: null exactly for current
   * journeys, so the pipeline counts them from one index without joining candidates.
   */
  supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('journeys_candidate_idx').on(t.candidateId),
  index('journeys_board_idx').on(t.programme, t.status, t.stage, t.stageEnteredAt),
  // The candidate list, newest first: one board column (programme + stage), or everything.
  // Ascending on purpose: read backwards, they give ORDER BY … DESC (NULLS FIRST) as queried.
  index('journeys_list_idx').on(t.programme, t.stage, t.createdAt, t.candidateId),
  index('journeys_created_idx').on(t.createdAt, t.candidateId),
  // The pipeline counts: current journeys only, grouped in this order (an index-only scan).
  index('journeys_current_idx').on(t.programme, t.status, t.stage).where(sql`${t.supersededAt} is null`),
]);
