// Events of the six pre-employment checks, generated per check so every check speaks the same
// verbs; a check adds the evidence fields its standard requires when it is cleared.
import { z } from 'zod';
import { checkNames, type CheckName } from '../types.js';
import { checkSpecs } from '../checks.js';
import { registrationBodies, registrationExampleFor } from '../rules.js';
import type { EventCatalog, EventSpec } from './types.js';
import { dateBefore, email, isoDate, note, reason, shortText, withNote, withReason } from './fields.js';

const dbsLevels = ['basic', 'standard', 'enhanced', 'enhanced_adults_barred', 'enhanced_children_barred', 'enhanced_both_barred'] as const;

/** What clearing each check records. DBS: number, date, level, outcome only — never a copy. */
const clearance: Record<CheckName, Pick<EventSpec, 'schema' | 'example'>> = {
  identity: {
    schema: z.strictObject({ documents: z.array(shortText).min(1).max(6), seenInPerson: z.literal(true), note }),
    example: () => ({ documents: ['passport', 'driving_licence', 'utility_bill'], seenInPerson: true }),
  },
  rightToWork: {
    schema: z.strictObject({
      method: z.enum(['share_code', 'manual_document', 'idvt']),
      shareCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{9}$/, 'a share code is 9 letters and digits').optional(),
      permissionExpiresOn: isoDate.optional(),
      note,
    }).refine((v) => v.method !== 'share_code' || v.shareCode !== undefined, { message: 'shareCode is required for an online check', path: ['shareCode'] }),
    example: () => ({ method: 'share_code', shareCode: 'W9K4X2P7Q' }),
  },
  registration: {
    schema: z.strictObject({ body: z.enum(registrationBodies), number: z.string().trim().toUpperCase().min(1).max(20), note }),
    example: (ctx) => ctx.registration ?? registrationExampleFor(ctx.profession) ?? { body: 'NMC', number: '71A2998E' },
  },
  references: {
    schema: z.strictObject({ yearsCovered: z.number().min(0).max(60), gapsExplained: z.boolean(), note }),
    example: () => ({ yearsCovered: 3, gapsExplained: true }),
  },
  dbs: {
    schema: z.strictObject({
      certificateNumber: z.string().regex(/^[0-9]{12}$/, 'a DBS certificate number is 12 digits'),
      issueDate: isoDate,
      level: z.enum(dbsLevels),
      outcome: z.enum(['clear', 'information_disclosed_risk_assessed']),
      updateService: z.boolean().default(false),
      note,
    }),
    example: (_, at) => ({ certificateNumber: '001234567890', issueDate: dateBefore(at, 1), level: 'enhanced_adults_barred', outcome: 'clear', updateService: true }),
  },
  workHealth: {
    schema: z.strictObject({
      outcome: z.enum(['fit', 'fit_with_restrictions']),
      restrictions: z.string().trim().max(500).optional(),
      note,
    }).refine((v) => v.outcome === 'fit' || !!v.restrictions, { message: 'restrictions are required when clearing with restrictions', path: ['restrictions'] }),
    example: () => ({ outcome: 'fit' }),
  },
};

const referee = z.strictObject({
  name: shortText,
  email,
  organisation: shortText,
  relationship: z.enum(['line_manager', 'employer', 'education', 'character']),
});

/** What the guards on clearing a check require, in plain words (shown when refused). */
const clearRules: Partial<Record<CheckName, string>> = {
  dbs: 'a DBS check can only be sent or cleared once the identity check is cleared',
  workHealth: 'occupational health questions come only after a conditional offer is accepted (Equality Act s.60)',
  registration: 'the number must be on the register the profession belongs to, in that regulator’s format',
};

function eventsFor(check: CheckName): EventCatalog {
  const title = checkSpecs[check].title;
  const events: EventCatalog = {
    [`${check}.submitted`]: { label: `${title}: candidate supplied`, intent: 'advance', schema: withNote, example: () => ({}) },
    [`${check}.cleared`]: { label: `${title}: clear`, intent: 'advance', ...clearance[check], ...(clearRules[check] ? { rule: clearRules[check] } : {}) },
    [`${check}.referred`]: { label: `${title}: send to third party`, intent: 'hold', schema: withNote, example: () => ({}), ...(clearRules[check] ? { rule: clearRules[check] } : {}) },
    [`${check}.returned`]: { label: `${title}: third party replied`, intent: 'advance', schema: withNote, example: () => ({}) },
    [`${check}.queryRaised`]: { label: `${title}: raise a query`, intent: 'hold', schema: z.strictObject({ question: reason }), example: () => ({ question: 'Please send a clearer copy of your proof of address.' }) },
    [`${check}.failed`]: { label: `${title}: fail`, intent: 'hold', schema: withReason, example: () => ({ reason: 'Documents could not be verified' }) },
  };
  if (checkSpecs[check].waivable) {
    events[`${check}.waived`] = {
      label: `${title}: waive (approved)`,
      intent: 'hold',
      schema: z.strictObject({ approvedBy: shortText, reason }),
      example: () => ({ approvedBy: 'Head of Temporary Staffing', reason: 'Three years covered by character references' }),
    };
  }
  return events;
}

export const checkEvents: EventCatalog = {
  ...Object.assign({}, ...checkNames.map(eventsFor)),
  'references.refereesProvided': {
    label: 'References: referees provided',
    intent: 'advance',
    schema: z.strictObject({ referees: z.array(referee).min(1).max(6) }),
    rule: 'together with references already received, the referees must make up the number of references required',
    example: (ctx) => {
      const needed = Math.max(1, ctx.referencesRequired - ctx.referencesReceived.length);
      const round = ctx.referees.length;
      return {
        referees: Array.from({ length: needed }, (_, i) => ({
          name: `Referee ${round + i + 1}`,
          email: `referee${round + i + 1}@example.org`,
          organisation: 'Example NHS Foundation Trust',
          relationship: 'line_manager',
        })),
      };
    },
  },
  'references.received': {
    label: 'References: reference received',
    intent: 'advance',
    schema: z.strictObject({
      refereeEmail: email,
      datesConfirmed: z.boolean(),
      roleConfirmed: z.boolean(),
      concerns: z.string().trim().max(2000).optional(),
    }),
    rule: 'the reference must come from a referee we asked who has not already answered',
    example: (ctx) => ({
      refereeEmail: ctx.referees.find((r) => !ctx.referencesReceived.includes(r.email))?.email ?? 'referee1@example.org',
      datesConfirmed: true,
      roleConfirmed: true,
    }),
  },
};
