// The OSCE dates of a cohort as an iCalendar feed that calendar apps subscribe to: one all-day
// event per sitting (each attempt sat, and the one booked next). A sitting's UID is the journey
// and the attempt number, so a rebooking or a result updates the same event.
import { icsCalendar } from '../../email/ics.js';
import type { MemberRow } from './milestones.js';

const results = { booked: 'booked', passed: 'passed', failed: 'not passed' } as const;

export function osceCalendar(cohort: { id: string; name: string }, rows: MemberRow[], host: string, now: Date): string {
  return icsCalendar({
    method: 'PUBLISH',
    prodId: '-//Intake//NHS Staff Bank cohorts//EN',
    feed: { name: `OSCE dates: ${cohort.name}`, refreshHours: 1 },
    events: rows.flatMap((r) => (r.journeyId ? r.milestones.osce.sittings : []).map((s) => ({
      uid: `osce-${r.journeyId}-${s.n}@${host}`,
      stamp: now,
      lastModified: s.changedAt,
      start: s.date,
      allDay: true,
      summary: `OSCE attempt ${s.n}: ${r.fullName} (${results[s.result]})`,
      location: s.centre,
      description: `${r.fullName}, ${cohort.name}. NMC test of competence part 2, attempt ${s.n}: ${results[s.result]}.`,
      transparent: true,
    }))),
  });
}
