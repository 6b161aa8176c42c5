// The documents an applicant may upload, each for the check it serves, in plain words. A DBS
// certificate is deliberately not among them: DOMAIN.md says an employer records the certificate's
// number, issue date, level and outcome and who viewed it, never a copy.
import type { CheckName } from '../../../workflows/types.js';

export interface DocumentKind { label: string; checks: readonly CheckName[] }

export const documentKinds = {
  passport: { label: 'Passport', checks: ['identity', 'rightToWork'] },
  photocard_driving_licence: { label: 'Photocard driving licence', checks: ['identity'] },
  biometric_residence_permit: { label: 'Biometric residence permit', checks: ['identity', 'rightToWork'] },
  national_identity_card: { label: 'National identity card', checks: ['identity', 'rightToWork'] },
  utility_bill: { label: 'Utility bill', checks: ['identity'] },
  bank_statement: { label: 'Bank or building society statement', checks: ['identity'] },
  council_tax_statement: { label: 'Council tax statement', checks: ['identity'] },
  tenancy_agreement: { label: 'Tenancy agreement', checks: ['identity'] },
  benefits_statement: { label: 'Benefits statement', checks: ['identity'] },
  birth_certificate: { label: 'Birth or adoption certificate', checks: ['rightToWork'] },
  home_office_document: { label: 'Other Home Office document', checks: ['rightToWork'] },
  qualification_certificate: { label: 'Qualification certificate', checks: ['registration'] },
  registration_evidence: { label: 'Registration evidence', checks: ['registration'] },
  health_record: { label: 'Vaccination or health record', checks: ['workHealth'] },
  // Not for DBS: whatever the question, the answer to it is never a copy of the certificate.
  query_answer: { label: 'Document answering our question', checks: ['identity', 'rightToWork', 'registration', 'references', 'workHealth'] },
} as const satisfies Record<string, DocumentKind>;

export type DocumentKindName = keyof typeof documentKinds;

/** Kinds refused outright, with the reason the applicant is told. */
export const refusedKinds: Record<string, string> = {
  dbs_certificate:
    'We cannot accept a copy of a DBS certificate. NHS employers record only its number, issue date, level and outcome, and who saw it — never a copy. Please show the original certificate to your recruiter instead.',
};

export const isDocumentKind = (kind: string): kind is DocumentKindName => Object.hasOwn(documentKinds, kind);

export const kindsFor = (check: CheckName): DocumentKindName[] =>
  (Object.keys(documentKinds) as DocumentKindName[]).filter((k) => (documentKinds[k].checks as readonly string[]).includes(check) && k !== 'query_answer');

export const kindLabel = (kind: string) => (isDocumentKind(kind) ? documentKinds[kind].label : kind);
