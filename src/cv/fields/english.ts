// English language test: IELTS (overall + four bands) or OET (four letter grades), with the
// test date. Read from the lines after the first mention of the test, up to the next heading.
import { findDates, MONTH_NAME } from '../dates.js';
import { type Line, type Section, headingKind } from '../text.js';
import type { EnglishTest, Field } from '../types.js';
import { field, sourceOf } from './common.js';
import { englishTable, SKILLS, type Skill } from './english-table.js';

const IELTS_SCORE = '(?:[0-8](?:\\.[05])?|9(?:\\.0)?)';
const OET_GRADE = '(?:[A-E]\\+?|[1-4]\\d\\d|500|[0-9]{1,2}0)';

/** OET numeric scores (0–500) to grades, as OET reports them. */
function oetGrade(raw: string): string | null {
  if (/^[A-E]\+?$/.test(raw)) return raw === 'A+' || raw === 'B+' ? raw[0]! : raw;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 500) return null;
  return n >= 450 ? 'A' : n >= 350 ? 'B' : n >= 300 ? 'C+' : n >= 200 ? 'C' : n >= 100 ? 'D' : 'E';
}

/** IELTS overall: the mean of the four bands, to the nearest half band (.25 and .75 round up). */
export const ieltsOverall = (b: Record<Skill, number>) => Math.floor(((b.listening + b.reading + b.writing + b.speaking) / 4) * 2 + 0.5) / 2;

function bandsIn(text: string, score: string): Partial<Record<Skill, string>> {
  const out: Partial<Record<Skill, string>> = {};
  for (const skill of SKILLS) {
    const re = new RegExp(`\\b${skill}\\b\\s*(?:score|band|grade)?\\s*[:=\\-–]?\\s*\\(?(${score})(?![\\w.])`, 'i');
    const m = re.exec(text);
    if (m) out[skill] = m[1]!;
  }
  if (Object.keys(out).length === 0) {
    // One score for all four: "grade B in all four sub-tests", "7.0 in each band".
    const m = new RegExp(`(?:grades?\\s+|band\\s+|score\\s+)?\\b(${score})\\s+(?:in|across|for)\\s+(?:all|each|every)(?:\\s+(?:four|4))?(?:\\s+(?:sub-?tests?|skills?|bands?|areas?|components?|sections?|modules?|papers?))?\\b`, 'i').exec(text);
    if (m) for (const k of SKILLS) out[k] = m[1]!;
  }
  if (Object.keys(out).length < 4) {
    // Compact forms: "L 8.0 R 7.5 W 7.0 S 7.5", "L8/R7.5/W7/S7.5", "L: B, R: B, W: C+, S: B".
    const s = `\\s*[:=]?\\s*(${score})`;
    const m = new RegExp(`\\bL${s}\\s*[,;/|]?\\s*R${s}\\s*[,;/|]?\\s*W${s}\\s*[,;/|]?\\s*S${s}(?![\\w.])`).exec(text);
    if (m) SKILLS.forEach((k, i) => { out[k] = m[i + 1]!; });
  }
  return out;
}

export function extractEnglish(secs: Section[]): Field<EnglishTest | null> {
  const lines = secs.filter((s) => s.kind !== 'references').flatMap((s) => s.lines);
  const start = lines.findIndex((l) => /\bIELTS\b|\bOET\b|Occupational English Test/i.test(l.text));
  if (start < 0) return field(null, 0.8, null);
  const window: Line[] = [];
  for (let i = start; i < lines.length && window.length < 10; i++) {
    if (i > start && (headingKind(lines[i]!) || /\bIELTS\b|\bOET\b/.test(lines[i]!.text) && window.length > 3)) break;
    window.push(lines[i]!);
  }
  const text = window.map((l) => l.text.replace(/\t/g, ' ')).join('\n');
  const isOet = /\bOET\b|Occupational English Test/i.test(lines[start]!.text) && !/\bIELTS\b/.test(lines[start]!.text);
  const dated = findDates(text);
  const labelled = dated.find((d) => /date|taken|sat|on\b/i.test(text.slice(Math.max(0, d.index - 25), d.index)));
  const date = (labelled ?? dated.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value)) ?? dated[0])?.value ?? null;
  const source = sourceOf(window[0], window.map((l) => l.text).join(' / '));

  // A table of results: a few lines before the mention too (a header row above "IELTS Academic").
  let from = start;
  while (from > 0 && start - from < 3 && !headingKind(lines[from - 1]!)) from--;
  const table = englishTable([...lines.slice(from, start), ...window]);
  if (table) {
    const tableSource = sourceOf(table.lines[0], table.lines.map((l) => l.text).join(' / '));
    const letters = SKILLS.every((k) => /^[A-E]\+?$|^\d{3}$/.test(table.raw[k]));
    if (table.type === 'OET' || (table.type === null && (isOet || letters))) {
      const grades = Object.fromEntries(SKILLS.map((k) => [k, oetGrade(table.raw[k])]));
      if (SKILLS.every((k) => grades[k])) return field({ type: 'OET', bands: grades as Record<Skill, string>, date: table.date ?? date }, 0.93, tableSource);
    } else if (SKILLS.every((k) => /^\d(?:\.\d)?$/.test(table.raw[k]))) {
      const bands = Object.fromEntries(SKILLS.map((k) => [k, Number(table.raw[k])])) as Record<Skill, number>;
      const overall = table.overall ? Number(table.overall) : ieltsOverall(bands);
      return field({ type: 'IELTS', overall, bands, date: table.date ?? date }, table.overall ? 0.93 : 0.88, tableSource);
    }
  }

  if (isOet) {
    const raw = bandsIn(text, OET_GRADE);
    const grades = Object.fromEntries(SKILLS.map((k) => [k, raw[k] ? oetGrade(raw[k]!) : null]));
    if (SKILLS.some((k) => !grades[k])) return field(null, 0.4, source);
    return field({ type: 'OET', bands: grades as Record<Skill, string>, date }, date ? 0.9 : 0.7, source);
  }
  const raw = bandsIn(text, IELTS_SCORE);
  if (SKILLS.some((k) => raw[k] === undefined)) return field(null, 0.4, source);
  const bands = Object.fromEntries(SKILLS.map((k) => [k, Number(raw[k])])) as Record<Skill, number>;
  const printed = new RegExp(`overall(?:\\s+band)?(?:\\s+score)?\\s*[:=\\-–]?\\s*(${IELTS_SCORE})(?![\\w.])`, 'i').exec(text)
    ?? new RegExp(`\\bIELTS\\b[^\\n\\d]{0,30}?\\b([4-8](?:\\.[05])?|9(?:\\.0)?)(?![\\w.])(?!\\s*(?:bands?\\s+)?in each)(?!\\s*(?:st|nd|rd|th)?\\s*${MONTH_NAME})(?![/.-]\\d)`, 'i').exec(window[0]!.text);
  const overall = printed ? Number(printed[1]) : ieltsOverall(bands);
  return field({ type: 'IELTS', overall, bands, date }, (printed ? 0.92 : 0.8) - (date ? 0 : 0.15), source);
}
