// The words of the NHS Employment Check Standards (DOMAIN.md) as closed lists: the evidence
// schemas, the rules and the policy tables all speak them, so a form can offer them as choices.
// Pure data, no imports from machines (the policy and the event catalog both read it).

/** Statutory and mandatory training: the 11 Core Skills Training Framework subjects + Oliver McGowan. */
export const trainingModules = [
  'equality_diversity_human_rights', 'health_safety_welfare', 'conflict_resolution', 'fire_safety',
  'infection_prevention_control', 'moving_handling', 'safeguarding_adults', 'preventing_radicalisation',
  'safeguarding_children', 'resuscitation', 'information_governance', 'oliver_mcgowan',
] as const;
export type TrainingModule = (typeof trainingModules)[number];

/** DBS check levels, lowest first. The barred lists come only with an enhanced check. */
export const dbsLevels = ['basic', 'standard', 'enhanced', 'enhanced_adults_barred', 'enhanced_children_barred', 'enhanced_both_barred'] as const;
export type DbsLevel = (typeof dbsLevels)[number];

/** Identity documents: what each may prove (a photocard driving licence either, never both). */
export const photoDocumentKinds = [
  'passport', 'photocard_driving_licence', 'biometric_residence_permit', 'national_identity_card', 'armed_forces_id_card', 'pass_card',
] as const;
export const addressDocumentKinds = [
  'utility_bill', 'bank_statement', 'credit_card_statement', 'benefits_statement', 'council_tax_statement',
  'mortgage_statement', 'hmrc_tax_notification', 'financial_statement', 'tenancy_agreement', 'electoral_register_letter',
  'photocard_driving_licence',
] as const;
export const identityDocumentKinds = [...new Set([...photoDocumentKinds, ...addressDocumentKinds])] as [string, ...string[]];
export type PhotoDocumentKind = (typeof photoDocumentKinds)[number];
export type AddressDocumentKind = (typeof addressDocumentKinds)[number];

/** Right to work: how it was checked, and the document a manual or IDVT check was made on. */
export const rightToWorkMethods = ['share_code', 'manual_document', 'idvt'] as const;
export const rightToWorkDocuments = [
  'british_passport', 'irish_passport', 'irish_passport_card', 'uk_birth_or_adoption_certificate',
  'naturalisation_or_registration_certificate', 'other_home_office_document',
] as const;
/** Documents that show British or Irish citizenship: permission to work without a time limit. */
export const citizenshipDocuments: readonly string[] = ['british_passport', 'irish_passport', 'irish_passport_card', 'uk_birth_or_adoption_certificate', 'naturalisation_or_registration_certificate'];
/** IDVT (identity document validation technology) is for British and Irish passports only. */
export const idvtDocuments: readonly string[] = ['british_passport', 'irish_passport', 'irish_passport_card'];

/** What a regulator's register says about the person today. */
export const registrationStatuses = ['registered', 'registered_with_conditions', 'lapsed', 'fitness_to_practise_pending', 'suspended'] as const;

/** Occupational health: the outcomes that clear, and the restrictions a clearance may carry. */
export const workHealthOutcomes = ['fit', 'fit_with_restrictions'] as const;
export const workHealthRestrictions = [
  'no_exposure_prone_procedures', 'no_night_shifts', 'no_manual_handling', 'reduced_hours', 'adjusted_duties', 'other',
] as const;

/** Referees: an employer (line manager or HR), a place of education, or a character referee. */
export const refereeRelationships = ['line_manager', 'employer', 'education', 'character'] as const;
export type RefereeRelationship = (typeof refereeRelationships)[number];
/** Why the candidate was not in work or education for a while (employment is never a gap). */
export const gapReasons = ['education', 'caring', 'health', 'parental_leave', 'travel', 'unemployed', 'other'] as const;

/** The 15 Care Certificate standards, in the order they are usually taught. */
export const careCertificateStandards = [
  'understand_your_role', 'personal_development', 'duty_of_care', 'equality_and_diversity',
  'person_centred_working', 'communication', 'privacy_and_dignity', 'fluids_and_nutrition',
  'mental_health_dementia_learning_disability', 'safeguarding_adults', 'safeguarding_children',
  'basic_life_support', 'health_and_safety', 'handling_information', 'infection_prevention_and_control',
] as const;
export type CareCertificateStandard = (typeof careCertificateStandards)[number];
