// Employment history: every date range in the employment section(s) anchors one entry; the
// entry's title and employer are the short "header" lines on and around the anchor, told apart
// by job-title words and organisation words. Descriptions (bullets, sentences) are skipped, and
// career breaks are not employment.
//
// Where the headers sit is a property of the whole CV, read from its first entry: after the date
// ("Title  Jan 2019 – Present / Employer, Town", "03/2018 – 11/2020 Title / Employer", a date
// alone with the title above and the employer below), or all before it ("Title / Employer /
// Duration: 06/2015 to 04/2019", "Employer / Title  Mar 2018 – Present"). Table cells that wrap
// over lines are joined, and a column of dates printed before its column of titles is paired up
// in order.
import { type DateRange, findRanges, formatPoint, MONTH_NAME } from '../dates.js';
import { type Line, type Section, headingKind } from '../text.js';
import type { EmploymentEntry, Field } from '../types.js';
import { field, sourceOf } from './common.js';
import { classify, clean, NOT_WORK, orgScore, roleScore } from './job-parts.js';
import { ORG_WORDS } from './lexicon.js';
import { tableEmployment } from './employment-table.js';

const PAST_VERB = /^(?:[A-Z][a-z]+ed|Led|Ran|Made|Took|Gave|Wrote|Built|Set|Kept|Met|Sat|Won|Drove|Taught|Saw|Held|Dealt|Undertook|Oversaw|Began|Became)\b/;
const ORG_CONTINUATION = /^(?:NHS|Trust|Foundation|Hospitals?|University|Health|Healthcare|Care|Ltd|Limited|PLC|Council|Board|Services?|Group|Partnership|Teaching|Community|Medical|&|and|of)\b/;
const SEPARATOR = /\t|\s[–—|]\s|\s-\s|,\s/;
const DATE_LABEL = /^(?:duration|dates?|period|from|employed|tenure|when)\b\s*:?\s*/i;
const TABLE_HEADER = /^(?:dates?|period|from)\b.*\b(?:position|role|title|employer|organisation|organization|duties)\b/i;

interface Header { text: string; line: Line }

/** A sentence or bullet, not a title/employer line. */
function isDescription(line: Line): boolean {
  const t = line.text.replace(/\t/g, ' ').trim();
  if (line.bullet || /^(?:I|I'm|I've|My|We|Our)\b/.test(t)) return true;
  if (ORG_WORDS.test(t) && !/\.$/.test(t) && t.length < 110 && !PAST_VERB.test(t)) return false;
  if (/\.$/.test(t) && t.split(/\s+/).length > 3) return true;
  if (PAST_VERB.test(t) && !ORG_WORDS.test(t.split(/\s+/).slice(0, 3).join(' '))) return true;
  if (/^\p{Ll}/u.test(t)) return true; // a wrapped sentence continues in lower case
  if (t.length > 110) return true;
  return /\b(and|the|with|to|of|for|in|on|including|a|an)$/i.test(t) && !ORG_WORDS.test(t);
}

const isHeaderLine = (line: Line) => !headingKind(line) && !isDescription(line) && !TABLE_HEADER.test(line.text) && findRanges(line.text).length === 0;

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

/** Header lines right after an anchor, joining lines that wrap ("(Band 5)", "NHS Trust, Leeds"). */
function headersAfter(lines: Line[], from: number, stop: number, seed: string | null): Header[] {
  const out: Header[] = [];
  let pendingSeed = seed;
  for (let i = from; i < stop && out.length < 3; i++) {
    const line = lines[i]!;
    if (!isHeaderLine(line)) break;
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

/** Header lines right before an anchor (after `floor`), in order. */
function headersBefore(lines: Line[], at: number, floor: number, used: Set<number>): { headers: Header[]; idx: number[] } {
  const idx: number[] = [];
  for (let i = at - 1; i > floor && idx.length < 3; i--) {
    if (used.has(i) || !isHeaderLine(lines[i]!)) break;
    idx.unshift(i);
  }
  return { headers: idx.map((i) => ({ text: lines[i]!.text, line: lines[i]! })), idx };
}

interface Anchor { lineIdx: number; range: DateRange; remainder: string }

export function employmentLines(secs: Section[]): Line[] {
  const work = secs.filter((s) => s.kind === 'employment').flatMap((s) => s.lines);
  if (work.length) return work;
  // No recognisable heading: look everywhere except sections that are clearly something else.
  return secs.filter((s) => !['education', 'training', 'references', 'skills', 'english', 'registration'].includes(s.kind)).flatMap((s) => s.lines);
}

function findAnchors(lines: Line[], now: Date): Anchor[] {
  const anchors: Anchor[] = [];
  lines.forEach((line, lineIdx) => {
    if (line.bullet) return;
    const range = findRanges(line.text, now)[0];
    if (!range) return;
    const before = line.text.slice(0, range.index);
    const after = line.text.slice(range.index + range.length);
    // A range inside a sentence ("…audit (2019 – 2020).") is not an entry.
    if (/\($/.test(before.trim()) || (/\.\s*$/.test(line.text) && line.text.length > 60)) return;
    // Cells stay apart (a tab): "Title ⇥ Employer, Town ⇥ dates" is a title and an employer.
    const remainder = [before.replace(DATE_LABEL, ''), after].map((p) => p.replace(/\(\s*\)/g, '').split('\t').map(clean).filter(Boolean).join('\t')).filter(Boolean).join('\t');
    anchors.push({ lineIdx, range, remainder: DATE_LABEL.test(remainder) && remainder.split(/\s+/).length === 1 ? '' : remainder });
  });
  return anchors;
}

export function extractEmployment(secs: Section[], now: Date): Field<EmploymentEntry[]> {
  const table = tableEmployment(employmentLines(secs));
  if (table) {
    // Read by the column headers: as sure as the header is.
    const sure = table.filter((e) => e.entry.title && e.entry.employer).length;
    return field(table.map((e) => e.entry), 0.6 + 0.35 * (sure / table.length), sourceOf(table[0]!.line, table.map((e) => e.line.text).join(' / ')));
  }
  const lines = joinWrappedRanges(employmentLines(secs));
  const anchors = findAnchors(lines, now);
  const used = new Set<number>(anchors.map((a) => a.lineIdx));

  // Where do this CV's headers sit? Read it from the first entry, whose preceding lines can only
  // be its own.
  const first = anchors[0];
  const lead = first ? headersBefore(lines, first.lineIdx, -1, used).headers : [];
  const leadParts = [...lead.map((h) => h.text), ...(first?.remainder ? [first.remainder] : [])];
  const before = lead.length >= 2 || (lead.length >= 1 && !!first?.remainder
    && leadParts.some((p) => roleScore(p) > 0) && leadParts.some((p) => orgScore(p) >= 2));

  // Dates alone on consecutive lines are a column printed before its titles.
  const stacked = new Set<number>();
  anchors.forEach((a, k) => {
    const next = anchors[k + 1];
    if (next && !a.remainder && !next.remainder && next.lineIdx === a.lineIdx + 1) { stacked.add(k); stacked.add(k + 1); }
  });

  const found: { anchor: Anchor; pieces: Header[] }[] = [];
  anchors.forEach((a, k) => {
    const seed = a.remainder || null;
    let pieces: Header[];
    if (stacked.has(k)) {
      pieces = [];
    } else if (before) {
      const prev = headersBefore(lines, a.lineIdx, anchors[k - 1]?.lineIdx ?? -1, used);
      for (const i of prev.idx) used.add(i);
      pieces = [...prev.headers, ...(seed ? [{ text: seed, line: lines[a.lineIdx]! }] : [])];
    } else {
      pieces = headersAfter(lines, a.lineIdx + 1, anchors[k + 1]?.lineIdx ?? lines.length, seed);
      if (!seed) {
        // A date alone on its line: the title may sit just above it ("Title / Nov 2021–present / Employer").
        const prevIdx = a.lineIdx - 1;
        const prev = lines[prevIdx];
        const enough = pieces.length >= 2 && pieces.some((p) => roleScore(p.text) > 0);
        if (prev && !used.has(prevIdx) && !enough && isHeaderLine(prev)) pieces = [{ text: prev.text, line: prev }, ...pieces];
      }
      for (const p of pieces) used.add(lines.indexOf(p.line));
    }
    found.push({ anchor: a, pieces });
  });

  // A column of dates printed before its column of titles: pair the dates that found nothing
  // with the unused header groups that follow them, in order.
  const orphans = found.filter((f) => f.pieces.length === 0);
  if (orphans.length >= 2) {
    const groups: Header[][] = [];
    let group: Header[] = [];
    for (let i = orphans.at(-1)!.anchor.lineIdx + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!used.has(i) && isHeaderLine(line)) group.push({ text: line.text, line });
      else if (group.length) { groups.push(group); group = []; }
    }
    if (group.length) groups.push(group);
    orphans.forEach((o, i) => { o.pieces = groups[i] ?? []; });
  }

  const entries: { entry: EmploymentEntry; line: Line; sure: boolean }[] = [];
  for (const { anchor: a, pieces } of found) {
    const { title, employer } = classify(pieces.map((p) => p.text));
    const line = lines[a.lineIdx]!;
    if (NOT_WORK.test(title ?? '') || (!title && NOT_WORK.test(employer ?? '')) || (!title && !employer && NOT_WORK.test(line.text))) continue;
    entries.push({
      entry: { employer, title, start: formatPoint(a.range.start), end: a.range.end ? formatPoint(a.range.end) : null },
      line,
      sure: !!title && !!employer,
    });
  }

  const value = entries.map((e) => e.entry);
  const sure = entries.filter((e) => e.sure).length;
  const confidence = entries.length === 0 ? 0.3 : 0.5 + 0.4 * (sure / entries.length);
  return field(value, confidence, entries.length ? sourceOf(entries[0]!.line, entries.map((e) => e.line.text).join(' / ')) : null);
}
