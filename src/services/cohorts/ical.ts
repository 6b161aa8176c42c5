// The OSCE dates of a cohort as an iCalendar feed (RFC 5545) that calendar apps subscribe to:
// one all-day event per sitting (each attempt sat, and the one booked next). A sitting's UID is
// the journey and the attempt number, so a rebooking or a result updates the same event.
import type { MemberRow } from './milestones.js';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const nextDay = (iso: string) => day(new Date(Date.parse(iso.slice(0, 10)) + 86_400_000).toISOString());
/** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets are folded: CRLF and a space (§3.1), never inside a UTF-8 character or an escape. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // A TEXT escape (backslash and the character after it) is kept on one line, for lenient readers.
  for (const ch of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const results = { booked: 'booked', passed: 'passed', failed: 'not passed' } as const;

export function osceCalendar(cohort: { id: string; name: string }, rows: MemberRow[], host: string, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Intake//NHS Staff Bank cohorts//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`OSCE dates: ${cohort.name}`)}`, 'X-PUBLISHED-TTL:PT1H', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  for (const r of rows) {
    if (!r.journeyId) continue;
    for (const s of r.milestones.osce.sittings) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:osce-${r.journeyId}-${s.n}@${host}`,
        `DTSTAMP:${stamp(now)}`,
        `LAST-MODIFIED:${stamp(s.changedAt)}`,
        `DTSTART;VALUE=DATE:${day(s.date)}`,
        `DTEND;VALUE=DATE:${nextDay(s.date)}`,
        `SUMMARY:${text(`OSCE attempt ${s.n}: ${r.fullName} (${results[s.result]})`)}`,
        ...(s.centre ? [`LOCATION:${text(s.centre)}`] : []),
        `DESCRIPTION:${text(`${r.fullName}, ${cohort.name}. NMC test of competence part 2, attempt ${s.n}: ${results[s.result]}.`)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
