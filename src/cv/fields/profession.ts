// Profession (DOMAIN.md's roles): the register the candidate is on says most (an HCPC number's
// prefix names the profession), the headline under the name and the current job title say the
// rest, and words across the whole CV break ties.
import { registrationExampleFor } from '../../../workflows/rules.js';
import { type Profession, professions } from '../../../workflows/types.js';
import type { Line } from '../text.js';
import type { EmploymentEntry, Field, Registration } from '../types.js';
import { field, sourceOf } from './common.js';

const TITLE_RULES: [Profession, RegExp][] = [
  ['midwife', /\bmidwi(?:fe|ves|fery)\b|\bRM\b/i],
  ['operating_department_practitioner', /operating department|\bODP\b/i],
  ['speech_and_language_therapist', /speech (?:and|&) language|\bSLT\b|\bSALT\b/i],
  ['occupational_therapist', /occupational therap/i],
  ['physiotherapist', /physiotherap|\bphysio\b/i],
  ['radiographer', /radiograph|sonograph|\bradiology\b/i],
  ['paramedic', /\bparamedic/i],
  ['biomedical_scientist', /biomedical scien|\bBMS\b|medical laboratory scien/i],
  ['pharmacist', /\bpharmacist/i],
  ['social_worker', /social worker|\bsocial work\b/i],
  ['doctor', /\bdoctor\b|\bregistrar\b|\bconsultant (?:physician|surgeon|psychiatrist|in)\b|\b(?:ST|CT|FY)[1-8]\b|\bIMT\d?\b|foundation (?:year|doctor)|house officer|\bSHO\b|\bphysician\b|\bsurgeon\b|\bGP\b|medical officer|\bMBBS\b|\bMBChB\b/i],
  ['healthcare_assistant', /health ?care assistant|\bHCA\b|\bHCSW\b|care assistant|support worker|nursing assistant|care worker|\bcarer\b|healthcare support/i],
  ['registered_nurse', /\bnurse\b|\bnursing\b|\bRGN\b|\bRMN\b|ward sister|\bsister\b|\bmatron\b|\bRN\b/i],
  ['non_clinical', /secretar|administrat|\badmin\b|clerk|receptionist|co-?ordinator|\bmanager\b|finance|payroll|\bHR\b|human resources|porter|housekeep|domestic|analyst|\bIT\b|data|customer service|call handler/i],
];

/** HCPC prefix → profession, from the rules the journeys use. */
const hcpcPrefixes: [string, Profession][] = professions.flatMap((p) => {
  const ex = registrationExampleFor(p);
  return ex?.body === 'HCPC' ? [[ex.number.replace(/\d+$/, ''), p] as [string, Profession]] : [];
});

const fromTitle = (text: string): Profession | null => TITLE_RULES.find(([, re]) => re.test(text))?.[0] ?? null;

export function extractProfession(headline: Line | null, employment: EmploymentEntry[], registrations: Registration[], wholeText: string): Field<Profession | null> {
  const score = new Map<Profession, number>();
  const vote = (p: Profession | null, w: number) => { if (p) score.set(p, (score.get(p) ?? 0) + w); };

  for (const r of registrations) {
    if (r.body === 'HCPC') vote(hcpcPrefixes.find(([prefix]) => r.number.startsWith(prefix))?.[1] ?? null, 4);
    else if (r.body === 'GMC') vote('doctor', 4);
    else if (r.body === 'GPhC' && r.number.startsWith('2')) vote('pharmacist', 4);
    else if (r.body === 'SWE') vote('social_worker', 4);
    else if (r.body === 'NMC') { vote('registered_nurse', 2); vote('midwife', 1.5); }
  }
  vote(headline ? fromTitle(headline.text) : null, 3);
  const current = employment[0]?.title;
  vote(current ? fromTitle(current) : null, 3);
  // Every role word in the CV, lightly: breaks ties such as nurse vs midwife on an NMC PIN.
  for (const [p, re] of TITLE_RULES) {
    const n = wholeText.match(new RegExp(re.source, 'gi'))?.length ?? 0;
    vote(p, Math.min(n, 10) * 0.1);
  }
  if (score.size === 0) return field(null, 0.3, null);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, top] = ranked[0]!;
  const margin = top - (ranked[1]?.[1] ?? 0);
  const source = headline && fromTitle(headline.text) === best ? sourceOf(headline) : null;
  return field(best, Math.min(0.95, 0.5 + margin / 8), source);
}
