// Days in each of the six pre-employment checks: from the journey entering its checks stage
// (`checks`, or `arrival_checks` for international recruits) to that check's `<check>.cleared`
// or `<check>.waived` event. Checks that were not required, or are still open, are not counted.
//
// The clearing events in the range come from the (type, at) index (a check is cleared or waived
// at most once: both are final states of its region); the stage entry of each of those journeys
// from its own first events, in seq order (the (journey_id, seq) index), never from a scan of
// every event. Both CTEs are materialized so each lookup runs once per journey.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type CheckName, checkNames } from '../../../workflows/types.js';
import { type ReportParams, bounds, days1, happenedSql, inProgrammes, programmeOrder, rowsOf } from './range.js';

const checkStages = ['checks', 'arrival_checks'] as const;

export interface CheckRow {
  /** null: every programme in the report together. */
  programme: string | null;
  check: CheckName;
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export async function checkDurations(db: Db, params: ReportParams): Promise<CheckRow[]> {
  const { start, end } = bounds(params);
  const types = checkNames.flatMap((c) => [`${c}.cleared`, `${c}.waived`]);
  const rows = await rowsOf<{ programme: string | null; check: string; n: number | string; median: number | null; p90: number | null }>(db, sql`
    with done as materialized (
      select e.journey_id, split_part(e.type, '.', 1) as check_name, min(${happenedSql(sql`e`)}) as at
      from journey_events e
      where e.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)}) and e.at >= ${start} and e.at < ${end}
      group by e.journey_id, split_part(e.type, '.', 1)
    ), entered as materialized (
      select j.id as journey_id, j.programme, x.at
      from (select distinct journey_id from done) d
      join journeys j on j.id = d.journey_id
      cross join lateral (
        select s.at from journey_events s
        where s.journey_id = j.id
          and s.to_stage in (${sql.join(checkStages.map((s) => sql`${s}`), sql`, `)})
          and s.from_stage is distinct from s.to_stage
        order by s.seq
        limit 1
      ) x
      where ${inProgrammes(sql`j.programme`, params.programmes)}
    )
    select en.programme, done.check_name as check, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from (done.at - en.at))::float8 / 86400) as median,
           percentile_cont(0.9) within group (order by extract(epoch from (done.at - en.at))::float8 / 86400) as p90
    from done
    join entered en on en.journey_id = done.journey_id
    where done.at >= en.at
    group by grouping sets ((en.programme, done.check_name), (done.check_name))`);
  const order = (c: string) => checkNames.indexOf(c as CheckName);
  return rows
    .filter((r) => params.programmes.length > 1 || r.programme !== null)
    .map((r) => ({ programme: r.programme, check: r.check as CheckName, count: Number(r.n), medianDays: days1(r.median), p90Days: days1(r.p90) }))
    .sort((a, b) => programmeOrder(params.programmes, a.programme) - programmeOrder(params.programmes, b.programme) || order(a.check) - order(b.check));
}
