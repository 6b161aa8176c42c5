// Occupational health: only after a conditional offer is accepted (Equality Act 2010 s.60); OH
// clears the candidate, or clears them with restrictions (named, so shifts can respect them).
import { z } from 'zod';
import type { Rule } from '../refusal.js';
import { workHealthOutcomes, workHealthRestrictions } from '../vocabulary.js';
import { note, occurredOn } from '../events/fields.js';
import { happened, inOrder } from './dates.js';

export const workHealthEvidence = z.strictObject({
  outcome: z.enum(workHealthOutcomes),
  restrictions: z.array(z.enum(workHealthRestrictions)).max(workHealthRestrictions.length).optional(),
  /** What the restrictions mean in practice (required for "other"). */
  restrictionDetails: z.string().trim().max(500).optional(),
  occurredOn,
  note,
}).superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.outcome === 'fit_with_restrictions' && !v.restrictions?.length) issue('restrictions', 'name the restrictions occupational health set');
  if (v.outcome === 'fit' && (v.restrictions?.length || v.restrictionDetails)) issue('restrictions', 'a clearance without restrictions lists none');
  if (v.restrictions?.includes('other') && !v.restrictionDetails) issue('restrictionDetails', 'describe the other restriction');
  if (new Set(v.restrictions ?? []).size !== (v.restrictions ?? []).length) issue('restrictions', 'name each restriction once');
});

const afterOffer = inOrder(happened('offerAccepted', 'the offer was accepted'));

export const workHealthRules = (): Record<string, Rule[]> => ({
  'workHealth.submitted': [afterOffer],
  'workHealth.referred': [afterOffer],
  'workHealth.returned': [afterOffer],
  'workHealth.cleared': [afterOffer],
});
