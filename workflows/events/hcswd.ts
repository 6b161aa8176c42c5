// Events of the Healthcare Support Worker Development programme: screening without care
// experience, the assessment day, induction, shadow shifts, the Care Certificate and trust sign-off.
import { z } from 'zod';
import { careCertificateStandards } from '../vocabulary.js';
import { defaultPolicy } from '../policy.js';
import { addDays } from '../when.js';
import type { EventCatalog } from './types.js';
import { dateAfter, dateTimeAfter, isoDate, isoDateTime, note, occurredOn, shortText, exampleValueScores, nhsValueScores } from './fields.js';

const percent = z.number().int().min(0).max(100);
const daysCount = z.number().int().min(0).max(60);

const assessmentBooking = z.strictObject({ assessmentAt: isoDateTime, location: shortText, note });
const inductionBooking = z.strictObject({ startDate: isoDate, venue: shortText, note });
const shadowShiftBooking = z.strictObject({ startDate: isoDate, ward: shortText, note });

export const hcswdEvents: EventCatalog = {
  hcswdScreeningPassed: {
    label: 'Pass screening (support worker programme)',
    intent: 'advance',
    schema: z.strictObject({
      sharesNhsValues: z.boolean(),
      rightToWork: z.boolean(),
      weeklyHoursAvailable: z.number().min(0).max(60),
      occurredOn,
      note,
    }),
    example: () => ({ sharesNhsValues: true, rightToWork: true, weeklyHoursAvailable: 37.5 }),
    rule: 'The candidate must share the NHS values, have the right to work in the UK and be available for the minimum weekly hours.',
  },
  assessmentScheduled: {
    label: 'Schedule assessment (interview and tests)',
    intent: 'advance',
    schema: assessmentBooking,
    example: (_, at) => ({ assessmentAt: dateTimeAfter(at, 5), location: 'Education Centre, Room 3' }),
  },
  assessmentRescheduled: {
    label: 'Reschedule assessment',
    intent: 'hold',
    schema: assessmentBooking,
    example: (_, at) => ({ assessmentAt: dateTimeAfter(at, 8), location: 'Education Centre, Room 3' }),
  },
  assessmentPassed: {
    label: 'Record assessment passed',
    intent: 'advance',
    // Values-based interview against the six NHS Constitution values, plus the two tests.
    schema: z.strictObject({
      valueScores: nhsValueScores,
      literacyScore: percent,
      numeracyScore: percent,
      occurredOn,
      note,
    }),
    example: () => ({
      valueScores: exampleValueScores,
      literacyScore: 78,
      numeracyScore: 72,
    }),
    rule: 'Every NHS value, the literacy test and the numeracy test must each reach the pass mark.',
  },
  inductionBooked: {
    label: 'Book classroom induction',
    intent: 'advance',
    schema: inductionBooking,
    example: (_, at) => ({ startDate: dateAfter(at, 14), venue: 'Education Centre, Main Building' }),
  },
  inductionRebooked: {
    label: 'Rebook classroom induction',
    intent: 'hold',
    schema: inductionBooking,
    example: (_, at) => ({ startDate: dateAfter(at, 21), venue: 'Education Centre, Main Building' }),
  },
  inductionCompleted: {
    label: 'Classroom induction completed',
    intent: 'advance',
    schema: z.strictObject({ daysAttended: daysCount, occurredOn, note }),
    example: (ctx) => {
      const days = ctx.induction?.days ?? defaultPolicy.hcswdInductionDays;
      return { daysAttended: days, ...(ctx.induction ? { occurredOn: addDays(ctx.induction.startDate, days - 1) } : {}) };
    },
    rule: 'Every day of the classroom induction must be attended, and it is completed no earlier than its last day.',
  },
  shadowShiftsBooked: {
    label: 'Book shadow shifts',
    intent: 'advance',
    schema: shadowShiftBooking,
    example: (_, at) => ({ startDate: dateAfter(at, 7), ward: 'Ward 12, Acute Medicine' }),
  },
  shadowShiftsRebooked: {
    label: 'Rebook shadow shifts',
    intent: 'hold',
    schema: shadowShiftBooking,
    example: (_, at) => ({ startDate: dateAfter(at, 14), ward: 'Ward 12, Acute Medicine' }),
  },
  shadowShiftsCompleted: {
    label: 'Shadow shifts completed',
    intent: 'advance',
    schema: z.strictObject({ daysCompleted: daysCount, occurredOn, note }),
    example: (ctx) => {
      const days = ctx.supervisedPractice?.days ?? defaultPolicy.hcswdShadowShiftDays;
      return { daysCompleted: days, ...(ctx.supervisedPractice ? { occurredOn: addDays(ctx.supervisedPractice.startDate, days - 1) } : {}) };
    },
    rule: 'Every booked day of supervised ward practice must be completed, no earlier than its last day.',
  },
  careStandardSignedOff: {
    label: 'Care Certificate standard signed off',
    intent: 'advance',
    schema: z.strictObject({ standard: z.enum(careCertificateStandards), assessor: shortText.optional(), occurredOn, note }),
    example: (ctx) => ({ standard: careCertificateStandards.find((s) => !ctx.careStandardsSignedOff.includes(s)) ?? careCertificateStandards[0] }),
    rule: 'Each Care Certificate standard is signed off once.',
  },
  trustSignedOff: {
    label: 'Trust sign-off (graduate to support worker)',
    intent: 'advance',
    schema: z.strictObject({ hoursWorked: z.number().min(0).max(10000), signedOffBy: shortText, occurredOn, note }),
    example: (ctx) => ({ hoursWorked: ctx.traineeship?.hoursRequired ?? defaultPolicy.hcswdSignOffMinHours, signedOffBy: 'Practice Development Lead' }),
    rule: 'All 15 Care Certificate standards must be signed off and the minimum supervised hours worked — hours that could have been worked since paid work began.',
  },
};
