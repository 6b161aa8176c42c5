// Time to hire (application → conditional offer) and time to fill (application → first shift
// worked), per programme and month of the completing event, against the 8-week target.
//
// One statement each, all in SQL: the first completing event per journey comes from the
// (type, at) index of journey_events, so only those events are read (not the million others);
// each is joined to its journey for the application time, and percentile_cont gives the median
// and 90th percentile per group. Grouping sets add each programme's whole range and the total.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type ReportParams, TARGET_DAYS, bounds, days1, happenedSql, inProgrammes, monthSql, programmeOrder, rowsOf } from './range.js';

export const milestones = {
  hire: { event: 'offerMade', label: 'Time to hire', to: 'conditional offer' },
  fill: { event: 'firstShiftWorked', label: 'Time to fill', to: 'first shift worked' },
} as const;
export type Milestone = keyof typeof milestones;

export interface DurationRow {
  /** null: every programme in the report together. */
  programme: string | null;
  /** `YYYY-MM` of the completing event (UK time); null: the whole range. */
  month: string | null;
  count: number;
  medianDays: number | null;
  p90Days: number | null;
  withinTarget: number;
  /** Share of `count` within 8 weeks, 0–1. */
  withinTargetShare: number | null;
}

interface Raw { programme: string | null; month: string | null; n: number | string; median: number | string | null; p90: number | string | null; within: number | string }

export async function durations(db: Db, milestone: Milestone, params: ReportParams): Promise<DurationRow[]> {
  const { start, end } = bounds(params);
  const event = milestones[milestone].event;
  // Both events happen at most once per journey (an offer is made once; the first shift ends the
  // journey), so the range applies to the events themselves: an index range scan on (type, at).
  // They count from the day they happened (recorded late, that is before `at`, never after), so
  // the scan starts at the range's start and the range applies to that day.
  // min() only guards the report against a history that says otherwise.
  const happened = happenedSql(sql`e`);
  const rows = await rowsOf<Raw>(db, sql`
    with firsts as (
      select e.journey_id, min(${happened}) as at
      from journey_events e
      where e.type = ${event} and e.at >= ${start}
      group by e.journey_id
      having min(${happened}) >= ${start} and min(${happened}) < ${end}
    ), d as (
      select j.programme, ${monthSql(sql`f.at`)} as month,
             extract(epoch from (f.at - j.created_at))::float8 / 86400 as days
      from firsts f
      join journeys j on j.id = f.journey_id
      where ${inProgrammes(sql`j.programme`, params.programmes)}
    )
    select programme, month, count(*)::int as n,
           percentile_cont(0.5) within group (order by days) as median,
           percentile_cont(0.9) within group (order by days) as p90,
           (count(*) filter (where days <= ${TARGET_DAYS}))::int as within
    from d
    group by grouping sets ((programme, month), (programme), ())`);
  // With one programme, its own total is the grand total: keep one of them.
  return rows.filter((r) => Number(r.n) > 0 && (params.programmes.length > 1 || r.programme !== null)).sort((a, b) =>
    programmeOrder(params.programmes, a.programme) - programmeOrder(params.programmes, b.programme)
    || (a.month ?? '9999').localeCompare(b.month ?? '9999')).map((r) => {
    const count = Number(r.n);
    const within = Number(r.within);
    return {
      programme: r.programme, month: r.month, count,
      medianDays: days1(r.median), p90Days: days1(r.p90),
      withinTarget: within, withinTargetShare: count ? within / count : null,
    };
  });
}

export const timeToHire = (db: Db, params: ReportParams) => durations(db, 'hire', params);
export const timeToFill = (db: Db, params: ReportParams) => durations(db, 'fill', params);
