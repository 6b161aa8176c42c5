// Identity (NHS Employment Check Standards): 2 photo IDs and 1 proof of address, or 1 photo ID
// and 2 proofs of address; originals seen in person (IDVT allowed, but the originals are still
// seen before the first shift); proofs of address recent enough for their kind (policy);
// verified before any DBS application.
import { z } from 'zod';
import type { Policy } from '../policy.js';
import { type Rule, refuse } from '../refusal.js';
import type { JourneyContext } from '../types.js';
import { type AddressDocumentKind, addressDocumentKinds, identityDocumentKinds, photoDocumentKinds } from '../vocabulary.js';
import { addMonths, longDate, ukDateOf } from '../when.js';
import { isoDate, note, occurredOn, shortText } from '../events/fields.js';
import { applied, happened, inOrder } from './dates.js';

const words = (kind: string) => kind.replace(/_/g, ' ').replace(/\bhmrc\b/, 'HMRC').replace(/\bpass\b/, 'PASS');

export const identityDocument = z.strictObject({
  kind: z.enum(identityDocumentKinds),
  /** What this document proves here: a photo ID or a proof of address. */
  use: z.enum(['photo', 'address']),
  /** Proofs of address: the date on the document (its age is checked). */
  issuedOn: isoDate.optional(),
  /** Photo IDs (and a driving licence used for the address): the document must be in date. */
  expiresOn: isoDate.optional(),
  /** Who issued a proof of address (e.g. the energy company): two from one provider count once. */
  issuer: shortText.optional(),
  /** The original was seen in person (false: seen only through IDVT so far). */
  originalSeen: z.boolean(),
});
export type IdentityDocument = z.infer<typeof identityDocument>;

export const identityEvidence = z.strictObject({
  documents: z.array(identityDocument).min(1).max(6),
  /** How identity was verified: documents seen in person, or identity document validation technology. */
  method: z.enum(['in_person', 'idvt']),
  occurredOn,
  note,
}).superRefine((v, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  v.documents.forEach((d, i) => {
    if (d.use === 'photo' && !(photoDocumentKinds as readonly string[]).includes(d.kind)) issue(['documents', i, 'kind'], `a ${words(d.kind)} is not a photo ID`);
    if (d.use === 'address' && !(addressDocumentKinds as readonly string[]).includes(d.kind)) issue(['documents', i, 'kind'], `a ${words(d.kind)} is not a proof of address`);
    if (d.use === 'photo' && !d.expiresOn) issue(['documents', i, 'expiresOn'], `give the expiry date of the ${words(d.kind)}: photo ID must be in date`);
    if (d.use === 'address' && d.kind === 'photocard_driving_licence' && !d.expiresOn) issue(['documents', i, 'expiresOn'], 'give the expiry date of the driving licence: it proves the address only while it is in date');
    if (d.use === 'address' && d.kind !== 'photocard_driving_licence' && !d.issuedOn) issue(['documents', i, 'issuedOn'], `give the date on the ${words(d.kind)}: proofs of address must be recent`);
    if (v.method === 'in_person' && !d.originalSeen) issue(['documents', i, 'originalSeen'], 'an in-person check sees the original of every document (use IDVT if they were checked digitally)');
  });
  const kinds = v.documents.map((d) => d.kind);
  const twice = kinds.find((k, i) => kinds.indexOf(k) !== i && k === 'photocard_driving_licence');
  if (twice) issue(['documents'], 'a photocard driving licence counts as a photo ID or as a proof of address, not both');
  const issuers = v.documents.filter((d) => d.use === 'address' && d.issuer).map((d) => d.issuer!.toLowerCase());
  if (new Set(issuers).size < issuers.length) issue(['documents'], 'two proofs of address from the same provider count as one: use documents from different providers');
  const photos = v.documents.filter((d) => d.use === 'photo').length;
  const addresses = v.documents.filter((d) => d.use === 'address').length;
  if (!((photos >= 2 && addresses >= 1) || (photos >= 1 && addresses >= 2))) {
    issue(['documents'], `identity needs 2 photo IDs and 1 proof of address, or 1 photo ID and 2 proofs of address: these are ${photos} photo ID${photos === 1 ? '' : 's'} and ${addresses} proof${addresses === 1 ? '' : 's'} of address`);
  }
});

/** The day the check was made: the documents' age and validity are judged on it. */
const checkDay = (event: { at: string; occurredOn?: unknown }) => (typeof event.occurredOn === 'string' ? event.occurredOn : ukDateOf(event.at));

/** Proofs of address dated within the policy's months for their kind; every document in date. */
export function documentsCurrent(policy: Policy): Rule {
  return (_, event) => {
    const day = checkDay(event);
    const documents = (event.documents ?? []) as IdentityDocument[];
    for (const [i, d] of documents.entries()) {
      if (d.issuedOn && d.issuedOn > day) return refuse('identity.documentDate', `The ${words(d.kind)} is dated ${longDate(d.issuedOn)}, after the check (${longDate(day)}).`, `documents.${i}.issuedOn`);
      if (d.expiresOn && d.expiresOn < day) return refuse('identity.documentExpired', `The ${words(d.kind)} expired on ${longDate(d.expiresOn)}: identity documents must be in date on the day of the check.`, `documents.${i}.expiresOn`);
      if (d.use !== 'address' || !d.issuedOn) continue;
      const maxMonths = policy.addressDocumentMaxAgeMonths[d.kind as AddressDocumentKind];
      if (maxMonths !== null && maxMonths !== undefined && addMonths(d.issuedOn, maxMonths) < day) {
        return refuse('identity.addressDocumentAge', `A ${words(d.kind)} must be dated within ${maxMonths} months of the check: this one is dated ${longDate(d.issuedOn)}.`, `documents.${i}.issuedOn`);
      }
    }
    return null;
  };
}

export const identityRules = (policy: Policy): Record<string, Rule[]> => ({
  'identity.submitted': [inOrder(applied)],
  'identity.cleared': [inOrder(applied), documentsCurrent(policy)],
  'identity.originalsSeen': [originalsPending, inOrder(happened('identity.cleared', 'identity was verified'))],
});

/** Originals are recorded once, after an IDVT check. */
const originalsPending: Rule = (context) => {
  if (context.identityCheck?.method !== 'idvt') return refuse('identity.originalsNotPending', 'Record the originals only after identity has been verified by IDVT: an in-person check has already seen them.');
  if (context.identityCheck.originalsSeenAt) return refuse('identity.originalsNotPending', 'The original documents have already been recorded as seen.');
  return null;
};

/** Before the first shift: identity checked by IDVT needs its originals seen in person. */
export const originalsSeenBeforeStart: Rule = (context: JourneyContext) =>
  context.identityCheck?.method === 'idvt' && !context.identityCheck.originalsSeenAt
    ? refuse('identity.originalsBeforeStart', 'Identity was verified by IDVT: the original documents must be seen in person (identity.originalsSeen) before the first shift.')
    : null;
