// A calendar invitation attached to an email (interviews, assessments, OSCE sittings), from the
// sender as its organiser.
import { type CalendarEvent, icsCalendar } from '../ics.js';
import type { Attachment, TemplateData } from './types.js';

export function invitation(filename: string, d: TemplateData, event: Omit<CalendarEvent, 'stamp'>): Attachment {
  const ics = icsCalendar({ method: 'REQUEST', prodId: '-//Intake//NHS Staff Bank//EN', organizer: d.organizer, events: [{ ...event, stamp: d.now }] });
  return { filename, contentType: 'text/calendar; method=REQUEST', content: Buffer.from(ics).toString('base64') };
}
