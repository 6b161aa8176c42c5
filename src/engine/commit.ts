// The write half of dispatch, as one statement: the journey's new snapshot and columns, its
// history event and its jobs. A single statement is atomic on its own, so the common case needs
// no transaction (no BEGIN/COMMIT round trips) and holds no lock while the server computes. It
// applies only if the row still has the version and xmin it was read with: xmin changes with
// every write to the row, including those that keep the version (erasure scrubbing a snapshot),
// so a change computed from a stale read is never written over a newer one.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { ActorType } from './context.js';
import type { JourneyRow, LoadedJourney } from './dispatch.js';
import { type JobWrites, jobsCtes } from './effects.js';

export interface EventCommit {
  from: LoadedJourney;
  to: JourneyRow;
  event: { type: string; payload: unknown; actorType: ActorType; actorId: string | null };
  jobs: JobWrites;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** True when written; false when the row changed since it was read (the caller reads again). */
export async function commitEvent(db: DbOrTx, c: EventCommit): Promise<boolean> {
  const { from, to, event } = c;
  const result = await db.execute(sql`with updated as (
    update journeys set snapshot = ${JSON.stringify(to.snapshot)}::jsonb, state = ${to.state}, stage = ${to.stage}, status = ${to.status},
      owner = ${to.owner}, version = ${to.version}::int, machine_version = ${to.machineVersion}::int, updated_at = ${iso(to.updatedAt)}::timestamptz,
      stage_entered_at = ${iso(to.stageEnteredAt)}::timestamptz, closed_at = ${iso(to.closedAt)}::timestamptz,
      exit_stage = ${to.exitStage}, exit_reason = ${to.exitReason}
    where id = ${from.id}::uuid and version = ${from.version}::int and xmin = ${from.xmin}::xid
    returning id
  ), event as (
    insert into journey_events (journey_id, seq, type, payload, actor_type, actor_id, from_state, to_state, from_stage, to_stage, at)
    select id, ${to.version}::int, ${event.type}, ${JSON.stringify(event.payload)}::jsonb, ${event.actorType}, ${event.actorId},
      ${from.state}, ${to.state}, ${from.stage}, ${to.stage}, ${iso(to.updatedAt)}::timestamptz from updated
  ), ${jobsCtes(c.jobs, sql`exists (select 1 from updated)`)}
  select count(*)::int as n from updated`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]?.n === 1;
}
