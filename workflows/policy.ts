// Local policy choices (DOMAIN.md marks them *(policy)*): configurable, never literals in machines.

export interface Policy {
  offerExpiryDays: number;
  offerReminderDays: number;
  /** Reference chasers, in days after the request: chase, alert, alert, ask for another referee. */
  referenceChaseDays: [number, number, number, number];
  /** Day the trust's HR contact is alerted about a reference still missing. */
  referenceHrAlertDay: number;
  referencesRequired: number;
  osceTargetWeeks: number;
  sponsorshipLimitMonths: number;
  englishValidityMonths: number;
  cbtMaxAttempts: number;
  osceMaxAttempts: number;
  minDaysBetweenAttempts: number;
  osceBookingLeadDays: number;
  checkDueDays: number;
  /** HCSWD screening: hours a week the candidate must be free to work (paid supervised work is ≥30). */
  hcswdMinWeeklyHours: number;
  /** HCSWD assessment: lowest score (1–5) accepted on each of the six NHS Constitution values. */
  hcswdValuesPassMark: number;
  /** HCSWD assessment: literacy and numeracy test pass marks, in percent. */
  hcswdLiteracyPassMark: number;
  hcswdNumeracyPassMark: number;
  /** HCSWD classroom induction and supervised ward practice (shadow shifts), in days attended. */
  hcswdInductionDays: number;
  hcswdShadowShiftDays: number;
  /** Weeks of paid supervised work after which an unfinished Care Certificate prompts a reminder. */
  hcswdCareCertificateWeeks: number;
  /** Supervised hours a trainee must have worked before the trust signs them off. */
  hcswdSignOffMinHours: number;
}

export const defaultPolicy: Policy = {
  offerExpiryDays: 14,
  offerReminderDays: 11,
  referenceChaseDays: [3, 6, 9, 12],
  referenceHrAlertDay: 10,
  referencesRequired: 2,
  osceTargetWeeks: 12,
  sponsorshipLimitMonths: 8,
  englishValidityMonths: 24,
  cbtMaxAttempts: 3,
  osceMaxAttempts: 3,
  minDaysBetweenAttempts: 10,
  osceBookingLeadDays: 14,
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
};

export const DAY_MS = 24 * 60 * 60 * 1000;
export const days = (n: number): number => n * DAY_MS;
/** Calendar months are approximated as 30.44 days: timers only need day precision. */
export const months = (n: number): number => Math.round(n * 30.44 * DAY_MS);
