// The NHS and regulator rules the guards apply (DOMAIN.md). Pure functions of their arguments.
import type { Profession } from './types.js';
import { type Refusal, refuse } from './refusal.js';

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

/** GPhC numbers: pharmacists' start with 2, pharmacy technicians' with 5. */
const gphcPrefixFor: Partial<Record<Profession, string>> = { pharmacist: '2' };

const bodyNames: Record<RegistrationBody, string> = {
  NMC: 'the NMC', HCPC: 'the HCPC', GMC: 'the GMC', GPhC: 'the GPhC', SWE: 'Social Work England', GDC: 'the GDC', overseas: 'an overseas regulator',
};

const formatWords: Record<Exclude<RegistrationBody, 'GDC' | 'overseas'>, string> = {
  NMC: 'an NMC PIN is 2 digits, a letter, 4 digits and a letter (e.g. 71A2998E)',
  HCPC: 'an HCPC number is the profession’s prefix and up to 6 digits (e.g. PH123456)',
  GMC: 'a GMC number is 7 digits, or L and 6 digits for limited registration (e.g. 7012345)',
  GPhC: 'a GPhC number is 7 digits (e.g. 2081234)',
  SWE: 'a Social Work England number is SW and digits, without leading zeros (e.g. SW12345)',
};

/** Why a registration number is not right for this profession (null: it is), said plainly. */
export function registrationProblem(profession: Profession, body: string, number: string): Refusal | null {
  const required = registerFor(profession);
  const who = profession.replace(/_/g, ' ');
  if (required === null) return refuse('registration.notRegistered', `A ${who} is not on a professional register.`, 'body');
  if (body !== required) return refuse('registration.body', `A ${who} is registered with ${bodyNames[required]}, not ${bodyNames[body as RegistrationBody] ?? body}.`, 'body');
  if (required === 'GDC' || required === 'overseas') return number.trim().length > 0 ? null : refuse('registration.format', 'Give the registration number.', 'number');
  if (!registrationFormats[required].test(number)) return refuse('registration.format', `“${number}” is not in the regulator’s format: ${formatWords[required]}.`, 'number');
  const prefixes = hcpcPrefixFor[profession];
  if (required === 'HCPC' && prefixes && !prefixes.some((p) => number.startsWith(p) && /^[0-9]/.test(number.slice(p.length)))) {
    return refuse('registration.format', `“${number}” is not in the regulator’s format for a ${who}: their HCPC number starts with ${prefixes.join(' or ')} (e.g. ${prefixes[0]}123456).`, 'number');
  }
  const gphc = gphcPrefixFor[profession];
  if (required === 'GPhC' && gphc && !number.startsWith(gphc)) {
    return refuse('registration.format', `“${number}” is not in the regulator’s format for a pharmacist: a pharmacist’s GPhC number starts with ${gphc}; numbers starting with 5 belong to pharmacy technicians.`, 'number');
  }
  return null;
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
