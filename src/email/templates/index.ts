// The template registry. A template name may have a version per recipient: staff and referees
// get their own words for the same step (e.g. referenceDelayed to the candidate and the recruiter).
import { candidateTemplates } from './candidate.js';
import { membershipCandidateTemplates, membershipStaffTemplates } from './membership.js';
import { hcswdTemplates, internationalTemplates } from './programmes.js';
import { refereeTemplates, staffTemplates } from './staff.js';
import type { Recipient, Template } from './types.js';

const forCandidate: Record<string, Template> = { ...candidateTemplates, ...internationalTemplates, ...hcswdTemplates, ...membershipCandidateTemplates };

export function findTemplate(name: string, to: Recipient): Template | undefined {
  if (to === 'candidate') return forCandidate[name];
  if (to === 'referees') return refereeTemplates[name];
  if (to === 'compliance') return membershipStaffTemplates[name];
  return staffTemplates[name];
}

export type { Recipient, Template, TemplateData, Attachment } from './types.js';
