// The funnel and drop-out, for the journeys that applied in the range (a cohort by application
// month): how many reached each stage of the programme (in the machine's stage order, ending
// with `hired`), how many left at each stage and how, and the top withdrawal reasons.
import { sql } from 'drizzle-orm';
import type { AnyStateMachine } from 'xstate';
import type { Db } from '../../../db/client.js';
import { stageOrder } from '../../../workflows/inspect.js';
import type { Programme } from '../../../workflows/types.js';
import { ERASED } from '../privacy/scrub.js';
import { type ReportParams, bounds, inProgrammes, rowsOf } from './range.js';

export interface FunnelStage {
  stage: string;
  /** Journeys with an event that entered this stage. */
  reached: number;
  /** Share of the programme's applications that reached it, 0–1. */
  reachedShare: number | null;
  withdrawn: number;
  rejected: number;
  /** Closed by the process (an offer that expired, a regulator that refused…). */
  closed: number;
  /** Moved to another programme (a domestic applicant without care experience to HCSWD): not a drop-out. */
  moved: number;
  /** Left here (withdrawn + rejected + closed) as a share of those who reached it, 0–1. */
  leftShare: number | null;
}
export interface Funnel { programme: Programme; applications: number; stages: FunnelStage[] }

export interface ReasonRow { programme: string; reason: string; count: number; share: number | null }

/** Shown instead of the reason of a candidate whose personal data was erased. */
const ERASED_REASON = 'not kept (erased)';
const NO_REASON = 'no reason given';

const exitKinds = ['withdrawn', 'rejected', 'closed'] as const;

export async function funnel(db: Db, machines: Record<Programme, AnyStateMachine>, params: ReportParams): Promise<Funnel[]> {
  const { start, end } = bounds(params);
  // Stage changes only (the first event enters `application`): distinct journeys per stage.
  const reached = await rowsOf<{ programme: string; stage: string; n: number | string }>(db, sql`
    select j.programme, e.to_stage as stage, count(distinct e.journey_id)::int as n
    from journeys j
    join journey_events e on e.journey_id = j.id
    where j.created_at >= ${start} and j.created_at < ${end}
      and ${inProgrammes(sql`j.programme`, params.programmes)}
      and e.from_stage is distinct from e.to_stage -- as the partial index journey_events_stage_changes_idx
    group by j.programme, e.to_stage`);
  // How each finished journey ended, by the stage it was at. A journey replaced by another
  // (superseded) moved programme rather than dropped out.
  const left = await rowsOf<{ programme: string; stage: string; kind: string; n: number | string }>(db, sql`
    select programme, exit_stage as stage,
           case when superseded_at is not null then 'moved' else status end as kind,
           count(*)::int as n
    from journeys
    where created_at >= ${start} and created_at < ${end}
      and ${inProgrammes(sql`programme`, params.programmes)}
      and status in ('withdrawn', 'rejected', 'closed')
    group by 1, 2, 3`);

  return params.programmes.map((programme) => {
    const stages = [...stageOrder(machines[programme]), 'hired'];
    const reachedOf = (stage: string) => Number(reached.find((r) => r.programme === programme && r.stage === stage)?.n ?? 0);
    const leftOf = (stage: string, kind: string) => Number(left.find((r) => r.programme === programme && r.stage === stage && r.kind === kind)?.n ?? 0);
    const applications = reachedOf('application');
    return {
      programme, applications,
      stages: stages.map((stage): FunnelStage => {
        const n = reachedOf(stage);
        const [withdrawn, rejected, closed] = exitKinds.map((k) => leftOf(stage, k)) as [number, number, number];
        return {
          stage, reached: n, reachedShare: applications ? n / applications : null,
          withdrawn, rejected, closed, moved: leftOf(stage, 'moved'),
          leftShare: n ? (withdrawn + rejected + closed) / n : null,
        };
      }),
    };
  });
}

/**
 * The most common withdrawal reasons per programme (exact text, trimmed), most frequent first
 * (ties in code-point order, the same on every server).
 * Erased candidates' reasons were replaced by `[erased]`: they are grouped as "not kept (erased)".
 */
export async function withdrawalReasons(db: Db, params: ReportParams, top = 10): Promise<ReasonRow[]> {
  const { start, end } = bounds(params);
  const rows = await rowsOf<{ programme: string; reason: string; n: number | string; total: number | string }>(db, sql`
    select programme, reason, n, total from (
      select programme, reason, count(*)::int as n,
             (sum(count(*)) over (partition by programme))::int as total,
             row_number() over (partition by programme order by count(*) desc, reason collate "C") as rank
      from (
        select programme, coalesce(nullif(btrim(exit_reason), ''), '') as reason
        from journeys
        where created_at >= ${start} and created_at < ${end}
          and ${inProgrammes(sql`programme`, params.programmes)}
          and status = 'withdrawn'
      ) w
      group by programme, reason
    ) ranked
    where rank <= ${top}
    order by programme, n desc, reason collate "C"`);
  const order = (p: string) => params.programmes.indexOf(p as Programme);
  return rows.sort((a, b) => order(a.programme) - order(b.programme)).map((r) => ({
    programme: r.programme,
    reason: r.reason === ERASED ? ERASED_REASON : r.reason === '' ? NO_REASON : r.reason,
    count: Number(r.n),
    share: Number(r.total) ? Number(r.n) / Number(r.total) : null,
  }));
}
