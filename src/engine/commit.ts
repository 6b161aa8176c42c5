// The write half of dispatch, as one statement: the journey's new snapshot and columns, its
// history event and its jobs. A single statement is atomic on its own, so the common case needs
// no transaction (no BEGIN/COMMIT round trips) and holds no lock while the server computes. It
// applies only if the row still has the version and xmin it was read with: xmin changes with
// every write to the row, including those that keep the version (erasure scrubbing a snapshot),
// so a change computed from a stale read is never written over a newer one.
// Written as text with numbered parameters, not with the query builder: it is sent once per
// event, and assembling it was a tenth of the server's time per event.
import { type DbOrTx, executeStatement } from '../../db/client.js';
import type { ActorType } from './actor.js';
import type { JourneyRow, LoadedJourney } from './rows.js';
import { type JobWrites, jobsCtes, jobsParams } from './effects.js';

export interface EventCommit {
  from: LoadedJourney;
  to: JourneyRow;
  event: { type: string; payload: unknown; actorType: ActorType; actorId: string | null };
  jobs: JobWrites;
}

/** Where the values known only once the row is read sit among the parameters (0-based). */
export const COMMIT_PARAM = { toVersion: 5, fromVersion: 13, xmin: 14, emails: 26 } as const;

export const COMMIT_SQL = `with updated as (
  update journeys set snapshot = $1::jsonb, state = $2, stage = $3, status = $4, owner = $5, version = $6::int,
    machine_version = $7::int, updated_at = $8::timestamptz, stage_entered_at = $9::timestamptz, closed_at = $10::timestamptz,
    exit_stage = $11, exit_reason = $12
  where id = $13::uuid and version = $14::int and xmin = $15::xid
  returning id
), event as (
  insert into journey_events (journey_id, seq, type, payload, actor_type, actor_id, from_state, to_state, from_stage, to_stage, at)
  select id, $6::int, $16, $17::jsonb, $18, $19, $20, $2, $21, $3, $8::timestamptz from updated
), ${jobsCtes(22, 'exists (select 1 from updated)')}
select count(*)::int as n from updated`;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function commitParams({ from, to, event, jobs }: EventCommit): unknown[] {
  return [
    JSON.stringify(to.snapshot), to.state, to.stage, to.status, to.owner, to.version, to.machineVersion, iso(to.updatedAt),
    iso(to.stageEnteredAt), iso(to.closedAt), to.exitStage, to.exitReason, from.id, from.version, from.xmin,
    event.type, JSON.stringify(event.payload), event.actorType, event.actorId, from.state, from.stage,
    ...jobsParams(jobs),
  ];
}

/** True when written; false when the row changed since it was read (the caller reads again). */
export async function commitEvent(db: DbOrTx, c: EventCommit): Promise<boolean> {
  const [row] = await executeStatement<{ n: number }>(db, COMMIT_SQL, commitParams(c));
  return row?.n === 1;
}
