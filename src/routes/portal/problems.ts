// A refused portal form, in the applicant's words: each error names the field to fix (as the
// form names it) and says how, for the error summary and the field's own message.
import { AppError } from '../../errors.js';
import type { FieldError } from '../../ui/portal/form-bits.js';

/** Plain words for the fields whose schema messages are generic ("Invalid input"). */
const fieldWords: Record<string, string> = {
  name: 'Enter the referee’s full name',
  email: 'Enter the referee’s email address, like name@example.com',
  organisation: 'Enter the organisation',
  relationship: 'Choose who the referee is to you',
  coversFrom: 'Enter the date you started there',
  coversTo: 'Enter the date you left, after the date you started',
  from: 'Enter the date the gap began',
  to: 'Enter the date the gap ended, after it began',
  reason: 'Choose why',
  explanation: 'Tell us what you were doing',
  shareCode: 'Enter your share code: 9 letters and numbers, like W9K 4X2 P7Q',
  dateOfBirth: 'Enter your date of birth',
  interviewAt: 'Choose one of the times we offered',
};

const generic = /^(invalid|too small|too big|expected|required)/i;

/** What went wrong with a form, when it is the applicant's to fix; anything else is rethrown. */
export function problemsOf(e: unknown, rename: (field: string) => string = (f) => f): FieldError[] {
  if (!(e instanceof AppError)) throw e;
  const friendly = (field: string, message: string) => {
    const last = field.split('.').pop() ?? field;
    const text = message.replace(/^[\w.]+: /, '');
    return { field: rename(field), message: generic.test(text) || !text ? (fieldWords[last] ?? text) : text[0]!.toUpperCase() + text.slice(1) };
  };
  switch (e.code) {
    case 'invalid_payload': {
      const list = (e.extra.errors as { field: string; message: string }[] | undefined) ?? [{ field: String(e.extra.field ?? ''), message: e.message }];
      return list.map((i) => friendly(i.field, i.message));
    }
    case 'event_not_allowed': {
      // "…is not allowed with these details now: <why>" — the why is the applicant's part.
      const why = e.message.includes(': ') ? e.message.slice(e.message.indexOf(': ') + 2) : 'This cannot be done at this step any more.';
      return [{ field: rename(String(e.extra.field ?? '')), message: why.includes('is not possible at this step') ? 'This step is no longer open: your application has moved on.' : why }];
    }
    case 'document_empty': case 'document_too_large': case 'document_type_not_allowed': case 'document_kind_refused':
      return [friendly(String(e.extra.field ?? 'file'), e.message)];
    case 'version_conflict':
      return [{ field: '', message: 'Your application changed since you opened this page. Check it and try again.' }];
    default:
      throw e;
  }
}
