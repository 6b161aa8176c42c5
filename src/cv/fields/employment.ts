// Employment history: every date range in the employment section(s) anchors one entry; the
// entry's title and employer are the short "header" lines on and around the anchor, told apart
// by job-title words and organisation words. Descriptions (bullets, sentences) are skipped, and
// career breaks are not employment. Works for "Title  Jan 2019 – Present / Employer, Town",
// "03/2018 – 11/2020 Title / Employer", a date on its own line with the title above or below,
// and table cells whose text wraps over several lines.
import { type DateRange, findRanges, formatPoint, MONTH_NAME } from '../dates.js';
import { type Line, type Section, headingKind } from '../text.js';
import type { EmploymentEntry, Field } from '../types.js';
import { field, sourceOf } from './common.js';
import { ORG_WORDS, ROLE_WORDS } from './lexicon.js';

const NOT_WORK = /\b(career break|break|sabbatical|travel(?:l)?ing|travel|gap year|maternity leave|parental leave|carer'?s? leave|unemployed|job[- ]seeking|relocat(?:ion|ed|ing)|full-time carer|caring responsibilities|study leave|full-time study|career gap)\b/i;
const PAST_VERB = /^(?:[A-Z][a-z]+ed|Led|Ran|Made|Took|Gave|Wrote|Built|Set|Kept|Met|Sat|Won|Drove|Taught|Saw|Held|Dealt|Undertook|Oversaw|Began|Became)\b/;
const ORG_CONTINUATION = /^(?:NHS|Trust|Foundation|Hospitals?|University|Health|Healthcare|Care|Ltd|Limited|PLC|Council|Board|Services?|Group|Partnership|Teaching|Community|Medical|&|and|of)\b/;
const SEPARATOR = /\t|\s[–—|]\s|\s-\s|,\s/;

interface Header { text: string; line: Line }

/** A sentence or bullet, not a title/employer line. */
function isDescription(line: Line): boolean {
  const t = line.text.replace(/\t/g, ' ').trim();
  if (line.bullet) return true;
  if (ORG_WORDS.test(t) && !/\.$/.test(t) && t.length < 110 && !PAST_VERB.test(t)) return false;
  if (/\.$/.test(t) && t.split(/\s+/).length > 3) return true;
  if (PAST_VERB.test(t) && !ORG_WORDS.test(t.split(/\s+/).slice(0, 3).join(' '))) return true;
  if (/^\p{Ll}/u.test(t)) return true; // a wrapped sentence continues in lower case
  if (t.length > 110) return true;
  return /\b(and|the|with|to|of|for|in|on|including|a|an)$/i.test(t) && !ORG_WORDS.test(t);
}

const joinWrappedRanges = (lines: Line[]): Line[] => {
  const out: Line[] = [];
  const tail = new RegExp(`(?:${MONTH_NAME}|\\bto|[–—-])\\s*$`, 'i');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (next && tail.test(line.text) && /^(?:(?:19|20)\d\d|present|current|date|now)\b/i.test(next.text)) {
      out.push({ ...line, text: `${line.text} ${next.text}` });
      i++;
    } else out.push(line);
  }
  return out;
};

const clean = (s: string) => s.replace(/\t/g, ' ').replace(/^[\s|–—,:;-]+|[\s|–—,:;-]+$/g, '').replace(/\s+/g, ' ').replace(/^\((.*)\)$/, '$1').trim();

/** Employer without town or department: up to the first separator outside parentheses. */
function employerName(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const rest = text.slice(i);
      if (/^(?:,\s|\t|\s[–—|]\s|\s-\s|\s•\s)/.test(rest)) return clean(text.slice(0, i));
    }
  }
  return clean(text);
}

const roleScore = (t: string) => (ROLE_WORDS.test(t) ? 1 : 0) + (/\(band\s*\d|\bband\s*[2-9]\b/i.test(t) ? 1 : 0);
const orgScore = (t: string) => {
  const strong = /\b(nhs|trust|hospitals?|ltd|limited|plc|llp|council|health\s*board|care\s+home|inc|university|agency|staffing|pharmacy|clinic|centre|center|infirmary|hospice|surgery|practice|services)\b/i.test(t);
  return (strong ? 2 : 0) + (ORG_WORDS.test(t) ? 1 : 0);
};

/** Splits "Staff Nurse, Royal Free London NHS Foundation Trust" or "Title at Employer". */
function splitOne(text: string): { title: string | null; employer: string | null } {
  const parts = text.split(/\s+at\s+|\t|\s[–—|]\s|\s-\s|,\s/).map(clean).filter(Boolean);
  const orgIdx = parts.findIndex((p) => orgScore(p) >= 2);
  if (orgIdx > 0) return { title: parts.slice(0, orgIdx).join(' – '), employer: parts[orgIdx]! };
  if (orgIdx === 0 && parts.length > 1 && roleScore(parts[1]!) > 0 && orgScore(parts[1]!) < 2) return { title: parts[1]!, employer: parts[0]! };
  return orgScore(text) >= 2 && roleScore(text) === 0 ? { title: null, employer: employerName(text) } : { title: clean(text), employer: null };
}

function classify(pieces: Header[]): { title: string | null; employer: string | null } {
  if (pieces.length === 0) return { title: null, employer: null };
  if (pieces.length === 1) return splitOne(pieces[0]!.text);
  // The employer is the most organisation-like piece; the title the most role-like of the rest.
  let e = 0;
  pieces.forEach((p, i) => { if (orgScore(p.text) - roleScore(p.text) > orgScore(pieces[e]!.text) - roleScore(pieces[e]!.text)) e = i; });
  const rest = pieces.filter((_, i) => i !== e);
  let t = rest[0]!;
  for (const p of rest) if (roleScore(p.text) > roleScore(t.text)) t = p;
  if (orgScore(pieces[e]!.text) === 0 && roleScore(t.text) === 0) {
    return { title: clean(pieces[0]!.text), employer: employerName(pieces[1]!.text) };
  }
  return { title: clean(t.text), employer: employerName(pieces[e]!.text) };
}

/** Header lines after an anchor, joining lines that wrap ("(Band 5)", "NHS Trust, Leeds"). */
function headersAfter(lines: Line[], from: number, stop: number, seed: string | null): Header[] {
  const out: Header[] = [];
  let pendingSeed = seed;
  for (let i = from; i < stop && out.length < 3; i++) {
    const line = lines[i]!;
    if (headingKind(line) || isDescription(line) || findRanges(line.text).length) break;
    const t = line.text;
    if (pendingSeed !== null && /^\(/.test(t)) { pendingSeed = `${pendingSeed} ${t}`; continue; }
    const last = out.at(-1);
    if (last && (/^\(/.test(t) || (!SEPARATOR.test(last.text) && ORG_CONTINUATION.test(t)) || /\b(upon|on|de|of|and)$/i.test(last.text))) {
      last.text = `${last.text} ${t}`;
    } else {
      out.push({ text: t, line });
    }
    const next = lines[i + 1];
    const wraps = next && out.length && (/^\(/.test(next.text) || (!SEPARATOR.test(out.at(-1)!.text) && ORG_CONTINUATION.test(next.text)));
    if (!wraps && out.some((h) => orgScore(h.text) >= 2) && (seed !== null || out.length >= 2)) break;
  }
  if (pendingSeed !== null) out.unshift({ text: pendingSeed, line: lines[from - 1]! });
  return out;
}

interface Anchor { lineIdx: number; range: DateRange; remainder: string }

export function employmentLines(secs: Section[]): Line[] {
  const work = secs.filter((s) => s.kind === 'employment').flatMap((s) => s.lines);
  if (work.length) return work;
  // No recognisable heading: look everywhere except sections that are clearly something else.
  return secs.filter((s) => !['education', 'training', 'references', 'skills', 'english', 'registration'].includes(s.kind)).flatMap((s) => s.lines);
}

export function extractEmployment(secs: Section[], now: Date): Field<EmploymentEntry[]> {
  const lines = joinWrappedRanges(employmentLines(secs));
  const anchors: Anchor[] = [];
  lines.forEach((line, lineIdx) => {
    if (line.bullet) return;
    const range = findRanges(line.text, now)[0];
    if (!range) return;
    const before = line.text.slice(0, range.index);
    const after = line.text.slice(range.index + range.length);
    // A range inside a sentence ("…audit (2019 – 2020).") is not an entry.
    if (/\($/.test(before.trim()) || (/\.\s*$/.test(line.text) && line.text.length > 60)) return;
    anchors.push({ lineIdx, range, remainder: clean(`${before} ${after}`.replace(/\(\s*\)/g, '')) });
  });

  const entries: { entry: EmploymentEntry; line: Line; sure: boolean }[] = [];
  const used = new Set<number>();
  anchors.forEach((a, k) => {
    const nextAnchor = anchors[k + 1]?.lineIdx ?? lines.length;
    const seed = a.remainder || null;
    let pieces = headersAfter(lines, a.lineIdx + 1, nextAnchor, seed);
    if (!seed) {
      // Date alone on its line: the title may sit just above it ("Title / Nov 2021–present / Employer").
      const prevIdx = a.lineIdx - 1;
      const prev = lines[prevIdx];
      const afterTwo = pieces.length >= 2 && pieces.some((p) => roleScore(p.text) > 0);
      if (prev && !used.has(prevIdx) && !afterTwo && !headingKind(prev) && !isDescription(prev) && !findRanges(prev.text).length) {
        pieces = [{ text: prev.text, line: prev }, ...pieces];
        used.add(prevIdx);
      }
    }
    pieces.forEach((p) => used.add(lines.indexOf(p.line)));
    const { title, employer } = classify(pieces);
    const line = lines[a.lineIdx]!;
    if (NOT_WORK.test(title ?? '') || (!title && NOT_WORK.test(employer ?? '')) || (!title && !employer && NOT_WORK.test(line.text))) return;
    entries.push({
      entry: { employer, title, start: formatPoint(a.range.start), end: a.range.end ? formatPoint(a.range.end) : null },
      line,
      sure: !!title && !!employer,
    });
  });

  const value = entries.map((e) => e.entry);
  const sure = entries.filter((e) => e.sure).length;
  const confidence = entries.length === 0 ? 0.3 : 0.5 + 0.4 * (sure / entries.length);
  return field(value, confidence, entries.length ? sourceOf(entries[0]!.line, entries.map((e) => e.line.text).join(' / ')) : null);
}
