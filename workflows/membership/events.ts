// The events of a membership, each with the structured evidence it carries (never a document's
// contents: uploads are the documents store's). Dates may not be in the future; the evidence for
// a renewal depends on the item renewed.
import { z } from 'zod';
import { isoDate, note, reason, shortText } from '../events/fields.js';
import { registrationBodies } from '../rules.js';
import { professions } from '../types.js';
import { dbsLevels } from '../vocabulary.js';
import { type ComplianceItem, complianceItems, isTraining } from './items.js';

const evidenceByItem = {
  // Only the issue date and level: the certificate's number and contents are not kept after hire (DOMAIN.md, data protection).
  dbs: z.strictObject({ issueDate: isoDate, level: z.enum(dbsLevels), note }),
  rightToWork: z.strictObject({
    checkedOn: isoDate, method: z.enum(['share_code', 'manual_document', 'idvt']),
    permission: z.enum(['unlimited', 'time_limited']), permissionExpiresOn: isoDate.optional(), note,
  }).refine((v) => v.permission === 'unlimited' || !!v.permissionExpiresOn, { path: ['permissionExpiresOn'], message: 'a time-limited permission needs the date it ends' }),
  registration: z.strictObject({
    body: z.enum(registrationBodies), number: shortText, checkedOn: isoDate, renewalDueOn: isoDate, revalidationDueOn: isoDate.optional(), note,
  }),
  workHealth: z.strictObject({ assessedOn: isoDate, outcome: z.enum(['fit', 'fit_with_restrictions']), restrictions: z.string().trim().max(500).optional(), note }),
  training: z.strictObject({
    completedOn: isoDate, provider: z.string().trim().max(200).optional(), certificateReference: z.string().trim().max(100).optional(), note,
  }),
};

/** The evidence schema for renewing an item. */
export const renewalEvidence = (item: ComplianceItem) => (isTraining(item) ? evidenceByItem.training : evidenceByItem[item as keyof typeof evidenceByItem]);

export const membershipEvents = {
  itemRenewed: z.object({ item: z.enum(complianceItems) }).passthrough(),
  dbsStatusChecked: z.strictObject({ checkedOn: isoDate, result: z.enum(['no_new_information', 'new_information']), note }),
  updateServiceConsented: z.strictObject({ subscribedOn: isoDate, consent: z.literal(true, 'tick the box to consent to status checks') }),
  itemSuspended: z.strictObject({ item: z.enum(complianceItems), reason }),
  itemReinstated: z.strictObject({ item: z.enum(complianceItems), note }),
  roleChanged: z.strictObject({ role: z.enum(professions), effectiveOn: isoDate, note }),
} as const;
export type MembershipEventType = keyof typeof membershipEvents;

export const membershipEventWords: Record<MembershipEventType | 'membershipStarted', string> = {
  membershipStarted: 'Joined the bank with their clearance dates',
  itemRenewed: 'Renewed', dbsStatusChecked: 'DBS Update Service status checked', updateServiceConsented: 'Consented to DBS Update Service status checks',
  itemSuspended: 'Suspended', itemReinstated: 'Reinstated', roleChanged: 'Changed role',
};
