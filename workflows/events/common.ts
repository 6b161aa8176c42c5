// Events of the stages every programme shares: screening, interview, offer, onboarding, exits.
import { z } from 'zod';
import { registrationBodies, registrationExampleFor } from '../rules.js';
import { trainingModules } from '../vocabulary.js';
import { interviewSlotChoice, interviewSlotsOffer } from '../standards/interview-slots.js';
import type { EventCatalog } from './types.js';
import { dateAfter, dateTimeAfter, happenedWithNote, isoDate, isoDateTime, none, note, occurredOn, reason, shortText, withReason, exampleValueScores, nhsValueScores } from './fields.js';

const percent = z.number().int().min(0).max(100);


export const commonEvents: EventCatalog = {
  screeningStarted: { label: 'Start screening', intent: 'advance', schema: none, example: () => ({}) },
  screeningPassed: {
    label: 'Pass screening',
    intent: 'advance',
    schema: z.strictObject({
      /** Months of UK care experience in the last 2 years (so at most 24). */
      careExperienceMonths: z.number().int().min(0).max(24, 'count the months of UK care experience in the last 2 years (at most 24)'),
      substantive: z.boolean().default(false),
      body: z.enum(registrationBodies).optional(),
      number: z.string().trim().toUpperCase().max(20).optional(),
      occurredOn,
      note,
    }),
    example: (ctx) => ({ careExperienceMonths: 12, substantive: false, ...(registrationExampleFor(ctx.profession) ?? {}) }),
    rule: 'full bank membership needs 6 months’ UK care experience in the last 2 years (an unregistered healthcare assistant without it joins the HCSWD programme), and a registered profession needs a number in its regulator’s format (e.g. NMC 12A3456B, HCPC with the profession’s prefix)',
  },
  redirectedToHcswd: {
    label: 'Redirect to HCSWD programme',
    intent: 'exit',
    schema: z.strictObject({ careExperienceMonths: z.number().int().min(0).max(5), note }),
    rule: 'only unregistered healthcare assistants with under 6 months’ care experience are redirected to HCSWD',
    example: () => ({ careExperienceMonths: 2 }),
  },
  interviewScheduled: {
    label: 'Schedule interview',
    intent: 'advance',
    schema: z.strictObject({ interviewAt: isoDateTime, location: shortText, note }),
    example: (_, at) => ({ interviewAt: dateTimeAfter(at, 3), location: 'Bank office, Level 2, Main Building' }),
  },
  interviewSlotsOffered: {
    label: 'Offer interview times',
    intent: 'hold',
    schema: interviewSlotsOffer,
    rule: 'every time offered must be in the future',
    example: (_, at) => ({ slots: [{ at: dateTimeAfter(at, 3), location: 'Bank office, Level 2, Main Building' }, { at: dateTimeAfter(at, 4), location: 'Bank office, Level 2, Main Building' }] }),
  },
  interviewSlotChosen: {
    label: 'Interview time chosen',
    intent: 'advance',
    schema: interviewSlotChoice,
    rule: 'the time must be one of those offered, still ahead',
    example: (ctx, at) => ({ interviewAt: ctx.interviewSlots?.[0]?.at ?? dateTimeAfter(at, 3) }),
  },
  interviewRescheduled: {
    label: 'Reschedule interview',
    intent: 'hold',
    schema: z.strictObject({ interviewAt: isoDateTime, location: shortText, note }),
    example: (_, at) => ({ interviewAt: dateTimeAfter(at, 5), location: 'Bank office, Level 2, Main Building' }),
  },
  interviewPassed: {
    label: 'Record interview passed',
    intent: 'advance',
    // Values-based recruitment: a score against each of the six NHS Constitution values, plus
    // the literacy and numeracy tests for healthcare assistants.
    schema: z.strictObject({
      scores: nhsValueScores,
      literacyScore: percent.optional(),
      numeracyScore: percent.optional(),
      /** Who sat on the interview panel (names and roles). */
      panel: z.string().trim().max(300).optional(),
      occurredOn,
      note,
    }),
    rule: 'the interview must have taken place, with every NHS value scored at the pass mark (and, for a healthcare assistant, the literacy and numeracy tests passed)',
    example: (ctx) => ({ scores: exampleValueScores, ...(ctx.profession === 'healthcare_assistant' ? { literacyScore: 74, numeracyScore: 68 } : {}) }),
  },
  offerMade: {
    label: 'Make conditional offer',
    intent: 'advance',
    schema: z.strictObject({ band: z.string().trim().max(40).optional(), startDate: isoDate.optional(), occurredOn, note }),
    example: (_, at) => ({ band: 'Bank', startDate: dateAfter(at, 42) }),
  },
  offerAccepted: { label: 'Offer accepted', intent: 'advance', schema: z.strictObject({ occurredOn }), example: () => ({}) },
  offerDeclined: { label: 'Offer declined', intent: 'exit', schema: z.strictObject({ reason, occurredOn }), example: () => ({ reason: 'Accepted another post' }) },
  agreementSigned: { label: 'Bank agreement signed', intent: 'advance', schema: z.strictObject({ occurredOn }), example: () => ({}) },
  enrolled: {
    label: 'Enrolled on bank systems',
    intent: 'advance',
    schema: z.strictObject({ employeeNumber: z.string().trim().max(40).optional(), occurredOn, note }),
    example: () => ({ employeeNumber: 'BANK-000123' }),
  },
  trainingModuleCompleted: {
    label: 'Training module completed',
    intent: 'advance',
    // Statutory and mandatory training, on every programme once the offer is accepted. A module
    // completed before (at another trust) counts while it is within its refresher interval.
    schema: z.strictObject({ module: z.enum(trainingModules), occurredOn }),
    rule: 'each module is recorded once, after the offer is accepted, and counts only within its refresher interval',
    example: (ctx) => ({ module: trainingModules.find((m) => !ctx.trainingCompleted.includes(m)) ?? trainingModules[0] }),
  },
  firstShiftBooked: {
    label: 'Book first shift',
    intent: 'advance',
    schema: z.strictObject({ date: isoDate, ward: shortText, note }),
    rule: 'the first shift is on or after the day the candidate was cleared, while the right to work and the registration hold, and (training unfinished) within the grace weeks',
    example: (_, at) => ({ date: dateAfter(at, 3), ward: 'Ward 12, Acute Medicine' }),
  },
  firstShiftRebooked: {
    label: 'Rebook first shift',
    intent: 'hold',
    schema: z.strictObject({ date: isoDate, ward: shortText, note }),
    rule: 'the first shift is on or after the day the candidate was cleared, while the right to work and the registration hold, and (training unfinished) within the grace weeks',
    example: (_, at) => ({ date: dateAfter(at, 10), ward: 'Ward 12, Acute Medicine' }),
  },
  firstShiftWorked: {
    label: 'First shift worked',
    intent: 'advance',
    schema: happenedWithNote,
    rule: 'the shift is worked no earlier than the day it was booked for, with identity originals seen and the register checked recently',
    // Worked today: offered once the day it was booked for has come.
    example: () => ({}),
  },
  withdrawn: { label: 'Withdraw', intent: 'exit', schema: withReason, example: () => ({ reason: 'Candidate found another role' }) },
  rejected: { label: 'Reject', intent: 'exit', schema: withReason, example: () => ({ reason: 'Did not meet the essential criteria' }) },
};
