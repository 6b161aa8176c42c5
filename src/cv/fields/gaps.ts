// Gaps of more than three months between periods of work (shared/fixtures/cvs/README.md):
// overlapping roles are merged, education is ignored, a bare year covers the whole year, and a
// gap runs from the month the earlier role ended to the month the next one started.
import { monthIndex, monthString } from '../dates.js';
import type { EmploymentEntry, Field, Gap } from '../types.js';
import { field } from './common.js';

export function employmentGaps(entries: EmploymentEntry[], now: Date): Gap[] {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const periods = entries.flatMap((e) => {
    const start = monthIndex(e.start, 'start');
    const end = e.end === null ? current : monthIndex(e.end, 'end');
    return start === null || end === null || end < start ? [] : [{ start, end }];
  }).sort((a, b) => a.start - b.start);
  const gaps: Gap[] = [];
  let covered: { start: number; end: number } | null = null;
  for (const p of periods) {
    if (covered && p.start - covered.end - 1 > 3) gaps.push({ from: monthString(covered.end), to: monthString(p.start) });
    covered = covered ? { start: covered.start, end: Math.max(covered.end, p.end) } : p;
  }
  return gaps.reverse(); // most recent first, like the employment list
}

export function extractGaps(employment: Field<EmploymentEntry[]>, now: Date): Field<Gap[]> {
  return field(employmentGaps(employment.value, now), employment.value.length ? employment.confidence : 0.2, employment.source);
}

/**
 * What the references check needs from the history (DOMAIN.md: references covering 3 years,
 * including the two most recent employers; gaps explained): the gaps that fall in the last three
 * years, and the employers in that window plus the two most recent, who should be referees.
 */
export interface ReferencesNeed { windowFrom: string; gapsToExplain: Gap[]; refereesNeeded: { employer: string; from: string; to: string | null }[] }

export function referencesNeed(entries: EmploymentEntry[], gaps: Gap[], now: Date): ReferencesNeed {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const windowStart = current - 36;
  const inWindow = (e: EmploymentEntry) => (e.end === null ? current : monthIndex(e.end, 'end') ?? -1) >= windowStart;
  const byRecency = [...entries].sort((a, b) => (monthIndex(b.start, 'start') ?? 0) - (monthIndex(a.start, 'start') ?? 0));
  const employers: { employer: string; from: string; to: string | null }[] = [];
  const seen = new Set<string>();
  for (const e of byRecency) {
    const name = e.employer ?? e.title ?? 'unknown employer';
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    if (!inWindow(e) && seen.size >= 2) continue;
    seen.add(key);
    employers.push({ employer: name, from: e.start, to: e.end });
  }
  return {
    windowFrom: monthString(windowStart),
    gapsToExplain: gaps.filter((g) => (monthIndex(g.to, 'start') ?? 0) > windowStart),
    refereesNeeded: employers,
  };
}
