// HCSWD (DOMAIN.md): the classroom induction and the shadow shifts are completed no earlier than
// their booked days allow; Care Certificate standards are signed off during paid supervised
// work; the trust signs a trainee off only after the minimum hours, and only hours that could
// have been worked since paid work began (the Working Time Regulations' weekly average).
import type { Policy } from '../policy.js';
import { type Rule, refuse } from '../refusal.js';
import { checkNames, type JourneyContext } from '../types.js';
import { addDays, dayOf, daysFrom, longDate, ukDateOf } from '../when.js';
import { happened, inOrder, latestOf } from './dates.js';

/** A booked block of days (induction, shadow shifts) ends no earlier than its last day. */
function completedAfterBlock(what: string, block: (c: JourneyContext) => { startDate: string; days: number } | undefined, field: string): Rule {
  return (context, event) => {
    const booked = block(context);
    if (!booked) return null;
    const day = dayOf(event);
    if (day < booked.startDate) return refuse(`${what}.completedBeforeStart`, `The ${what === 'induction' ? 'induction' : 'shadow shifts'} started on ${longDate(booked.startDate)}: it cannot have been completed on ${longDate(day)}, before it started.`, 'occurredOn');
    const attended = Number(event[field] ?? booked.days);
    const earliest = addDays(booked.startDate, Math.max(1, attended) - 1);
    if (day < earliest) return refuse(`${what}.tooSoon`, `${attended} days from ${longDate(booked.startDate)} cannot be completed before ${longDate(earliest)}.`, 'occurredOn');
    return null;
  };
}

const traineeshipStart = { what: 'paid supervised work began', date: (c: JourneyContext) => c.traineeship?.startedAt };

/** Hours no more than the weekly maximum allows since paid work began. */
function hoursPossible(policy: Policy): Rule {
  return (context, event) => {
    const started = context.traineeship?.startedAt;
    if (!started) return null;
    const weeks = (daysFrom(started, `${dayOf(event)}T12:00:00.000Z`) + 1) / 7;
    const possible = Math.floor(weeks * policy.hcswdMaxWeeklyHours);
    const hours = Number(event.hoursWorked);
    return hours > possible
      ? refuse('hcswd.hoursPossible', `${hours} hours cannot have been worked since paid supervised work began on ${longDate(ukDateOf(started))}: at most ${possible} (${policy.hcswdMaxWeeklyHours} hours a week).`, 'hoursWorked')
      : null;
  };
}

const checksCleared = latestOf('the checks were cleared', ...checkNames.flatMap((c) => [`${c}.cleared`, `${c}.waived`]));
const bookedAfter = (what: string, field: string, after: { what: string; date: (c: JourneyContext) => string | undefined }): Rule => (context, event) => {
  const start = String(event[field]);
  const date = after.date(context);
  const then = date ? ukDateOf(date.length === 10 ? `${date}T12:00:00.000Z` : date) : undefined;
  return then && start < then ? refuse('when.beforePrevious', `The ${what} cannot start on ${longDate(start)}, before ${after.what} (${longDate(then)}).`, field) : null;
};

export const hcswdRuleTable = (policy: Policy): Record<string, Rule[]> => ({
  inductionBooked: [bookedAfter('induction', 'startDate', checksCleared)],
  inductionRebooked: [bookedAfter('induction', 'startDate', checksCleared)],
  inductionCompleted: [inOrder(), completedAfterBlock('induction', (c) => c.induction, 'daysAttended')],
  shadowShiftsBooked: [bookedAfter('shadow shifts', 'startDate', happened('inductionCompleted', 'the induction was completed'))],
  shadowShiftsRebooked: [bookedAfter('shadow shifts', 'startDate', happened('inductionCompleted', 'the induction was completed'))],
  shadowShiftsCompleted: [inOrder(), completedAfterBlock('shadowShifts', (c) => c.supervisedPractice, 'daysCompleted')],
  careStandardSignedOff: [inOrder(traineeshipStart)],
  trustSignedOff: [inOrder(traineeshipStart, happened('careStandardSignedOff', 'the last Care Certificate standard was signed off')), hoursPossible(policy)],
});
