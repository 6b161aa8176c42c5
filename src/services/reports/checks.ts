// Days in each of the six pre-employment checks: from the journey entering its checks stage
// (`checks`, or `arrival_checks` for international recruits) to that check's `<check>.cleared`
// or `<check>.waived` event. Checks that were not required, or are still open, are not counted.
//
// The clearing events come from the (type, at) index; the stage entry of each of those journeys
// from its own few events (the (journey_id, seq) index), never from a scan of every event.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type CheckName, checkNames } from '../../../workflows/types.js';
import { type ReportParams, bounds, days1, inProgrammes, programmeOrder, rowsOf } from './range.js';

export const checkStages = ['checks', 'arrival_checks'] as const;

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
    with done as (
      select e.journey_id, split_part(e.type, '.', 1) as check_name, min(e.at) as at
      from journey_events e
      where e.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)}) and e.at < ${end}
      group by e.journey_id, split_part(e.type, '.', 1)
    ), entered as (
      select j.id as journey_id, j.programme,
             (select min(s.at) from journey_events s
              where s.journey_id = j.id
                and s.to_stage in (${sql.join(checkStages.map((s) => sql`${s}`), sql`, `)})
                and s.from_stage is distinct from s.to_stage) as at
      from journeys j
      where j.id in (select journey_id from done where at >= ${start})
        and ${inProgrammes(sql`j.programme`, params.programmes)}
    ), d as (
      select en.programme, done.check_name,
             extract(epoch from (done.at - en.at))::float8 / 86400 as days
      from done
      join entered en on en.journey_id = done.journey_id
      where done.at >= ${start} and en.at is not null and done.at >= en.at
    )
    select programme, check_name as check, count(*)::int as n,
           percentile_cont(0.5) within group (order by days) as median,
           percentile_cont(0.9) within group (order by days) as p90
    from d
    group by grouping sets ((programme, check_name), (check_name))`);
  const order = (c: string) => checkNames.indexOf(c as CheckName);
  return rows
    .filter((r) => params.programmes.length > 1 || r.programme !== null)
    .map((r) => ({ programme: r.programme, check: r.check as CheckName, count: Number(r.n), medianDays: days1(r.median), p90Days: days1(r.p90) }))
    .sort((a, b) => programmeOrder(params.programmes, a.programme) - programmeOrder(params.programmes, b.programme) || order(a.check) - order(b.check));
}
