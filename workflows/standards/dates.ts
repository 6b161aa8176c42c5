// When it happened, checked against the journey: not in the future, and not before what it
// follows (an interview passed before it took place, a first shift worked before the day it was
// booked for). Each rule names the step it follows, so the refusal can say so.
import { type Refusal, type Rule, refuse } from '../refusal.js';
import type { JourneyContext } from '../types.js';
import { dayFieldOf, dayOf, longDate, ukDateOf, whenOf } from '../when.js';

/** Something the event comes after, and when it happened on this journey (undefined: unknown). */
export interface Predecessor { what: string; date: (context: JourneyContext) => string | undefined }

/** The day an event type last happened on this journey, as a predecessor. */
export const happened = (type: string, what: string): Predecessor => ({ what, date: (c) => whenOf(c, type) });

export const applied: Predecessor = { what: 'the application was received', date: (c) => c.startedAt };

/** The latest of several predecessors that have happened (for "after every check was cleared"). */
export const latestOf = (what: string, ...types: string[]): Predecessor => ({
  what,
  date: (c) => types.map((t) => whenOf(c, t)).filter((d): d is string => d !== undefined).sort().at(-1),
});

/** The day it happened is not after today (UK time). */
export const notInFuture: Rule = (_, event) => {
  const day = dayOf(event);
  const today = ukDateOf(event.at);
  return day > today ? refuse('when.notInFuture', `The date it happened (${longDate(day)}) cannot be in the future: today is ${longDate(today)}.`, dayFieldOf(event.type)) : null;
};

/** Not in the future, and on or after the day each predecessor happened. */
export function inOrder(...after: Predecessor[]): Rule {
  return (context, event) => notInFuture(context, event) ?? notBefore(context, event, after);
}

function notBefore(context: JourneyContext, event: { type: string; at: string; [k: string]: unknown }, after: Predecessor[]): Refusal | null {
  const day = dayOf(event);
  for (const p of after) {
    const date = p.date(context);
    if (date === undefined) continue;
    const then = ukDateOf(date.length === 10 ? `${date}T12:00:00.000Z` : date);
    if (day < then) return refuse('when.beforePrevious', `It cannot have happened on ${longDate(day)}: that is before ${p.what} (${longDate(then)}).`, dayFieldOf(event.type));
  }
  return null;
}

/** A date field of the payload that may not be in the future (an issue date, a sitting). */
export function dateNotInFuture(field: string, what: string): Rule {
  return (_, event) => {
    const value = event[field];
    const today = ukDateOf(event.at);
    return typeof value === 'string' && value > today ? refuse('when.notInFuture', `${what} (${longDate(value)}) cannot be in the future: today is ${longDate(today)}.`, field) : null;
  };
}
