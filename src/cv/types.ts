// What the CV parser produces. Each value has exactly the shape of the same key in the ground
// truth of shared/fixtures/cvs (README there), so the eval compares like with like.
import type { Profession } from '../../workflows/types.js';

export type RegistrationBody = 'NMC' | 'HCPC' | 'GMC' | 'GPhC' | 'SWE' | 'overseas';
export interface Registration { body: RegistrationBody; number: string; country?: string }

export type IeltsBands = { listening: number; reading: number; writing: number; speaking: number };
export type OetBands = { listening: string; reading: string; writing: string; speaking: string };
export type EnglishTest =
  | { type: 'IELTS'; overall: number | null; bands: IeltsBands; date: string | null }
  | { type: 'OET'; bands: OetBands; date: string | null };

/** `YYYY-MM`, or `YYYY` where the CV gives only a year; `end` null for a current role. */
export interface EmploymentEntry { employer: string | null; title: string | null; start: string; end: string | null }
export interface Gap { from: string; to: string }

export interface CvValues {
  fullName: string | null;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  profession: Profession | null;
  registrations: Registration[];
  englishTest: EnglishTest | null;
  employment: EmploymentEntry[];
  gapsOverThreeMonths: Gap[];
}
export type CvFieldName = keyof CvValues;
export const cvFieldNames = [
  'fullName', 'email', 'phone', 'postcode', 'profession', 'registrations', 'englishTest', 'employment', 'gapsOverThreeMonths',
] as const satisfies readonly CvFieldName[];

/** Where a value came from: the line(s) of extracted text and the page they were on. */
export interface Source { text: string; page: number }

export interface Field<T> { value: T; confidence: number; source: Source | null }
export type CvFields = { [K in CvFieldName]: Field<CvValues[K]> };

/** cv_too_complex: past a cap (time, memory, decompressed size): a PDF no CV needs to be. */
export type CvErrorCode = 'cv_encrypted' | 'cv_unreadable' | 'cv_no_text' | 'cv_too_complex';
export type CvStatus = 'pending' | 'parsed' | 'needs_manual_review' | 'failed';

/** The outcome of one parse, as stored on the cv_documents row. */
export type CvParseOutcome =
  | { status: 'parsed' | 'needs_manual_review'; pages: number; pagesRead: number; truncated: boolean; fields: CvFields | null; error: { code: CvErrorCode; detail: string } | null; notes: string[] }
  | { status: 'failed'; pages: number | null; error: { code: CvErrorCode; detail: string } };

/** A failure with a stable code, raised inside the parser and carried across the worker boundary. */
export class CvParseError extends Error {
  constructor(readonly code: CvErrorCode, detail: string) { super(detail); }
}
