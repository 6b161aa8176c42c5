// The parts of a job entry, shared by the employment readers: a title told from an employer by
// job-title words and organisation words, an employer without its town, and what is not work.
import { ORG_WORDS, ROLE_WORDS } from './lexicon.js';

export const NOT_WORK = /\b(career break|break|sabbatical|travel(?:l)?ing|travel|gap year|maternity leave|parental leave|carer'?s? leave|unemployed|job[- ]seeking|relocat(?:ion|ed|ing)|full-time carer|caring responsibilities|study leave|full-time study|career gap)\b/i;

export const clean = (s: string) => s.replace(/\t/g, ' ').replace(/^[\s|–—,:;-]+|[\s|–—,:;-]+$/g, '').replace(/\s+/g, ' ').replace(/^\((.*)\)$/, '$1').trim();

/** Top-level pieces of a line (commas, dashes, bars and tabs inside parentheses do not split). */
function segments(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const m = /^(?:,\s|\t|\s[–—|•]\s|\s-\s|\s+at\s+(?=\p{Lu}))/u.exec(text.slice(i));
      if (m) {
        out.push({ text: text.slice(start, i), start, end: i });
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push({ text: text.slice(start), start, end: text.length });
  return out.map((s) => ({ ...s, text: clean(s.text) })).filter((s) => s.text);
}

/** Employer without town or department: the first top-level piece. */
export const employerName = (text: string) => segments(text)[0]?.text ?? clean(text);

export const roleScore = (t: string) => (ROLE_WORDS.test(t) ? 1 : 0) + (/\(band\s*\d|\bband\s*[2-9]\b/i.test(t) ? 1 : 0);
const STRONG_ORG = /\b(nhs|trust|hospitals?|ltd|limited|plc|llp|council|health\s*board|care\s+home|inc|university|agency|staffing|pharmacy|clinic|centre|center|infirmary|hospice|surgery|practice|services|institute)\b/i;
export const orgScore = (t: string) => (STRONG_ORG.test(t) ? 2 : 0) + (ORG_WORDS.test(t) ? 1 : 0);

/** "Staff Nurse, Royal Free NHS Trust, Hampstead" → a title piece and an employer piece. */
function expand(piece: string): string[] {
  const segs = segments(piece);
  if (segs.length < 2) return [piece];
  const org = segs.findIndex((s) => orgScore(s.text) >= 2 && roleScore(s.text) === 0);
  const role = segs.findIndex((s) => roleScore(s.text) > 0 && orgScore(s.text) < 2);
  if (org < 0 || role < 0) return [piece];
  const employer = segs[org]!.text;
  const title = role < org ? clean(piece.slice(0, segs[org]!.start)) : clean(piece.slice(segs[org]!.end));
  return [title, employer];
}

export function classify(pieces: string[]): { title: string | null; employer: string | null } {
  // A line of its own that is an organisation is the employer: the other lines stay whole
  // ("Senior Social Worker, Hospital Discharge Team" over "Coventry City Council, Coventry").
  const whole = pieces.length >= 2 ? pieces.filter((p) => orgScore(employerName(p)) >= 2 && roleScore(p) === 0) : [];
  if (whole.length === 1) {
    const rest = pieces.filter((p) => p !== whole[0]).map(clean).filter(Boolean);
    const title = rest.reduce<string | null>((t, p) => (t === null || roleScore(p) > roleScore(t) ? p : t), null);
    return { title, employer: employerName(whole[0]!) };
  }
  const parts = pieces.flatMap((p) => expand(p)).filter(Boolean);
  if (parts.length === 0) return { title: null, employer: null };
  if (parts.length === 1) {
    const only = parts[0]!;
    return orgScore(only) >= 2 && roleScore(only) === 0 ? { title: null, employer: employerName(only) } : { title: clean(only), employer: null };
  }
  // The employer is the most organisation-like part; the title the most role-like of the rest.
  const lean = (t: string) => orgScore(t) - roleScore(t);
  let e = 0;
  parts.forEach((p, i) => { if (lean(p) > lean(parts[e]!)) e = i; });
  const rest = parts.filter((_, i) => i !== e);
  let t = rest[0]!;
  for (const p of rest) if (roleScore(p) > roleScore(t)) t = p;
  if (orgScore(parts[e]!) === 0 && roleScore(t) === 0) return { title: clean(parts[0]!), employer: employerName(parts[1]!) };
  return { title: clean(t), employer: employerName(parts[e]!) };
}

