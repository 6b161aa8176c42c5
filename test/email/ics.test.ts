// One iCalendar writer for the invitations emails carry and the cohorts' feed: every line folded
// at 75 octets, and an invitation names its organiser (RFC 5546 needs one for METHOD:REQUEST).
import { describe, expect, it } from 'vitest';
import { icsCalendar, mailbox } from '../../src/email/ics.js';
import { invitation } from '../../src/email/templates/invitation.js';
import type { TemplateData } from '../../src/email/templates/types.js';

const now = new Date('2026-03-02T09:00:00Z');
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('calendar invitations', () => {
  const data = { now, organizer: mailbox('NHS Staff Bank <bank.recruitment@example.nhs.uk>') } as TemplateData;
  const event = { uid: 'interview-c1@intake', start: '2026-03-10T10:00:00Z', minutes: 45, summary: 'NHS staff bank interview', location: 'Room 1, St James’s, Leeds', description: `Bring photo ID; ${'and proof of address, '.repeat(8)}` };

  it('come from the sender as organiser, timed and folded at 75 octets', () => {
    const attachment = invitation('interview.ics', data, event);
    expect(attachment).toMatchObject({ filename: 'interview.ics', contentType: 'text/calendar; method=REQUEST' });
    const ics = Buffer.from(attachment.content, 'base64').toString('utf8');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('ORGANIZER;CN=NHS Staff Bank:mailto:bank.recruitment@example.nhs.uk');
    expect(lines).toContain('DTSTART:20260310T100000Z');
    expect(lines).toContain('DTEND:20260310T104500Z');
    expect(lines).toContain('LOCATION:Room 1\\, St James’s\\, Leeds');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toBe(`DESCRIPTION:Bring photo ID\\; ${'and proof of address\\, '.repeat(8)}`);
  });

  it('are refused without an organiser rather than sent broken', () => {
    expect(() => icsCalendar({ method: 'REQUEST', prodId: '-//x//EN', events: [] })).toThrow(/organizer/);
  });

  it('read a sender written as an address alone', () => {
    expect(mailbox('bank@example.nhs.uk')).toEqual({ name: 'bank@example.nhs.uk', email: 'bank@example.nhs.uk' });
  });
});
