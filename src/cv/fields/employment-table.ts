// Employment laid out as a table whose header row names its columns ("Dates | Position |
// Employer", "Employer | Job title | From | To", "Period | Role and employer"): each row's cells
// are read by what their column's header says they hold, not by guessing from the words. The
// header carries over a page break; the table ends at the next heading.
import { findRanges, formatPoint, type MonthPoint, parsePoint } from '../dates.js';
import { headingKind, type Line } from '../text.js';
import type { EmploymentEntry } from '../types.js';
import { classify, clean, employerName, NOT_WORK } from './job-parts.js';

type Role = 'dates' | 'from' | 'to' | 'title' | 'employer' | 'mixed';

const ROLES: [Role, RegExp][] = [
  ['mixed', /\b(?:role|position|post|job|title)s?\b.*\b(?:employer|organi[sz]ation|company|place of work)\b|\b(?:employer|organi[sz]ation)\b.*\b(?:role|position|post|title)\b/],
  ['from', /^(?:from|start(?:ed)?|start date|date (?:from|started)|began)$/],
  ['to', /^(?:to|until|end(?:ed)?|end date|date (?:to|left)|finish(?:ed)?|left)$/],
  ['dates', /^(?:dates?|period|duration|when|years?|tenure|(?:employment )?dates?(?: of employment)?|from\s*[-–/]\s*to)$/],
  ['title', /^(?:job |role |position )?(?:title|role|position|post|designation|grade|job)(?: held)?$/],
  ['employer', /^(?:employer|organi[sz]ation|company|trust|hospital|place of work|workplace|establishment|institution|facility)(?:\s*(?:and|&|\/)\s*(?:location|town|place))?$/],
];

const roleOf = (cell: string): Role | null => {
  const key = cell.replace(/\s+/g, ' ').replace(/[:.]$/, '').trim().toLowerCase();
  return ROLES.find(([, re]) => re.test(key))?.[0] ?? null;
};

/** The roles of a header row's columns, or null if the row is not an employment table's header. */
function headerRoles(line: Line): (Role | null)[] | null {
  if (!line.table || !line.cells || line.cells.length < 2) return null;
  const roles = line.cells.map((c) => (c ? roleOf(c) : null));
  const named = roles.filter(Boolean);
  const when = named.includes('dates') || named.includes('from');
  const what = named.includes('title') || named.includes('employer') || named.includes('mixed');
  return when && what && named.length >= line.cells.filter(Boolean).length - 1 ? roles : null;
}

const OPEN = /^(?:present|current(?:ly)?|now|to date|date|ongoing|till date|until now)$/i;

function period(cells: string[], roles: (Role | null)[]): { start: MonthPoint; end: MonthPoint | null } | null {
  const cell = (r: Role) => cells[roles.indexOf(r)]?.replace(/\n/g, ' ').trim() ?? '';
  if (roles.includes('dates')) {
    const range = findRanges(cell('dates'))[0];
    return range ? { start: range.start, end: range.end } : null;
  }
  const start = parsePoint(cell('from'));
  if (!start) return null;
  const to = cell('to');
  return { start, end: !to || OPEN.test(to) ? null : parsePoint(to) };
}

export interface TableEntry { entry: EmploymentEntry; line: Line }

/** Entries from an employment table with a recognisable header, or null if there is none. */
export function tableEmployment(lines: Line[]): TableEntry[] | null {
  let roles: (Role | null)[] | null = null;
  const out: TableEntry[] = [];
  for (const line of lines) {
    const header = headerRoles(line);
    if (header) { roles = header; continue; }
    if (!roles) continue;
    if (headingKind(line) && !line.table) { roles = null; continue; }
    if (!line.table || line.cells?.length !== roles.length) continue;
    const cells = line.cells;
    const when = period(cells, roles);
    if (!when) continue;
    const at = (r: Role) => cells[roles!.indexOf(r)] ?? '';
    let title: string | null = roles.includes('title') ? clean(at('title').replace(/\n/g, ' ')) || null : null;
    let employer: string | null = roles.includes('employer') ? employerName(at('employer').replace(/\n/g, ' ')) || null : null;
    if (roles.includes('mixed')) {
      const parts = classify(at('mixed').split('\n').map((p) => p.trim()).filter(Boolean));
      title ??= parts.title;
      employer ??= parts.employer;
    }
    if (NOT_WORK.test(title ?? '') || (!title && NOT_WORK.test(employer ?? ''))) continue;
    out.push({ entry: { employer, title, start: formatPoint(when.start), end: when.end ? formatPoint(when.end) : null }, line });
  }
  return out.length ? out : null;
}
