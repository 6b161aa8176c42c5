// "When it happened": an event that records something that happened carries the day it happened,
// so staff can record it late. The field is `occurredOn` (a date, today if left out: the engine
// fills it in before the event is stored); a few events name that day in their own words and
// keep them (an exam's `date` of sitting, a decision letter's `issuedOn`, a move to Band 5's
// `effectiveFrom`, a pre-registration post's `startDate`). Machines read it through `dayOf`, and
// record it in context (`when`) with `happenedAt`, so rules and timers count from that day.
import type { JourneyContext } from './types.js';
import { DAY_MS } from './policy.js';

/** Events whose day of happening has a name of its own; every other dated event uses occurredOn. */
export const dayFields: Readonly<Record<string, string>> = {
  ieltsResult: 'date', oetResult: 'date', cbtPassed: 'date', cbtFailed: 'date', oscePassed: 'date', osceFailed: 'date',
  plab1Passed: 'date', plab1Failed: 'date', plab2Passed: 'date', plab2Failed: 'date',
  decisionLetterIssued: 'issuedOn', movedToBand5: 'effectiveFrom', preRegistrationStarted: 'startDate',
};

export const dayFieldOf = (type: string): string => dayFields[type] ?? 'occurredOn';

// Days are UK days: a recruiter recording something at 00:30 in summer means that day, not the
// UTC day before. One formatter, made once (they are slow to build).
const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The UK date (YYYY-MM-DD) of an instant. */
export const ukDateOf = (at: string | number | Date): string => ukDay.format(new Date(at));

interface Dated { type: string; at: string; [field: string]: unknown }

/** The day the event says it happened, or the day it was recorded. */
export function dayOf(event: Dated): string {
  const day = event[dayFieldOf(event.type)];
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : ukDateOf(event.at);
}

/**
 * The moment to count from: the event's own time when it happened the day it was recorded, else
 * midday (UTC) of the day it happened — inside that UK day whatever the season.
 */
export function happenedAt(event: Dated): string {
  const day = dayOf(event);
  return day === ukDateOf(event.at) ? event.at : `${day}T12:00:00.000Z`;
}

/** The payload as stored: an event that carries `occurredOn` gets today's date when it is left out. */
export function withOccurredOn(hasOccurredOn: boolean, data: Record<string, unknown>, at: string): Record<string, unknown> {
  return hasOccurredOn && data.occurredOn === undefined ? { ...data, occurredOn: ukDateOf(at) } : data;
}

/** When a recorded event type last happened on this journey (an ISO instant), if it has. */
export const whenOf = (context: JourneyContext, type: string): string | undefined => context.when?.[type];

/** Whole days from one date (or instant) to another; negative if `to` is earlier. */
export const daysFrom = (from: string, to: string): number =>
  Math.round((Date.parse(ukDateOf(to)) - Date.parse(ukDateOf(from))) / DAY_MS);

/** A date `n` calendar months after `date` (end of month clamped: 31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00.000Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** "12 March 2026": dates in refusals are read by people. */
// One formatter, made once: toLocaleDateString builds a new one per call (tens of microseconds),
// and a guard's refusal is worded each time the guard is asked, for every event a reply lists.
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export function longDate(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? date : longDay.format(d);
}
