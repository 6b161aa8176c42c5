// Stuck candidates: current, in-progress journeys that have been in their stage longer than the
// stage should take (the board's due days, from the states' meta), longest waiting first.
// One statement over the current in-progress journeys, joined to a small VALUES list of
// (programme, stage, due days) so each stage has its own cut-off; the longest-waiting rows come
// back with the total count.
import { sql } from 'drizzle-orm';
import type { AnyStateMachine } from 'xstate';
import type { Db } from '../../../db/client.js';
import { DAY_MS, type Policy } from '../../../workflows/policy.js';
import type { Programme } from '../../../workflows/types.js';
import { stageDueDays } from '../board/columns.js';
import { inProgrammes, rowsOf } from './range.js';

export interface StuckCandidate {
  candidateId: string;
  fullName: string;
  profession: string;
  programme: string;
  stage: string;
  owner: string;
  stageEnteredAt: Date;
  daysInStage: number;
  dueDays: number;
}
export interface StuckList { total: number; items: StuckCandidate[] }

export interface StuckParams { programmes: readonly Programme[]; now: Date; limit?: number }

export async function stuckCandidates(db: Db, machines: Record<Programme, AnyStateMachine>, policy: Policy, params: StuckParams): Promise<StuckList> {
  const due = params.programmes.flatMap((p) => Object.entries(stageDueDays(machines[p], policy)).map(([stage, days]) => ({ programme: p, stage, days })));
  if (due.length === 0) return { total: 0, items: [] };
  const now = params.now.toISOString();
  const values = sql.join(due.map((d) => sql`(${d.programme}, ${d.stage}, ${d.days}::int)`), sql`, `);
  const rows = await rowsOf<{
    candidate_id: string; full_name: string; profession: string; programme: string; stage: string; owner: string;
    entered_ms: number | string; due_days: number | string; total: number | string;
  }>(db, sql`
    with late as (
      select j.candidate_id, j.programme, j.stage, j.owner, j.stage_entered_at, j.id, d.due_days
      from journeys j
      join (values ${values}) as d(programme, stage, due_days) on d.programme = j.programme and d.stage = j.stage
      where j.superseded_at is null and j.status = 'in_progress'
        and ${inProgrammes(sql`j.programme`, params.programmes)}
        and j.stage_entered_at < ${now}::timestamptz - make_interval(days => d.due_days)
    )
    select l.candidate_id, c.full_name, c.profession, l.programme, l.stage, l.owner,
           extract(epoch from l.stage_entered_at)::float8 * 1000 as entered_ms, l.due_days,
           (select count(*) from late)::int as total
    from late l
    join candidates c on c.id = l.candidate_id
    order by l.stage_entered_at, l.id
    limit ${params.limit ?? 100}`);
  const total = Number(rows[0]?.total ?? 0);
  return {
    total,
    items: rows.map((r) => {
      const entered = new Date(Math.round(Number(r.entered_ms)));
      return {
        candidateId: r.candidate_id, fullName: r.full_name, profession: r.profession, programme: r.programme, stage: r.stage, owner: r.owner,
        stageEnteredAt: entered, daysInStage: Math.floor((params.now.getTime() - entered.getTime()) / DAY_MS), dueDays: Number(r.due_days),
      };
    }),
  };
}
