// CSV for every download (reports, cohorts) (RFC 4180: CRLF, fields quoted when they hold a comma, quote or
// line break, quotes doubled). Text that a spreadsheet would run as a formula (starting with
// = + - @, or a tab or carriage return) is prefixed with a single quote, so a candidate's
// withdrawal reason can never become a formula in someone's Excel. Numbers are written as they
// are: they come from the reports, not from people.
export type Cell = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A UTF-8 byte order mark first, so Excel reads names with accents correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
