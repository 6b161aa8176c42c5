// Statutory registrations: NMC PIN, HCPC (profession prefix + digits), GMC, GPhC, Social Work
// England, and home-country regulators abroad. Formats come from workflows/rules.ts, the same
// ones the journeys validate against; a number counts only beside its register's name (or in a
// registration section), so memberships (CSP, RCN) and stray digits are not mistaken for one.
import { registrationFormats } from '../../../workflows/rules.js';
import type { Line, Section } from '../text.js';
import type { Field, Registration, Source } from '../types.js';
import { field, sourceOf } from './common.js';
import { countryOf } from './lexicon.js';

const unanchored = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '');
const token = (re: RegExp, flags = 'g') => new RegExp(`(?<![A-Za-z0-9/])(?:${unanchored(re)})(?![A-Za-z0-9/])`, flags);

const NMC_NUMBER = token(registrationFormats.NMC);
const GMC_NUMBER = token(registrationFormats.GMC);
const GPHC_NUMBER = token(registrationFormats.GPhC);
// HCPC numbers are sometimes printed with a space after the prefix ("PH 123456").
const HCPC_PREFIX = unanchored(registrationFormats.HCPC).replace(/\[0-9\]\{1,6\}$/, ''); // "(AS|BS|…)"
const HCPC_NUMBER = new RegExp(`(?<![A-Za-z0-9/])${HCPC_PREFIX} ?([0-9]{1,6})(?![A-Za-z0-9/])`, 'g');
const SWE_NUMBER = /(?<![A-Za-z0-9/])SW ?0*([1-9][0-9]{0,7})(?![A-Za-z0-9/])/g;

const KW = {
  NMC: /\bNMC\b(?!\s+(?:of|Ghana|Nigeria))|Nursing (?:and|&) Midwifery Council(?! of)|\bPIN\b/,
  HCPC: /\bHCPC\b|Health (?:and|&) Care Professions Council/i,
  GMC: /\bGMC\b|General Medical Council/i,
  GPhC: /\bGPhC\b|General Pharmaceutical Council/i,
  SWE: /Social Work England|\bSWE\b/i,
};
const REG_WORDS = /regist|\breg\b|\breg\.|\bPIN\b|licen[cs]|council|board|commission|authority/i;
const UK_KW = /\b(?:NMC|HCPC|GMC|GPhC|SWE)\b|Social Work England/;

interface Hit { reg: Registration; line: Line; at: number; sure: boolean }

export function extractRegistrations(secs: Section[]): Field<Registration[]> {
  const hits: Hit[] = [];
  const lines: { line: Line; inRegistration: boolean }[] = secs
    .filter((s) => s.kind !== 'references')
    .flatMap((s) => s.lines.map((line) => ({ line, inRegistration: s.kind === 'registration' })));
  let order = 0;
  const add = (reg: Registration, line: Line, sure: boolean) => {
    if (hits.some((h) => h.reg.number === reg.number)) return;
    hits.push({ reg, line, at: order++, sure });
  };

  lines.forEach(({ line, inRegistration }, i) => {
    const text = line.text;
    const prev = lines[i - 1]?.line.text ?? '';
    const next = lines[i + 1]?.line.text ?? '';
    const near = (kw: RegExp) => kw.test(text) || kw.test(prev);
    const ukNumbersHere: string[] = [];

    for (const m of text.matchAll(NMC_NUMBER)) {
      add({ body: 'NMC', number: m[0] }, line, near(KW.NMC) || inRegistration);
      ukNumbersHere.push(m[0]);
    }
    if (near(KW.HCPC) || inRegistration) {
      for (const m of text.matchAll(HCPC_NUMBER)) {
        const number = `${m[1]}${m[2]}`;
        if (!registrationFormats.HCPC.test(number) || /member/i.test(text)) continue;
        add({ body: 'HCPC', number }, line, near(KW.HCPC));
        ukNumbersHere.push(number);
      }
    }
    for (const [body, re] of [['GMC', GMC_NUMBER], ['GPhC', GPHC_NUMBER]] as const) {
      if (!KW[body].test(text) && !KW[body].test(prev)) continue;
      // A label on one line and the number on the next is a common sidebar layout.
      const ms = [...text.matchAll(re)];
      const found = ms.length ? ms : KW[body].test(text) ? [...next.matchAll(re)] : [];
      for (const m of found.slice(0, 1)) { add({ body, number: m[0] }, line, true); ukNumbersHere.push(m[0]); }
    }
    if (near(KW.SWE) || inRegistration || /\bSW ?\d{4,}\b/.test(text)) {
      for (const m of text.matchAll(SWE_NUMBER)) {
        if (m[1]!.length < 3 && !near(KW.SWE)) continue; // SW1A, SW19: London postcodes
        const number = `SW${m[1]}`;
        add({ body: 'SWE', number }, line, near(KW.SWE));
        ukNumbersHere.push(number);
      }
    }

    // Overseas: a registration/licence line naming a foreign regulator or country, with an id.
    if (ukNumbersHere.length === 0 && REG_WORDS.test(text) && !(UK_KW.test(text) && !countryOf(text))) {
      if (/\bmember(ship)?\b/i.test(text) && !/licen[cs]|regist/i.test(text)) return;
      const label = text.length < 40 && !idIn(text);
      const context = label ? `${text} ${next}` : text;
      const country = countryOf(context);
      if (!country || (UK_KW.test(context) && !countryOf(text))) return;
      const id = idIn(label ? next : text);
      if (id) add({ body: 'overseas', number: id, country }, line, true);
    }
  });

  const regs = hits.sort((a, b) => a.at - b.at);
  const source: Source | null = regs.length ? sourceOf(regs[0]!.line, regs.map((h) => h.line.text).join(' / ')) : null;
  const confidence = regs.length === 0 ? 0.6 : Math.min(...regs.map((h) => (h.sure ? 0.93 : 0.7)));
  return field(regs.map((h) => h.reg), confidence, source);
}

/** An identifier: letters, digits, slashes or dashes with at least four digits, not a date or year. */
function idIn(text: string): string | null {
  for (const m of text.matchAll(/(?<![\w/.-])[A-Z]{0,6}[-/]?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*(?![\w/-])/g)) {
    const id = m[0];
    const digits = id.replace(/\D/g, '').length;
    if (digits < 4) continue;
    if (/^(?:19|20)\d\d$/.test(id)) continue;
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(id) || /^\d{4}[/.-]\d{1,2}(?:[/.-]\d{1,2})?$/.test(id)) continue;
    return id;
  }
  return null;
}
