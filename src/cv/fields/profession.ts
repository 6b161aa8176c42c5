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

const REGULATOR = /\b(?:nurs\w*|midwi\w*)(?:\s*(?:and|&)\s*(?:nurs\w*|midwi\w*))?\s+(?:council|board|commission|authority|association)\b/gi;

const fromTitle = (text: string): Profession | null => TITLE_RULES.find(([, re]) => re.test(text))?.[0] ?? null;

/** What a register allows: a profession an HCPC prefix, GMC, GPhC or SWE number names, or NMC's two. */
function registered(registrations: Registration[]): Profession[] | null {
  for (const r of registrations) {
    if (r.body === 'HCPC') { const p = hcpcPrefixes.find(([prefix]) => r.number.startsWith(prefix))?.[1]; if (p) return [p]; }
    if (r.body === 'GMC') return ['doctor'];
    if (r.body === 'GPhC' && r.number.startsWith('2')) return ['pharmacist'];
    if (r.body === 'SWE') return ['social_worker'];
  }
  return registrations.some((r) => r.body === 'NMC') ? ['registered_nurse', 'midwife'] : null;
}

/**
 * `registrationLines`: the lines that carry a registration number (and the line beside one
 * printed as a label and value), which often name the role ("NMC PIN … – Registered Midwife").
 */
export function extractProfession(headline: Line | null, employment: EmploymentEntry[], registrations: Registration[], wholeText: string, registrationLines: Line[] = []): Field<Profession | null> {
  const score = new Map<Profession, number>();
  const vote = (p: Profession | null, w: number) => { if (p) score.set(p, (score.get(p) ?? 0) + w); };

  // A statutory register says most: only its professions can win (an NMC PIN makes a ward
  // manager a nurse, not an administrator), and the role its line names decides among them.
  const allowed = registered(registrations);
  if (allowed?.length === 1) vote(allowed[0]!, 4);
  else if (allowed) { vote('registered_nurse', 2); vote('midwife', 1.5); }
  // The register's own name is no role ("Nursing and Midwifery Council" says nothing of midwives).
  for (const line of registrationLines) vote(fromTitle(line.text.replace(REGULATOR, ' ')), 5);
  vote(headline ? fromTitle(headline.text) : null, 3);
  const current = employment[0]?.title;
  vote(current ? fromTitle(current) : null, 3);
  // Every role word in the CV, lightly: breaks ties such as nurse vs midwife on an NMC PIN.
  for (const [p, re] of TITLE_RULES) {
    const n = wholeText.match(new RegExp(re.source, 'gi'))?.length ?? 0;
    vote(p, Math.min(n, 10) * 0.1);
  }
  if (allowed) for (const p of [...score.keys()]) if (!allowed.includes(p)) score.delete(p);
  if (score.size === 0) return field(null, 0.3, null);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, top] = ranked[0]!;
  const margin = top - (ranked[1]?.[1] ?? 0);
  const said = [headline, ...registrationLines].find((l) => l && fromTitle(l.text.replace(REGULATOR, ' ')) === best) ?? null;
  return field(best, Math.min(0.95, 0.5 + margin / 8 + (allowed ? 0.2 : 0)), said ? sourceOf(said) : null);
}
