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
};

export const DAY_MS = 24 * 60 * 60 * 1000;
export const days = (n: number): number => n * DAY_MS;
/** Calendar months are approximated as 30.44 days: timers only need day precision. */
export const months = (n: number): number => Math.round(n * 30.44 * DAY_MS);
