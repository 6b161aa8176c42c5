// The cohort table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
// hold a comma, quote or line break, quotes doubled). Spreadsheet apps run a cell that starts
// with = + - or @ as a formula, so such cells get a leading single quote (OWASP "CSV injection");
// tab and carriage return count too, as some apps skip them before the formula.
import type { MemberRow } from './milestones.js';

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(',');

const attempts = (list: { date: string; passed: boolean }[]) => list.map((a) => `${a.date} ${a.passed ? 'passed' : 'failed'}`).join('; ');

export const csvHeader = [
  'Candidate', 'Email', 'Profession', 'Stage', 'Status', 'English test', 'English test date', 'English expires',
  'CBT attempts', 'Decision letter', 'CoS assigned', 'Visa applied', 'Visa granted', 'Flight date', 'Arrived',
  'OSCE booked', 'OSCE centre', 'OSCE attempts', 'PIN issued', 'PIN', 'Warnings',
];

/** The milestone table, one row per member, with a header row; UTF-8 with a byte-order mark so spreadsheet apps read names right. */
export function cohortCsv(rows: MemberRow[], stageLabel: (stage: string) => string): string {
  const lines = [csvRow(csvHeader)];
  for (const r of rows) {
    const m = r.milestones;
    lines.push(csvRow([
      r.fullName, r.email, r.profession, stageLabel(r.stage), r.status,
      m.english?.type, m.english?.date, m.english?.expiresOn,
      attempts(m.cbt), m.decisionLetter, m.cos, m.visa.applied, m.visa.granted, m.travel?.flightDate, m.arrivedAt?.slice(0, 10),
      m.osce.booked?.date, m.osce.booked?.centre ?? m.osce.sittings.at(-1)?.centre, attempts(m.osce.attempts), m.pin?.date, m.pin?.number,
      r.warnings.map((w) => w.message).join(' | '),
    ]));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
