// English test results laid out as a table, read by column (or row) header: a header row naming
// the four skills with a row of bands or grades under it ("Listening | Reading | Writing |
// Speaking | Overall | Test date"), in any order, or one row per skill ("Listening | 8.0",
// "Writing | 330 | C+" under "Sub-test | Score | Grade"). The overall comes from its column when
// there is one (IELTS) and is computed otherwise; the date comes from its column or row.
import { findDates } from '../dates.js';
import type { Line } from '../text.js';

export const SKILLS = ['listening', 'reading', 'writing', 'speaking'] as const;
export type Skill = (typeof SKILLS)[number];

const IELTS_BAND = /^(?:[0-8](?:\.[05])?|9(?:\.0)?)$/;
const OET_VALUE = /^(?:[A-E]\+?|[1-4]?\d?\d|500)$/;
const key = (cell: string) => cell.replace(/\s+/g, ' ').replace(/[:.*]+$/, '').trim().toLowerCase();

function skillOf(cell: string, letters: boolean): Skill | null {
  const k = key(cell).replace(/\s+(?:score|band|grade|result|module|sub-?test)s?$/, '');
  const full = SKILLS.find((s) => k === s);
  if (full) return full;
  return letters ? SKILLS.find((s) => k === s[0]) ?? null : null;
}

export interface TableResult { type: 'IELTS' | 'OET' | null; raw: Record<Skill, string>; overall: string | null; date: string | null; lines: Line[] }

const dateIn = (text: string) => findDates(text).find((d) => /^\d{4}-\d{2}(?:-\d{2})?$/.test(d.value))?.value ?? null;
const valueFits = (v: string) => IELTS_BAND.test(v) || OET_VALUE.test(v);

/** A header row of skills and the row of values under it. */
function across(lines: Line[]): TableResult | null {
  for (let h = 0; h < lines.length; h++) {
    const head = lines[h]!.cells;
    if (!head || head.length < 4) continue;
    const abbreviated = head.filter((c) => /^[LRWS]$/i.test(key(c))).length === 4;
    const skills = head.map((c) => skillOf(c, abbreviated));
    if (SKILLS.some((s) => !skills.includes(s))) continue;
    const rows = lines.slice(h + 1, h + 4).filter((l) => l.cells?.length === head.length);
    // Several rows (scores, then grades): the one whose every skill cell holds a value, grades first.
    const candidates = rows.filter((r) => skills.every((s, i) => !s || valueFits(key(r.cells![i]!).toUpperCase())));
    const row = candidates.find((r) => skills.some((s, i) => s && /^[a-e]\+?$/.test(key(r.cells![i]!)))) ?? candidates[0];
    if (!row) continue;
    const cells = row.cells!;
    const raw = Object.fromEntries(SKILLS.map((s) => [s, key(cells[skills.indexOf(s)]!).toUpperCase()])) as Record<Skill, string>;
    const col = (re: RegExp) => head.findIndex((c, i) => !skills[i] && re.test(key(c)));
    const overallAt = col(/overall|total|average|mean/);
    const dateAt = col(/date|taken|sat\b|when/);
    const overall = overallAt >= 0 && IELTS_BAND.test(key(cells[overallAt]!)) ? key(cells[overallAt]!) : null;
    const date = dateAt >= 0 ? dateIn(cells[dateAt]!) : dateIn(cells.join(' '));
    const text = `${head.join(' ')} ${cells.join(' ')}`;
    const type = /\bOET\b|occupational english/i.test(text) ? 'OET' : /\bIELTS\b/i.test(text) ? 'IELTS' : null;
    return { type, raw, overall, date, lines: [lines[h]!, row] };
  }
  return null;
}

/** One row per skill, the value in the column the header names (grade, band or score). */
function down(lines: Line[]): TableResult | null {
  const rows = lines.filter((l) => l.cells && l.cells.length >= 2 && skillOf(l.cells[0]!, false));
  if (new Set(rows.map((r) => skillOf(r.cells![0]!, false))).size < 4) return null;
  const header = lines.find((l) => l.cells && l.cells.length === rows[0]!.cells!.length && /sub-?test|skill|module|paper|component/i.test(key(l.cells[0]!)));
  const gradeAt = header ? header.cells!.findIndex((c) => /grade/.test(key(c))) : -1;
  const bandAt = header ? header.cells!.findIndex((c) => /band|score|result/.test(key(c))) : -1;
  const raw = {} as Record<Skill, string>;
  for (const r of rows) {
    const s = skillOf(r.cells![0]!, false)!;
    const values = r.cells!.slice(1).map((c) => key(c).toUpperCase());
    const pick = gradeAt > 0 && values[gradeAt - 1] ? values[gradeAt - 1]! : bandAt > 0 && values[bandAt - 1] ? values[bandAt - 1]! : values.find((v) => /^[A-E]\+?$/.test(v)) ?? values.find(valueFits);
    if (pick && valueFits(pick)) raw[s] ??= pick;
  }
  if (SKILLS.some((s) => !raw[s])) return null;
  const labelled = (re: RegExp) => lines.find((l) => l.cells && l.cells.length >= 2 && re.test(key(l.cells[0]!)));
  const overallRow = labelled(/^(?:overall|total|average|mean)/);
  const dateRow = labelled(/date|taken|sat\b/);
  const overall = (overallRow?.cells ?? []).slice(1).map(key).find((v) => IELTS_BAND.test(v)) ?? null;
  const date = dateRow ? dateIn(dateRow.cells!.slice(1).join(' ')) : null;
  return { type: null, raw, overall, date, lines: rows };
}

/** The test as a table, in the lines around its first mention, or null when it is not one. */
export function englishTable(lines: Line[]): TableResult | null {
  return across(lines) ?? down(lines);
}
