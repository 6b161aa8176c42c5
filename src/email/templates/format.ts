// Dates and words as people read them in a UK email.
const tz = 'Europe/London';

const longParts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz });

/** "Tuesday 10 March 2026" (GOV.UK style: no comma). A date-only value is read as that calendar day. */
export const longDate = (iso: string) => {
  const parts = Object.fromEntries(longParts.formatToParts(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
};

export const dateTime = (iso: string) =>
  `${longDate(iso)} at ${new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: tz })}`;

export const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? fullName;

export const professionWords = (p: string) => p.replace(/_/g, ' ');

export const programmeWords: Record<string, string> = {
  domestic: 'staff bank',
  international: 'international recruitment programme',
  hcswd: 'Healthcare Support Worker Development programme',
};
