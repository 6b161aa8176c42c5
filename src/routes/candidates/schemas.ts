import { z } from 'zod';
import { professions, programmes } from '../../../workflows/types.js';
import { registerFor, registrationProblem } from '../../../workflows/rules.js';
import { journeyStatuses } from '../../../workflows/types.js';

const ukPostcode = /^(GIR 0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

export const createCandidateBody = z.strictObject({
  programme: z.enum(programmes),
  profession: z.enum(professions),
  fullName: z.string().trim().min(1).max(200).regex(/^[^\r\n\t]*$/, 'a name is one line: no line breaks or tabs'),
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{7,20}$/, 'a phone number: digits, spaces and an optional leading +').optional(),
  postcode: z.string().trim().toUpperCase().regex(ukPostcode, 'a UK postcode, e.g. LS18 4QX').optional(),
  registrationNumber: z.string().trim().toUpperCase().min(1).max(20).optional()
    .describe('The number on the profession\'s register (NMC, HCPC, GMC, GPhC, Social Work England) as the candidate gave it; verified at screening'),
}).superRefine((v, ctx) => {
  if (v.registrationNumber !== undefined) {
    const body = registerFor(v.profession);
    if (body === null) ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'this profession is not on a register: leave it out' });
    else {
      const problem = registrationProblem(v.profession, body, v.registrationNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: problem.detail });
    }
  }
  // International recruitment is for registered professions; HCSWD trains support workers.
  if (v.programme === 'international' && registerFor(v.profession) === null) {
    ctx.addIssue({ code: 'custom', path: ['profession'], message: 'international recruitment is for registered professions' });
  }
  if (v.programme === 'hcswd' && v.profession !== 'healthcare_assistant') {
    ctx.addIssue({ code: 'custom', path: ['profession'], message: 'the HCSWD programme trains healthcare assistants' });
  }
});

export const listCandidatesQuery = z.strictObject({
  programme: z.enum(programmes).optional(),
  stage: z.string().trim().min(1).max(60).regex(/^[a-z_]+$/, 'a stage name, e.g. checks').optional(),
  status: z.enum(journeyStatuses).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional()
    .describe('For pollers: only candidates changed since then (an event, or their details), oldest change first; page with `cursor`'),
});

/** Paging for pollers: history and emails, oldest first. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(400).optional(),
});

export const eventBody = z.looseObject({ type: z.string().min(1).max(100) });
