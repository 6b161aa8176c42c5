// Dates as CVs write them: "Jan 2019 – Present", "03/2018 – 11/2020", "2012 – 2017",
// "September 2021 to date", "Mar. 2015 – Aug. 2017", "Nov 2021–present", "Since 2019".

export interface MonthPoint { year: number; month: number | null }
export interface DateRange { start: MonthPoint; end: MonthPoint | null; index: number; length: number; text: string }

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = "(?:19[5-9]\\d|20\\d\\d)";
const POINT = `(?:${MONTH_NAME}\\s*,?\\s*${YEAR}|${MONTH_NAME}\\s*['’]\\d{2}(?!\\d)|(?:[0-3]?\\d[/.])?(?:0?[1-9]|1[0-2])\\s*[/.]\\s*${YEAR}|${YEAR}\\s*[/-]\\s*(?:0[1-9]|1[0-2])(?![\\d/])|${YEAR})`;
const OPEN = '(?:(?:to|till|until)\\s+(?:date|now|present)|present|current(?:ly)?|now|date|ongoing|today)';
const SEP = '\\s*(?:[-–—‒―~→]+|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b)\\s*';

const RANGE_RE = new RegExp(`(?<![\\w/.])(${POINT})${SEP}(${POINT}|${OPEN})(?![\\w/])`, 'gi');
const SINCE_RE = new RegExp(`\\b(?:since|from)\\s+(${POINT})(?![\\w/])(?!${SEP}(?:${POINT}|${OPEN}))`, 'gi');

export function parsePoint(text: string): MonthPoint | null {
  const t = text.trim().toLowerCase();
  let m = new RegExp(`^(${MONTH_NAME})\\s*,?\\s*(${YEAR})$`, 'i').exec(t);
  if (m) return { year: Number(m[2]), month: MONTHS[m[1]!.slice(0, 3)] ?? null };
  m = new RegExp(`^(${MONTH_NAME})\\s*['’](\\d{2})$`, 'i').exec(t);
  if (m) return { year: 2000 + Number(m[2]) > new Date().getUTCFullYear() + 1 ? 1900 + Number(m[2]) : 2000 + Number(m[2]), month: MONTHS[m[1]!.slice(0, 3)] ?? null };
  m = new RegExp(`^(?:[0-3]?\\d[/.])?(0?[1-9]|1[0-2])\\s*[/.]\\s*(${YEAR})$`).exec(t);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = new RegExp(`^(${YEAR})\\s*[/-]\\s*(0[1-9]|1[0-2])$`).exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = new RegExp(`^(${YEAR})$`).exec(t);
  if (m) return { year: Number(m[1]), month: null };
  return null;
}

const index = (p: MonthPoint, edge: 'start' | 'end') => p.year * 12 + ((p.month ?? (edge === 'start' ? 1 : 12)) - 1);

const found = new Map<string, DateRange[]>();

/** Every date range in a piece of text, in order. `end` is null for "present", "to date" etc. */
export function findRanges(text: string, now: Date = new Date()): DateRange[] {
  // Memoised: the employment readers ask about the same lines many times.
  const key = `${now.getUTCFullYear()}\u0000${text}`;
  const known = found.get(key);
  if (known) return known;
  if (found.size > 5000) found.clear();
  const ranges = rangesIn(text, now);
  found.set(key, ranges);
  return ranges;
}

function rangesIn(text: string, now: Date): DateRange[] {
  const out: DateRange[] = [];
  const latest = (now.getUTCFullYear() + 1) * 12;
  for (const m of text.matchAll(RANGE_RE)) {
    const start = parsePoint(m[1]!);
    const endText = m[2]!;
    const end = new RegExp(`^${OPEN}$`, 'i').test(endText.trim()) ? null : parsePoint(endText);
    if (!start || (end === undefined)) continue;
    if (end && index(end, 'end') < index(start, 'start')) continue;
    if (index(start, 'start') > latest) continue;
    out.push({ start, end, index: m.index, length: m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(SINCE_RE)) {
    const start = parsePoint(m[1]!);
    if (!start || out.some((r) => m.index >= r.index && m.index < r.index + r.length)) continue;
    out.push({ start, end: null, index: m.index, length: m[0].length, text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

export const formatPoint = (p: MonthPoint): string => (p.month ? `${p.year}-${String(p.month).padStart(2, '0')}` : String(p.year));

/** `YYYY-MM` or `YYYY` → a month number; a bare year is its January (start) or December (end). */
export function monthIndex(value: string, edge: 'start' | 'end'): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  return index({ year: Number(m[1]), month: m[2] ? Number(m[2]) : null }, edge);
}
export const monthString = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

// ── Single calendar dates (test dates): "13 May 2017", "22/08/2020", "2020-08-22", "May 13, 2017"
export function findDates(text: string): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const ok = (y: number, mo: number, d: number) => mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y >= 1950 && y <= 2100;
  for (const m of text.matchAll(new RegExp(`\\b([0-3]?\\d)(?:st|nd|rd|th)?(?:\\s+|\\s*[-/.]\\s*)(${MONTH_NAME})(?:\\s*,?\\s*|\\s*[-/.]\\s*)(${YEAR})\\b`, 'gi'))) {
    const y = Number(m[3]), mo = MONTHS[m[2]!.toLowerCase().slice(0, 3)]!, d = Number(m[1]);
    if (ok(y, mo, d)) out.push({ value: `${y}-${pad(mo)}-${pad(d)}`, index: m.index });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${MONTH_NAME})\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+(${YEAR})\\b`, 'gi'))) {
    const y = Number(m[3]), mo = MONTHS[m[1]!.toLowerCase().slice(0, 3)]!, d = Number(m[2]);
    if (ok(y, mo, d)) out.push({ value: `${y}-${pad(mo)}-${pad(d)}`, index: m.index });
  }
  for (const m of text.matchAll(new RegExp(`\\b([0-3]?\\d)[/.-]([01]?\\d)[/.-](${YEAR})\\b`, 'g'))) {
    const y = Number(m[3]), mo = Number(m[2]), d = Number(m[1]); // UK order: day first
    if (ok(y, mo, d)) out.push({ value: `${y}-${pad(mo)}-${pad(d)}`, index: m.index });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${YEAR})-([01]\\d)-([0-3]\\d)\\b`, 'g'))) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    if (ok(y, mo, d)) out.push({ value: `${y}-${pad(mo)}-${pad(d)}`, index: m.index });
  }
  for (const m of text.matchAll(new RegExp(`(?<![\\d/.-])(0?[1-9]|1[0-2])[/.](${YEAR})\\b`, 'g'))) {
    out.push({ value: `${m[2]}-${pad(Number(m[1]))}`, index: m.index });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${MONTH_NAME})\\s*,?\\s*(${YEAR})\\b`, 'gi'))) {
    if (out.some((o) => Math.abs(o.index - m.index) < 6)) continue; // part of a full date
    out.push({ value: `${m[2]}-${pad(MONTHS[m[1]!.toLowerCase().slice(0, 3)]!)}`, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}
