// Local policy choices (DOMAIN.md marks them *(policy)*): configurable, never literals in machines.
// Facts of law and of the regulators (a share code's length, the DBS Update Service's 30 days,
// a TB certificate's 6 months) are not policy: they live with the rules that apply them.
import { z } from 'zod';
import { type Profession, professions } from './types.js';
import { type AddressDocumentKind, type DbsLevel, type TrainingModule, addressDocumentKinds, dbsLevels, trainingModules } from './vocabulary.js';

export interface Policy {
  offerExpiryDays: number;
  offerReminderDays: number;
  /** Reference chasers, in days after the request: chase, alert, alert, last chase + ask for another referee. */
  referenceChaseDays: [number, number, number, number];
  /** Day the trust's HR contact is alerted about a reference still missing. */
  referenceHrAlertDay: number;
  referencesRequired: number;
  /** Years of employment and education history the references must cover, back from today. */
  referenceYearsRequired: number;
  /** A gap in that history longer than this many days needs an explanation. */
  referenceGapDays: number;
  /** Identity: how recent a proof of address must be, in months, by kind; null: it must simply be current. */
  addressDocumentMaxAgeMonths: Record<AddressDocumentKind, number | null>;
  /** DBS: the level each profession's role needs (direct care: enhanced with the adults' barred list). */
  dbsLevelByProfession: Record<Profession, DbsLevel>;
  /** The register is looked at again no more than this many days before the first shift. */
  registrationRecheckDays: number;
  /** Values-based interviews: lowest score (1–5) accepted on each of the six NHS Constitution values. */
  interviewValuesPassMark: number;
  /** Statutory and mandatory training: years a completion counts for, per subject. */
  trainingRefresherYears: Record<TrainingModule, number>;
  /** A new member should finish their training within this many weeks of being cleared (a reminder)… */
  trainingTargetWeeks: number;
  /** …and cannot be booked for shifts beyond this many weeks until it is done. */
  trainingGraceWeeks: number;
  osceTargetWeeks: number;
  sponsorshipLimitMonths: number;
  englishValidityMonths: number;
  cbtMaxAttempts: number;
  osceMaxAttempts: number;
  minDaysBetweenAttempts: number;
  osceBookingLeadDays: number;
  /** International nurses' pre-registration post before the OSCE: the bands offered. */
  preRegistrationBands: string[];
  checkDueDays: number;
  /** HCSWD screening: hours a week the candidate must be free to work (paid supervised work is ≥30). */
  hcswdMinWeeklyHours: number;
  /** HCSWD assessment: lowest score (1–5) accepted on each of the six NHS Constitution values. */
  hcswdValuesPassMark: number;
  /** Literacy and numeracy test pass marks, in percent (HCSWD assessment and healthcare assistant interviews). */
  hcswdLiteracyPassMark: number;
  hcswdNumeracyPassMark: number;
  /** HCSWD classroom induction and supervised ward practice (shadow shifts), in days attended. */
  hcswdInductionDays: number;
  hcswdShadowShiftDays: number;
  /** Weeks of paid supervised work after which an unfinished Care Certificate prompts a reminder. */
  hcswdCareCertificateWeeks: number;
  /** Supervised hours a trainee must have worked before the trust signs them off. */
  hcswdSignOffMinHours: number;
  /** Most hours a week a trainee can have worked (Working Time Regulations: 48 on average). */
  hcswdMaxWeeklyHours: number;
  /** After hire (workflows/membership/): DBS renewed this many months from issue (or the last Update Service status check)… */
  dbsRenewalMonths: number;
  /** …starting this many days before the anniversary (NHSP: at least 30). */
  dbsRenewalLeadDays: number;
  /** Any other compliance item counts as due soon this many days before it expires. */
  complianceDueSoonDays: number;
  /** Reminders to the member, in days before an item expires. */
  complianceReminderDays: number[];
  /** Alerts to the compliance team, in days before an item expires (0: on the day). */
  complianceAlertDays: number[];
  /** Registration renewal when the register gives no date: months from the last check, by regulator. */
  registrationRenewalMonths: Record<string, number>;
  /** Occupational health is reassessed within this many days of a change of role. */
  workHealthReassessDays: number;
  /** Roles (professions) that need each training subject to be in date; a subject not listed is needed by every role. */
  trainingRolesNeeding: Partial<Record<TrainingModule, Profession[]>>;
}

const directCare = 'enhanced_adults_barred' as const;

export const defaultPolicy: Policy = {
  offerExpiryDays: 14,
  offerReminderDays: 11,
  referenceChaseDays: [3, 6, 9, 12],
  referenceHrAlertDay: 10,
  referencesRequired: 2,
  referenceYearsRequired: 3,
  referenceGapDays: 91,
  // NHS Employers' identity standard: statements and bills within 3 months, official letters within 12.
  addressDocumentMaxAgeMonths: {
    utility_bill: 3, bank_statement: 3, credit_card_statement: 3, benefits_statement: 3,
    council_tax_statement: 12, mortgage_statement: 12, hmrc_tax_notification: 12, financial_statement: 12,
    tenancy_agreement: 12, electoral_register_letter: 12, photocard_driving_licence: null,
  },
  dbsLevelByProfession: {
    registered_nurse: directCare, midwife: 'enhanced_both_barred', healthcare_assistant: directCare,
    physiotherapist: directCare, occupational_therapist: directCare, radiographer: directCare,
    speech_and_language_therapist: directCare, operating_department_practitioner: directCare, paramedic: directCare,
    biomedical_scientist: 'standard', pharmacist: directCare, doctor: 'enhanced_both_barred',
    social_worker: 'enhanced_both_barred', non_clinical: 'basic',
  },
  registrationRecheckDays: 90,
  interviewValuesPassMark: 3,
  trainingRefresherYears: {
    equality_diversity_human_rights: 3, health_safety_welfare: 3, conflict_resolution: 3, fire_safety: 2,
    infection_prevention_control: 1, moving_handling: 2, safeguarding_adults: 3, preventing_radicalisation: 3,
    safeguarding_children: 3, resuscitation: 1, information_governance: 1, oliver_mcgowan: 3,
  },
  trainingTargetWeeks: 4,
  trainingGraceWeeks: 6,
  osceTargetWeeks: 12,
  sponsorshipLimitMonths: 8,
  englishValidityMonths: 24,
  cbtMaxAttempts: 3,
  osceMaxAttempts: 3,
  minDaysBetweenAttempts: 10,
  osceBookingLeadDays: 14,
  preRegistrationBands: ['3', '4'],
  checkDueDays: 14,
  hcswdMinWeeklyHours: 30,
  hcswdValuesPassMark: 3,
  hcswdLiteracyPassMark: 60,
  hcswdNumeracyPassMark: 60,
  hcswdInductionDays: 7,
  hcswdShadowShiftDays: 5,
  hcswdCareCertificateWeeks: 12,
  // About 6 months at 30 hours a week.
  hcswdSignOffMinHours: 780,
  hcswdMaxWeeklyHours: 48,
  dbsRenewalMonths: 12,
  dbsRenewalLeadDays: 42,
  complianceDueSoonDays: 42,
  complianceReminderDays: [42, 28, 14, 7, 1],
  complianceAlertDays: [14, 0],
  // NMC annual fee (revalidation every 3 years has its own date), HCPC two-yearly, SWE, GPhC and GMC yearly.
  registrationRenewalMonths: { NMC: 12, HCPC: 24, SWE: 12, GPhC: 12, GMC: 12 },
  workHealthReassessDays: 14,
  // Clinical subjects: every role but non-clinical staff.
  trainingRolesNeeding: {
    resuscitation: professions.filter((p) => p !== 'non_clinical'),
    moving_handling: professions.filter((p) => p !== 'non_clinical'),
  },
};

const count = (max: number) => z.number().int().min(0).max(max);
const positive = (max: number) => z.number().int().min(1).max(max);
const tableOf = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])) as Record<K, z.ZodOptional<V>>);

/**
 * Every policy value, for a policy file (POLICY_FILE): any subset, each checked. Tables (DBS level
 * per profession, address documents' age, refresher years) may name only some of their keys.
 */
export const policyFileSchema = z.strictObject({
  offerExpiryDays: count(365), offerReminderDays: count(365),
  referenceChaseDays: z.tuple([positive(90), positive(90), positive(90), positive(90)])
    .refine((d) => d.every((v, i) => i === 0 || v > d[i - 1]!), 'the chase days must increase'),
  referenceHrAlertDay: positive(90), referencesRequired: positive(6), referenceYearsRequired: positive(10), referenceGapDays: positive(3650),
  addressDocumentMaxAgeMonths: tableOf(addressDocumentKinds, positive(120).nullable()),
  dbsLevelByProfession: tableOf(professions, z.enum(dbsLevels)),
  registrationRecheckDays: positive(365), interviewValuesPassMark: z.number().int().min(1).max(5),
  trainingRefresherYears: tableOf(trainingModules, positive(10)),
  trainingTargetWeeks: positive(52), trainingGraceWeeks: positive(52),
  osceTargetWeeks: positive(104), sponsorshipLimitMonths: positive(60), englishValidityMonths: positive(120),
  cbtMaxAttempts: positive(10), osceMaxAttempts: positive(10), minDaysBetweenAttempts: count(365), osceBookingLeadDays: count(365),
  preRegistrationBands: z.array(z.enum(['2', '3', '4', '5'])).min(1),
  checkDueDays: count(3650), hcswdMinWeeklyHours: positive(60), hcswdValuesPassMark: z.number().int().min(1).max(5),
  hcswdLiteracyPassMark: count(100), hcswdNumeracyPassMark: count(100), hcswdInductionDays: positive(60), hcswdShadowShiftDays: positive(60),
  hcswdCareCertificateWeeks: positive(104), hcswdSignOffMinHours: positive(5000), hcswdMaxWeeklyHours: positive(100),
  dbsRenewalMonths: positive(36), dbsRenewalLeadDays: z.number().int().min(30).max(180), complianceDueSoonDays: positive(365),
  complianceReminderDays: z.array(count(365)).max(10), complianceAlertDays: z.array(count(365)).max(10),
  registrationRenewalMonths: z.record(z.string(), positive(60)), workHealthReassessDays: count(365),
  trainingRolesNeeding: tableOf(trainingModules, z.array(z.enum(professions))),
}).partial();
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** The policy with a file's values over the defaults; tables are merged key by key. */
export function withPolicyFile(base: Policy, file: PolicyFile): Policy {
  const merged = { ...base, ...file } as Policy;
  merged.addressDocumentMaxAgeMonths = { ...base.addressDocumentMaxAgeMonths, ...(file.addressDocumentMaxAgeMonths as object) };
  merged.dbsLevelByProfession = { ...base.dbsLevelByProfession, ...(file.dbsLevelByProfession as object) };
  merged.trainingRefresherYears = { ...base.trainingRefresherYears, ...(file.trainingRefresherYears as object) };
  merged.registrationRenewalMonths = { ...base.registrationRenewalMonths, ...(file.registrationRenewalMonths as object) };
  merged.trainingRolesNeeding = { ...base.trainingRolesNeeding, ...(file.trainingRolesNeeding as object) };
  return merged;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const days = (n: number): number => n * DAY_MS;
/** Calendar months are approximated as 30.44 days: timers only need day precision. */
export const months = (n: number): number => Math.round(n * 30.44 * DAY_MS);
