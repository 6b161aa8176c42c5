// Events of international recruitment: English tests, the NMC test of competence (CBT abroad,
// OSCE in the UK), regulator applications (NMC, HCPC and the other regulators, GMC with PLAB),
// sponsorship, visa, travel, arrival, pre-registration employment and the PIN.
// Failed attempts are their own `hold` events so that a pass is always the `advance` path.
import { z } from 'zod';
import { registerFor, registrationBodies, registrationExamples } from '../rules.js';
import { ukDateOf } from '../when.js';
import type { EventCatalog } from './types.js';
import { dateAfter, dateBefore, happenedWithNote, isoDate, note, occurredOn, reason, shortText } from './fields.js';

const ieltsBand = z.number().min(0).max(9).multipleOf(0.5);
const oetGrade = z.enum(['A', 'B', 'C+', 'C', 'D', 'E']);

/** The date an exam was sat. The guards check it is not in the future and respects the gap. */
const sitting = z.strictObject({ date: isoDate, note });
/** Examples sit the exam today: the latest date that can be valid now, so a resit example is
 *  accepted as soon as the gap since the previous attempt has passed, and not before. */
const today = (at: string) => ukDateOf(at);

const osceBooking = z.strictObject({ date: isoDate, centre: shortText, note });
const regulatorNumber = z.string().trim().toUpperCase().min(1).max(20);

export const internationalEvents: EventCatalog = {
  internationalScreeningPassed: {
    label: 'Pass screening (international)',
    intent: 'advance',
    schema: z.strictObject({
      qualificationCountry: shortText,
      yearsQualified: z.number().min(0).max(60),
      overseasRegistration: z.string().trim().max(60).optional(),
      occurredOn,
      note,
    }),
    example: () => ({ qualificationCountry: 'Philippines', yearsQualified: 4, overseasRegistration: 'PRC-2019-88213' }),
    rule: 'Only regulated professions (NMC, HCPC, GMC, GPhC, Social Work England) can be sponsored through this programme.',
  },
  ieltsResult: {
    label: 'Record IELTS Academic result',
    intent: 'advance',
    schema: z.strictObject({ date: isoDate, overall: ieltsBand, listening: ieltsBand, reading: ieltsBand, writing: ieltsBand, speaking: ieltsBand, note }),
    example: (_, at) => ({ date: dateBefore(at, 14), overall: 7.5, listening: 7.5, reading: 7.5, writing: 7, speaking: 7.5 }),
    rule: 'Only a result that meets the regulator’s standard and is less than 2 years old can be recorded: NMC 7.0 overall, writing 6.5, other skills 7.0 (two sittings within 6 months combine if no score is below 6.5); GMC 7.5 overall, 7.0 in each skill; HCPC and other regulators 7.0 overall, 6.5 in each skill.',
  },
  oetResult: {
    label: 'Record OET result',
    intent: 'advance',
    schema: z.strictObject({ date: isoDate, listening: oetGrade, reading: oetGrade, writing: oetGrade, speaking: oetGrade, note }),
    example: (_, at) => ({ date: dateBefore(at, 14), listening: 'B', reading: 'B', writing: 'B', speaking: 'B' }),
    rule: 'Only a result that meets the regulator’s standard and is less than 2 years old can be recorded: NMC B in listening, reading and speaking and C+ in writing (two sittings within 6 months combine if no grade is below C+); other regulators B in every skill.',
  },
  cbtPassed: {
    label: 'Record CBT pass',
    intent: 'advance',
    schema: sitting,
    example: (ctx, at) => ({ date: ctx.osceBooking?.date ?? today(at) }),
    rule: 'At most 3 attempts, at least 10 days apart, on or after the booked sitting, and not in the future.',
  },
  cbtFailed: {
    label: 'Record CBT fail',
    intent: 'hold',
    schema: sitting,
    example: (_, at) => ({ date: today(at) }),
    rule: 'At most 3 attempts, at least 10 days apart; a third fail closes the application.',
  },
  nmcApplicationSubmitted: {
    label: 'NMC registration application submitted',
    intent: 'advance',
    schema: z.strictObject({
      healthReferenceDate: isoDate,
      policeCertificateCountries: z.array(shortText).min(1).max(20),
      occurredOn,
      note,
    }),
    example: (_, at) => ({ healthReferenceDate: dateBefore(at, 30), policeCertificateCountries: ['Philippines'] }),
    rule: 'The application reaches the NMC within 2 years of the first test-of-competence pass, with a health reference less than 6 months old.',
  },
  decisionLetterIssued: {
    label: 'NMC decision letter received',
    intent: 'advance',
    schema: z.strictObject({ issuedOn: isoDate, note }),
    example: (_, at) => ({ issuedOn: today(at) }),
  },
  regulatorApplicationSubmitted: {
    label: 'Regulator application submitted',
    intent: 'advance',
    schema: z.strictObject({ reference: z.string().trim().max(60).optional(), occurredOn, note }),
    example: () => ({ reference: 'INT-2025-0412' }),
  },
  regulatorQueryRaised: {
    label: 'Regulator asked for more information',
    intent: 'hold',
    schema: z.strictObject({ question: reason }),
    example: () => ({ question: 'The regulator needs a certified copy of your transcript.' }),
  },
  regulatorQueryAnswered: { label: 'Answer sent to the regulator', intent: 'advance', schema: happenedWithNote, example: () => ({}) },
  regulatorApproved: {
    label: 'Regulator approved the application',
    intent: 'advance',
    schema: happenedWithNote,
    example: () => ({}),
  },
  regulatorRegistered: {
    label: 'UK registration granted',
    intent: 'advance',
    schema: z.strictObject({ body: z.enum(registrationBodies), number: regulatorNumber, licenceToPractise: z.boolean().default(false), occurredOn, note }),
    example: (ctx) => {
      const body = registerFor(ctx.profession) ?? 'HCPC';
      return { body, number: registrationExamples[body], licenceToPractise: body === 'GMC' };
    },
    rule: 'The number must match the register of the candidate’s profession; doctors need a licence to practise.',
  },
  regulatorRefused: { label: 'Regulator refused the application', intent: 'exit', schema: z.strictObject({ reason, occurredOn }), example: () => ({ reason: 'Qualification not recognised' }) },
  plab1Passed: { label: 'Record PLAB 1 pass', intent: 'advance', schema: sitting, example: (_, at) => ({ date: today(at) }) },
  plab1Failed: { label: 'Record PLAB 1 fail', intent: 'hold', schema: sitting, example: (_, at) => ({ date: today(at) }) },
  plab2Passed: { label: 'Record PLAB 2 pass', intent: 'advance', schema: sitting, example: (_, at) => ({ date: today(at) }) },
  plab2Failed: { label: 'Record PLAB 2 fail', intent: 'hold', schema: sitting, example: (_, at) => ({ date: today(at) }) },
  cosAssigned: {
    label: 'Certificate of Sponsorship assigned',
    intent: 'advance',
    schema: z.strictObject({ cosNumber: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8,20}$/, 'a CoS number is 8 to 20 letters and digits'), occurredOn, note }),
    example: () => ({ cosNumber: 'C2G7H8J9K0L1M2' }),
  },
  tbCertificateIssued: {
    label: 'TB certificate received',
    intent: 'advance',
    schema: z.strictObject({ xrayDate: isoDate, clinic: shortText, occurredOn, note }),
    example: (_, at) => ({ xrayDate: dateBefore(at, 7), clinic: 'IOM Manila Health Assessment Centre' }),
    rule: 'A TB certificate is valid for 6 months from the X-ray.',
  },
  visaApplied: {
    label: 'Visa application made',
    intent: 'advance',
    schema: z.strictObject({ reference: z.string().trim().toUpperCase().regex(/^GWF[0-9]{9}$/, 'a visa reference is GWF and 9 digits').optional(), occurredOn, note }),
    rule: 'The visa application follows within 3 months of the Certificate of Sponsorship, while the TB certificate is still valid.',
    example: () => ({ reference: 'GWF012345678' }),
  },
  visaGranted: {
    label: 'Visa granted',
    intent: 'advance',
    schema: z.strictObject({ validFrom: isoDate, validUntil: isoDate, occurredOn, note })
      .refine((v) => v.validUntil > v.validFrom, { message: 'validUntil must be after validFrom', path: ['validUntil'] }),
    example: (_, at) => ({ validFrom: today(at), validUntil: dateAfter(at, 3 * 365) }),
  },
  visaRefused: { label: 'Visa refused', intent: 'hold', schema: z.strictObject({ reason, occurredOn }), example: () => ({ reason: 'Missing document' }) },
  travelBooked: {
    label: 'Travel booked',
    intent: 'advance',
    schema: z.strictObject({ flightDate: isoDate, arrivalAirport: shortText, accommodation: shortText, note }),
    example: (_, at) => ({ flightDate: dateAfter(at, 14), arrivalAirport: 'London Heathrow', accommodation: 'Trust accommodation, Block C' }),
    rule: 'The flight date cannot be in the past.',
  },
  travelRebooked: {
    label: 'Travel rebooked',
    intent: 'hold',
    schema: z.strictObject({ flightDate: isoDate, arrivalAirport: shortText, accommodation: shortText, note }),
    example: (_, at) => ({ flightDate: dateAfter(at, 21), arrivalAirport: 'London Heathrow', accommodation: 'Trust accommodation, Block C' }),
    rule: 'The flight date cannot be in the past.',
  },
  arrivedInUk: {
    label: 'Arrived in the UK',
    intent: 'advance',
    schema: happenedWithNote,
    rule: 'The candidate arrives no earlier than the booked flight and within the visa’s dates.',
    example: (ctx, at) => ({ occurredOn: ctx.flightDate && ctx.flightDate <= today(at) ? ctx.flightDate : today(at) }),
  },
  preRegistrationStarted: {
    label: 'Start pre-registration employment',
    intent: 'advance',
    // The bands offered are policy (3 or 4 by default): the rule checks them.
    schema: z.strictObject({ band: z.enum(['2', '3', '4', '5']), startDate: isoDate, note }),
    example: (_, at) => ({ band: '4', startDate: today(at) }),
  },
  osceBooked: {
    label: 'Book OSCE',
    intent: 'advance',
    schema: osceBooking,
    example: (_, at) => ({ date: dateAfter(at, 21), centre: 'Northampton OSCE Test Centre' }),
    rule: 'The OSCE is booked at least 14 days ahead, once the NMC decision letter exists, and at least 10 days after the previous attempt.',
  },
  osceRebooked: {
    label: 'Rebook OSCE',
    intent: 'hold',
    schema: osceBooking,
    example: (_, at) => ({ date: dateAfter(at, 28), centre: 'Northampton OSCE Test Centre' }),
    rule: 'The OSCE is booked at least 14 days ahead and at least 10 days after the previous attempt.',
  },
  oscePassed: {
    label: 'Record OSCE pass',
    intent: 'advance',
    schema: sitting,
    example: (ctx, at) => ({ date: ctx.osceBooking?.date ?? today(at) }),
    rule: 'At most 3 attempts, at least 10 days apart, on or after the booked sitting, and not in the future.',
  },
  osceFailed: {
    label: 'Record OSCE fail',
    intent: 'hold',
    schema: z.strictObject({ date: isoDate, stationsFailed: z.array(shortText).min(1).max(10), note }),
    example: (ctx, at) => ({ date: ctx.osceBooking?.date ?? today(at), stationsFailed: ['Evaluation'] }),
    rule: 'At most 3 attempts, at least 10 days apart; a third fail closes the application.',
  },
  pinIssued: {
    label: 'NMC PIN issued',
    intent: 'advance',
    schema: z.strictObject({ pin: regulatorNumber, occurredOn, note }),
    example: () => ({ pin: registrationExamples.NMC }),
    rule: 'An NMC PIN is 2 digits, a letter, 4 digits and a letter (e.g. 71A2998E).',
  },
  movedToBand5: {
    label: 'Moved to Band 5',
    intent: 'advance',
    schema: z.strictObject({ effectiveFrom: isoDate, note }),
    example: (_, at) => ({ effectiveFrom: today(at) }),
  },
};
