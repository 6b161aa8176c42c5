// Events of the stages every programme shares: screening, interview, offer, onboarding, exits.
import { z } from 'zod';
import { registrationBodies, registrationExampleFor } from '../rules.js';
import { trainingModules } from '../stages.js';
import type { EventCatalog } from './types.js';
import { dateAfter, dateTimeAfter, isoDate, isoDateTime, none, note, shortText, withReason, exampleValueScores, nhsValueScores } from './fields.js';


export const commonEvents: EventCatalog = {
  screeningStarted: { label: 'Start screening', intent: 'advance', schema: none, example: () => ({}) },
  screeningPassed: {
    label: 'Pass screening',
    intent: 'advance',
    schema: z.strictObject({
      careExperienceMonths: z.number().int().min(0).max(600),
      substantive: z.boolean().default(false),
      body: z.enum(registrationBodies).optional(),
      number: z.string().trim().toUpperCase().max(20).optional(),
      note,
    }),
    example: (ctx) => ({ careExperienceMonths: 12, substantive: false, ...(registrationExampleFor(ctx.profession) ?? {}) }),
    rule: 'a registered profession needs a number in its regulator’s format (e.g. NMC 12A3456B, HCPC with the profession’s prefix); an unregistered healthcare assistant needs 6 months’ care experience or the HCSWD programme',
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
  interviewRescheduled: {
    label: 'Reschedule interview',
    intent: 'hold',
    schema: z.strictObject({ interviewAt: isoDateTime, location: shortText, note }),
    example: (_, at) => ({ interviewAt: dateTimeAfter(at, 5), location: 'Bank office, Level 2, Main Building' }),
  },
  interviewPassed: {
    label: 'Record interview passed',
    intent: 'advance',
    // Values-based recruitment: scores against the six NHS Constitution values.
    schema: z.strictObject({
      scores: nhsValueScores.optional(),
      note,
    }),
    example: () => ({ scores: exampleValueScores }),
  },
  offerMade: {
    label: 'Make conditional offer',
    intent: 'advance',
    schema: z.strictObject({ band: z.string().trim().max(40).optional(), startDate: isoDate.optional(), note }),
    example: (_, at) => ({ band: 'Bank', startDate: dateAfter(at, 42) }),
  },
  offerAccepted: { label: 'Offer accepted', intent: 'advance', schema: none, example: () => ({}) },
  offerDeclined: { label: 'Offer declined', intent: 'exit', schema: withReason, example: () => ({ reason: 'Accepted another post' }) },
  agreementSigned: { label: 'Bank agreement signed', intent: 'advance', schema: none, example: () => ({}) },
  enrolled: {
    label: 'Enrolled on bank systems',
    intent: 'advance',
    schema: z.strictObject({ employeeNumber: z.string().trim().max(40).optional(), note }),
    example: () => ({ employeeNumber: 'BANK-000123' }),
  },
  trainingModuleCompleted: {
    label: 'Training module completed',
    intent: 'advance',
    schema: z.strictObject({ module: z.enum(trainingModules), completedOn: isoDate.optional() }),
    rule: 'each module is recorded once',
    example: (ctx) => ({ module: trainingModules.find((m) => !ctx.trainingCompleted.includes(m)) ?? trainingModules[0] }),
  },
  firstShiftBooked: {
    label: 'Book first shift',
    intent: 'advance',
    schema: z.strictObject({ date: isoDate, ward: shortText, note }),
    example: (_, at) => ({ date: dateAfter(at, 7), ward: 'Ward 12, Acute Medicine' }),
  },
  firstShiftRebooked: {
    label: 'Rebook first shift',
    intent: 'hold',
    schema: z.strictObject({ date: isoDate, ward: shortText, note }),
    example: (_, at) => ({ date: dateAfter(at, 10), ward: 'Ward 12, Acute Medicine' }),
  },
  firstShiftWorked: { label: 'First shift worked', intent: 'advance', schema: none, example: () => ({}) },
  withdrawn: { label: 'Withdraw', intent: 'exit', schema: withReason, example: () => ({ reason: 'Candidate found another role' }) },
  rejected: { label: 'Reject', intent: 'exit', schema: withReason, example: () => ({ reason: 'Did not meet the essential criteria' }) },
};
