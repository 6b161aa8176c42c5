// Right to work (Home Office): an online check with the candidate's share code, a manual check of
// the original document, or IDVT — which is for British and Irish passports only. A time-limited
// permission must still run on the day of the check, and a follow-up check is booked before it
// ends; nobody works a shift after it has.
import { z } from 'zod';
import { type Rule, refuse } from '../refusal.js';
import { citizenshipDocuments, idvtDocuments, rightToWorkDocuments, rightToWorkMethods } from '../vocabulary.js';
import { addMonths, longDate, ukDateOf } from '../when.js';
import { isoDate, note, occurredOn } from '../events/fields.js';
import { applied, dateNotInFuture, inOrder } from './dates.js';

/** Home Office share codes are 9 letters and digits, often written in threes (W9K 4X2 P7Q). */
export const shareCode = z.string().trim().toUpperCase().transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{9}$/, 'a share code is 9 letters and digits, e.g. W9K 4X2 P7Q'));

export const rightToWorkEvidence = z.strictObject({
  method: z.enum(rightToWorkMethods),
  /** Online check: the share code the candidate gave. */
  shareCode: shareCode.optional(),
  /** Manual and IDVT checks: the document checked. */
  documentType: z.enum(rightToWorkDocuments).optional(),
  /** The checked document's expiry date (an IDVT passport must be in date). */
  documentExpiresOn: isoDate.optional(),
  /** What the check shows: permission without a time limit, or until a date. */
  permission: z.enum(['unlimited', 'time_limited']),
  permissionExpiresOn: isoDate.optional(),
  /** Time-limited permission: when the follow-up check is due (before the permission ends). */
  followUpOn: isoDate.optional(),
  occurredOn,
  note,
}).superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.method === 'share_code' && !v.shareCode) issue('shareCode', 'an online check needs the candidate’s share code');
  if (v.method !== 'share_code' && !v.documentType) issue('documentType', 'a manual or IDVT check names the document checked');
  if (v.method === 'idvt' && v.documentType && !idvtDocuments.includes(v.documentType)) {
    issue('documentType', 'IDVT can only be used for a British or Irish passport: check other documents by share code or by hand');
  }
  if (v.method === 'idvt' && !v.documentExpiresOn) issue('documentExpiresOn', 'IDVT needs an in-date passport: give its expiry date');
  if (v.method !== 'share_code' && v.documentType && citizenshipDocuments.includes(v.documentType) && v.permission !== 'unlimited') {
    issue('permission', 'British and Irish citizens have permission to work without a time limit');
  }
  if (v.permission === 'time_limited') {
    if (!v.permissionExpiresOn) issue('permissionExpiresOn', 'a time-limited permission needs the date it ends');
    if (!v.followUpOn) issue('followUpOn', 'a time-limited permission needs a follow-up check date, before the permission ends');
    if (v.permissionExpiresOn && v.followUpOn && v.followUpOn >= v.permissionExpiresOn) issue('followUpOn', 'the follow-up check must be before the permission ends');
  }
  if (v.permission === 'unlimited' && (v.permissionExpiresOn || v.followUpOn)) issue('permissionExpiresOn', 'an unlimited permission has no end date or follow-up check');
});

const checkDay = (event: { at: string; occurredOn?: unknown }) => (typeof event.occurredOn === 'string' ? event.occurredOn : ukDateOf(event.at));

/** The permission still runs, the follow-up is not already overdue, an IDVT passport is in date. */
const permissionCurrent: Rule = (_, event) => {
  const day = checkDay(event);
  const expires = event.permissionExpiresOn as string | undefined;
  if (expires && expires <= day) return refuse('rightToWork.permissionExpired', `The permission to work ended on ${longDate(expires)}: it must still run on the day of the check.`, 'permissionExpiresOn');
  const followUp = event.followUpOn as string | undefined;
  if (followUp && followUp < day) return refuse('rightToWork.followUpPast', `The follow-up check date (${longDate(followUp)}) has already passed.`, 'followUpOn');
  const passport = event.documentExpiresOn as string | undefined;
  if (event.method === 'idvt' && passport && passport < day) return refuse('rightToWork.idvtPassportExpired', `IDVT needs an in-date passport: this one expired on ${longDate(passport)}.`, 'documentExpiresOn');
  return null;
};

/**
 * What the candidate sends (issue 15): a share code with their date of birth, which is what the
 * employer's online check asks for, or word that they will show their documents (uploaded, then
 * the originals seen). Left out, a member of staff records only that it came.
 */
export const rightToWorkSubmission = z.strictObject({
  route: z.enum(['share_code', 'documents']).optional(),
  shareCode: shareCode.optional(),
  dateOfBirth: isoDate.optional(),
  occurredOn,
  note,
}).superRefine((v, ctx) => {
  if (v.route !== 'share_code') return;
  if (!v.shareCode) ctx.addIssue({ code: 'custom', path: ['shareCode'], message: 'enter your share code: 9 letters and digits, e.g. W9K 4X2 P7Q' });
  if (!v.dateOfBirth) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'enter your date of birth: the online check asks for it with the share code' });
});

/** A date of birth the online check can use: someone of working age (16 or over, as for a DBS), alive (under 120). */
const plausibleBirth: Rule = (_, event) => {
  const born = event.dateOfBirth;
  if (typeof born !== 'string') return null;
  const today = ukDateOf(event.at);
  if (born > today) return null;
  if (addMonths(born, 12 * 16) > today) return refuse('rightToWork.dateOfBirth', `Born on ${longDate(born)}, the candidate would be under 16: check the date of birth.`, 'dateOfBirth');
  if (addMonths(born, 12 * 120) <= today) return refuse('rightToWork.dateOfBirth', `${longDate(born)} is over 120 years ago: check the date of birth.`, 'dateOfBirth');
  return null;
};

export const rightToWorkRules = (): Record<string, Rule[]> => ({
  'rightToWork.submitted': [inOrder(applied), dateNotInFuture('dateOfBirth', 'A date of birth'), plausibleBirth],
  'rightToWork.cleared': [inOrder(applied), permissionCurrent],
});
