// How long each step waited on the applicant: from what asked them (the offer, interview times
// offered, the checks starting, a query raised on a check) to their own answer in the portal (an
// event whose actor is the applicant), by the month they answered. Shows where chasing is spent.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type ReportParams, bounds, days1, inProgrammes, rowsOf } from './range.js';

const checksStart = ['offerAccepted', 'candidateArrived'];
/** The applicant's event → the events that asked for it (the latest before it counts). */
export const applicantAsks: Record<string, string[]> = {
  offerAccepted: ['offerMade'],
  offerDeclined: ['offerMade'],
  interviewSlotChosen: ['interviewSlotsOffered'],
  'references.refereesProvided': [...checksStart, 'references.concernReviewed'],
  'identity.submitted': [...checksStart, 'identity.queryRaised'],
  'rightToWork.submitted': [...checksStart, 'rightToWork.queryRaised'],
  'registration.submitted': ['registration.queryRaised'],
  'references.submitted': ['references.queryRaised'],
  'workHealth.submitted': [...checksStart, 'workHealth.queryRaised'],
};

export interface ApplicantWaitRow { step: string; count: number; medianDays: number | null; p90Days: number | null }

export async function applicantWaits(db: Db, params: ReportParams): Promise<ApplicantWaitRow[]> {
  const { start, end } = bounds(params);
  const pairs = Object.entries(applicantAsks).flatMap(([answer, asks]) => asks.map((ask) => sql`(${answer}, ${ask})`));
  const rows = await rowsOf<{ step: string; n: number | string; median: number | null; p90: number | null }>(db, sql`
    with asks(answer, ask) as (values ${sql.join(pairs, sql`, `)}),
    answered as materialized (
      select e.journey_id, e.type, e.seq, e.at
      from journey_events e
      join journeys j on j.id = e.journey_id
      where e.actor_type = 'applicant' and e.type in (select answer from asks) and e.at >= ${start} and e.at < ${end}
        and ${inProgrammes(sql`j.programme`, params.programmes)}
    )
    select a.type as step, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from (a.at - asked.at))::float8 / 86400) as median,
           percentile_cont(0.9) within group (order by extract(epoch from (a.at - asked.at))::float8 / 86400) as p90
    from answered a
    cross join lateral (
      select p.at from journey_events p
      where p.journey_id = a.journey_id and p.seq < a.seq and p.type in (select ask from asks where answer = a.type)
      order by p.seq desc limit 1
    ) asked
    group by a.type`);
  const order = Object.keys(applicantAsks);
  return rows.map((r) => ({ step: r.step, count: Number(r.n), medianDays: days1(r.median), p90Days: days1(r.p90) }))
    .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
}
