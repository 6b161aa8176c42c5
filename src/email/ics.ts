// A calendar invitation (.ics, RFC 5545) for interviews, assessments and OSCE sittings.

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
/** Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

export interface CalendarEvent { uid: string; start: string; allDay?: boolean; minutes?: number; summary: string; location: string; description: string; created: Date }

export function icsEvent(e: CalendarEvent): string {
  const start = new Date(e.start);
  const when = e.allDay
    ? [`DTSTART;VALUE=DATE:${day(e.start)}`]
    : [`DTSTART:${stamp(start)}`, `DTEND:${stamp(new Date(start.getTime() + (e.minutes ?? 60) * 60_000))}`];
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Intake//NHS Staff Bank//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT',
    `UID:${e.uid}`, `DTSTAMP:${stamp(e.created)}`, ...when,
    `SUMMARY:${text(e.summary)}`, `LOCATION:${text(e.location)}`, `DESCRIPTION:${text(e.description)}`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
