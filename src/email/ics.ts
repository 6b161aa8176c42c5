// iCalendar (RFC 5545), written in one place: the invitations attached to emails (METHOD:REQUEST,
// which needs an ORGANIZER: RFC 5546 §3.2.2) and the cohorts' OSCE subscription feed
// (METHOD:PUBLISH). Text values are escaped and every line is folded at 75 octets.
import { headerValue } from './headers.js';

export interface CalendarEvent {
  /** Stable per thing, so a change (a rebooking) updates the event instead of adding one. */
  uid: string;
  /** When this copy of the event was written (DTSTAMP). */
  stamp: Date;
  /** An ISO date (all-day events) or date-time. */
  start: string;
  allDay?: boolean;
  /** How long a timed event lasts (default 60). */
  minutes?: number;
  summary: string;
  location?: string | null | undefined;
  description: string;
  lastModified?: Date;
  /** Does not block time in the reader's calendar (a feed of other people's dates). */
  transparent?: boolean;
}

export interface Calendar {
  method: 'REQUEST' | 'PUBLISH';
  prodId: string;
  /** Who invites: required for METHOD:REQUEST. */
  organizer?: { name: string; email: string } | undefined;
  /** A subscription feed's name, and how often calendar apps should fetch it again. */
  feed?: { name: string; refreshHours: number };
  events: CalendarEvent[];
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const nextDay = (iso: string) => day(new Date(Date.parse(iso.slice(0, 10)) + 86_400_000).toISOString());
/** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
/** A parameter value with a comma, colon or semicolon is quoted; a quote cannot appear in one (§3.1). */
const param = (value: string) => {
  const s = headerValue(value); // a parameter is on its property's line: no line breaks
  return /[,:;]/.test(s) ? `"${s.replace(/"/g, '\'')}"` : s.replace(/"/g, '\'');
};

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

function eventLines(e: CalendarEvent, organizer: Calendar['organizer']): string[] {
  const start = new Date(e.start);
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${stamp(e.stamp)}`,
    ...(e.lastModified ? [`LAST-MODIFIED:${stamp(e.lastModified)}`] : []),
    ...(e.allDay
      ? [`DTSTART;VALUE=DATE:${day(e.start)}`, `DTEND;VALUE=DATE:${nextDay(e.start)}`]
      : [`DTSTART:${stamp(start)}`, `DTEND:${stamp(new Date(start.getTime() + (e.minutes ?? 60) * 60_000))}`]),
    ...(organizer ? [`ORGANIZER;CN=${param(organizer.name)}:mailto:${organizer.email}`] : []),
    `SUMMARY:${text(e.summary)}`,
    ...(e.location ? [`LOCATION:${text(e.location)}`] : []),
    `DESCRIPTION:${text(e.description)}`,
    ...(e.transparent ? ['TRANSP:TRANSPARENT'] : []),
    'END:VEVENT',
  ];
}

export function icsCalendar(cal: Calendar): string {
  if (cal.method === 'REQUEST' && !cal.organizer) throw new Error('an invitation (METHOD:REQUEST) needs an organizer');
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', `METHOD:${cal.method}`,
    ...(cal.feed ? [`X-WR-CALNAME:${text(cal.feed.name)}`, `X-PUBLISHED-TTL:PT${cal.feed.refreshHours}H`, `REFRESH-INTERVAL;VALUE=DURATION:PT${cal.feed.refreshHours}H`] : []),
    ...cal.events.flatMap((e) => eventLines(e, cal.organizer)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** "NHS Staff Bank <bank.recruitment@example.nhs.uk>" as a name and an address (the address alone if unnamed). */
export function mailbox(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(from);
  return m ? { name: m[1] || m[2]!, email: m[2]! } : { name: from.trim(), email: from.trim() };
}
