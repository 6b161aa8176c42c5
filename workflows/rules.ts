// The NHS and regulator rules the guards apply (DOMAIN.md). Pure functions of their arguments.
import type { Attempt, Profession } from './types.js';
import { DAY_MS } from './policy.js';

export const registrationBodies = ['NMC', 'HCPC', 'GMC', 'GPhC', 'SWE', 'GDC', 'overseas'] as const;
export type RegistrationBody = (typeof registrationBodies)[number];

const HCPC_PREFIXES = ['AS', 'BS', 'CH', 'CS', 'DT', 'HAD', 'ODP', 'OR', 'OT', 'PA', 'PH', 'PO', 'PYL', 'RA', 'SL'];

/** Regulator number formats: validate the shape, never derive meaning from it. */
export const registrationFormats: Record<Exclude<RegistrationBody, 'GDC' | 'overseas'>, RegExp> = {
  NMC: /^[0-9]{2}[A-Z][0-9]{4}[A-Z]$/,
  HCPC: new RegExp(`^(${HCPC_PREFIXES.join('|')})[0-9]{1,6}$`),
  GMC: /^([0-9]{7}|L[0-9]{6})$/,
  GPhC: /^[25][0-9]{6}$/,
  SWE: /^SW[1-9][0-9]*$/,
};

export const registrationExamples: Record<RegistrationBody, string> = {
  NMC: '71A2998E', HCPC: 'PH123456', GMC: '7012345', GPhC: '2081234', SWE: 'SW12345', GDC: '123456', overseas: 'PRC-2019-88213',
};

/** Which UK register a profession must be on, if any. */
export function registerFor(profession: Profession): RegistrationBody | null {
  switch (profession) {
    case 'registered_nurse': case 'midwife': return 'NMC';
    case 'physiotherapist': case 'occupational_therapist': case 'radiographer':
    case 'speech_and_language_therapist': case 'operating_department_practitioner':
    case 'paramedic': case 'biomedical_scientist': return 'HCPC';
    case 'doctor': return 'GMC';
    case 'pharmacist': return 'GPhC';
    case 'social_worker': return 'SWE';
    case 'healthcare_assistant': case 'non_clinical': return null;
  }
}

/** HCPC numbers carry the profession's prefix: a physiotherapist's is PH…, a paramedic's PA…. */
const hcpcPrefixFor: Partial<Record<Profession, string[]>> = {
  physiotherapist: ['PH'], occupational_therapist: ['OT'], radiographer: ['RA'],
  speech_and_language_therapist: ['SL'], operating_department_practitioner: ['ODP'],
  paramedic: ['PA'], biomedical_scientist: ['BS'],
};

/** A well-formed example number for a profession (HCPC numbers carry the profession's prefix). */
export function registrationExampleFor(profession: Profession): { body: RegistrationBody; number: string } | null {
  const body = registerFor(profession);
  if (!body) return null;
  const prefix = hcpcPrefixFor[profession]?.[0];
  return { body, number: body === 'HCPC' && prefix ? `${prefix}123456` : registrationExamples[body] };
}

export function isValidRegistration(profession: Profession, body: string, number: string): boolean {
  const required = registerFor(profession);
  if (required === null || body !== required) return false;
  if (required === 'GDC' || required === 'overseas') return number.trim().length > 0;
  if (!registrationFormats[required].test(number)) return false;
  const prefixes = hcpcPrefixFor[profession];
  return required !== 'HCPC' || !prefixes || prefixes.some((p) => number.startsWith(p) && /^[0-9]/.test(number.slice(p.length)));
}

export const isRegisteredProfession = (p: Profession): boolean => registerFor(p) !== null;

// English language thresholds. IELTS bands are half-band steps 0–9; OET grades A > B > C+ > C > D > E.
export interface IeltsResult { type: 'IELTS'; overall: number; listening: number; reading: number; writing: number; speaking: number; date: string }
export interface OetResult { type: 'OET'; listening: string; reading: string; writing: string; speaking: string; date: string }
export type EnglishResult = IeltsResult | OetResult;

const oetRank: Record<string, number> = { A: 6, B: 5, 'C+': 4, C: 3, D: 2, E: 1 };
const oetAtLeast = (grade: string, min: string) => (oetRank[grade] ?? 0) >= (oetRank[min] ?? 99);

type EnglishStandard = 'nmc' | 'hcpc' | 'gmc';

export function meetsEnglishStandard(result: EnglishResult, standard: EnglishStandard): boolean {
  if (result.type === 'IELTS') {
    const { overall, listening, reading, writing, speaking } = result;
    if (standard === 'nmc') return overall >= 7 && writing >= 6.5 && reading >= 7 && listening >= 7 && speaking >= 7;
    if (standard === 'gmc') return overall >= 7.5 && [listening, reading, writing, speaking].every((b) => b >= 7);
    return overall >= 7 && [listening, reading, writing, speaking].every((b) => b >= 6.5);
  }
  const { listening, reading, writing, speaking } = result;
  if (standard === 'nmc') return [listening, reading, speaking].every((g) => oetAtLeast(g, 'B')) && oetAtLeast(writing, 'C+');
  return [listening, reading, writing, speaking].every((g) => oetAtLeast(g, 'B'));
}

export const daysBetween = (from: string, to: string): number =>
  Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** A new attempt may be taken if fewer than `max` were failed and the last was ≥ `gapDays` earlier. */
export function mayAttempt(attempts: Attempt[], date: string, max: number, gapDays: number): boolean {
  if (attempts.filter((a) => !a.passed).length >= max) return false;
  const last = attempts.at(-1);
  return !last || daysBetween(last.date, date) >= gapDays;
}
