// Corrections a recruiter may send for each parsed field: the same shapes the parser produces.
import { z } from 'zod';
import { registrationFormats } from '../../../workflows/rules.js';
import { professions } from '../../../workflows/types.js';
import { normalisePhone, normalisePostcode } from '../../cv/fields/contact.js';

const month = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY-MM or YYYY');
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'YYYY-MM-DD');
const band = z.number().min(0).max(9).multipleOf(0.5);
const grade = z.enum(['A', 'B', 'C+', 'C', 'D', 'E']);
const skills = <T extends z.ZodType>(s: T) => z.strictObject({ listening: s, reading: s, writing: s, speaking: s });

const registration = z.strictObject({
  body: z.enum(['NMC', 'HCPC', 'GMC', 'GPhC', 'SWE', 'overseas']),
  number: z.string().trim().toUpperCase().min(1).max(40),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code').optional(),
}).superRefine((r, ctx) => {
  if (r.body === 'overseas') {
    if (!r.country) ctx.addIssue({ code: 'custom', path: ['country'], message: 'overseas registrations need the country' });
  } else if (!registrationFormats[r.body].test(r.number)) {
    ctx.addIssue({ code: 'custom', path: ['number'], message: `not a valid ${r.body} number` });
  }
});

const correctionSchemas = {
  fullName: z.string().trim().min(1).max(200),
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  phone: z.string().trim().max(40).transform((p, ctx) => {
    const e164 = normalisePhone(p);
    if (!e164) ctx.addIssue({ code: 'custom', message: 'a phone number, e.g. 07700 900412 or +44 7700 900412' });
    return e164 ?? p;
  }),
  postcode: z.union([z.null(), z.string().trim().max(10).transform((p, ctx) => {
    const pc = normalisePostcode(p);
    if (!pc) ctx.addIssue({ code: 'custom', message: 'a UK postcode, e.g. LS18 4QX' });
    return pc ?? p;
  })]),
  profession: z.enum(professions),
  registrations: z.array(registration).max(10),
  englishTest: z.union([
    z.null(),
    z.strictObject({ type: z.literal('IELTS'), overall: band.nullable(), bands: skills(band), date: day.nullable() }),
    z.strictObject({ type: z.literal('OET'), bands: skills(grade), date: day.nullable() }),
  ]),
  employment: z.array(z.strictObject({
    employer: z.string().trim().min(1).max(300).nullable(), title: z.string().trim().min(1).max(300).nullable(),
    start: month, end: month.nullable(),
  })).max(50),
  gapsOverThreeMonths: z.array(z.strictObject({ from: month, to: month })).max(50),
} as const;

export type CorrectableField = keyof typeof correctionSchemas;

const decision = <T extends z.ZodType>(s: T) => z.union([z.literal(true), s]).optional();

export const acceptBody = z.strictObject({
  /** The document the recruiter reviewed; refused (409) if a newer CV has arrived since. */
  documentId: z.uuid().optional(),
  fields: z.strictObject({
    fullName: decision(correctionSchemas.fullName),
    email: decision(correctionSchemas.email),
    phone: decision(correctionSchemas.phone),
    postcode: decision(correctionSchemas.postcode),
    profession: decision(correctionSchemas.profession),
    registrations: decision(correctionSchemas.registrations),
    englishTest: decision(correctionSchemas.englishTest),
    employment: decision(correctionSchemas.employment),
    gapsOverThreeMonths: decision(correctionSchemas.gapsOverThreeMonths),
  }).refine((f) => Object.values(f).some((v) => v !== undefined), 'name at least one field to accept or correct'),
});
export type AcceptBody = z.output<typeof acceptBody>;
