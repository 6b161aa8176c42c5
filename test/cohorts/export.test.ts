// The cohort table as CSV (escaped, formula cells neutralised) and the OSCE dates as an iCalendar
// feed a calendar app subscribes to with a token in the URL, no session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/services/csv.js';
import { fold } from '../../src/email/ics.js';
import { feedToken } from '../../src/services/cohorts/links.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, type Staff, atState, cohortIdFrom, internationalCandidate, journeyOf, page, postForm, signIn, walkUntil } from './support.js';

let t: TestIntake;
let coordinator: Staff;
let cohortId: string;
let otherCohortId: string;
let kemi: string;
let kemiJourney: string;
const awkward = ['O\'Brien, Siobhán "Shiv"', '=HYPERLINK("http://evil.example","x")', '+44 Nurse', '-Minus Person', '@Alias Person'];

/** RFC 4180 parsing, to read the export back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

/** The VEVENTs of a feed, unfolded, as property maps. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { out.push(current!); current = null; } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

const feed = (id: string, token: string | null) => t.intake.http.request(`/feeds/cohorts/${id}/osce.ics${token === null ? '' : `?token=${encodeURIComponent(token)}`}`);
const ymd = (iso: string) => iso.replace(/-/g, '');

beforeAll(async () => {
  t = await startTestIntake();
  kemi = await internationalCandidate(t, 'Kemi Balogun');
  const others = [];
  for (const name of awkward) others.push(await internationalCandidate(t, name));
  // Kemi sits the OSCE, fails, and is booked for a resit.
  await walkUntil(t, kemi, atState('travel.booked'));
  expect((await t.post(`/api/candidates/${kemi}/events`, { type: 'arrivedInUk' })).status).toBe(200);
  await walkUntil(t, kemi, atState('osce.booked'));
  const first = (await journeyOf(t, kemi)).context.osceBooking;
  t.clock.set(new Date(`${first.date}T12:00:00Z`));
  expect((await t.post(`/api/candidates/${kemi}/events`, { type: 'osceFailed', date: first.date, stationsFailed: ['Assessment'] })).status).toBe(200);
  t.clock.advance(DAY);
  const resit = new Date(t.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10);
  expect((await t.post(`/api/candidates/${kemi}/events`, { type: 'osceBooked', date: resit, centre: '@Northampton, "Centre"' })).status).toBe(200);
  kemiJourney = (await journeyOf(t, kemi)).id;
  coordinator = await signIn(t, 'coordinator');
  cohortId = cohortIdFrom((await postForm(t, '/cohorts', coordinator, { name: 'Export: March, 2027', startsOn: '2027-03-01' })).headers.get('location'));
  otherCohortId = cohortIdFrom((await postForm(t, '/cohorts', coordinator, { name: 'Another', startsOn: '2027-04-01' })).headers.get('location'));
  await postForm(t, `/cohorts/${cohortId}/members`, coordinator, { candidateId: [kemi, ...others] });
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('CSV export', () => {
  it('downloads the milestone table as CSV with a header row and one row per candidate', async () => {
    const res = await page(t, `/cohorts/${cohortId}/export.csv`, coordinator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="export-march-2027-milestones.csv"');
    // A UTF-8 byte-order mark first, so spreadsheet apps read accented names right (fetch's text() drops it).
    const bytes = new Uint8Array(await (await t.intake.http.request(`/cohorts/${cohortId}/export.csv`, { headers: { cookie: coordinator.cookie } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(1 + 1 + awkward.length);
    expect(rows[0]).toEqual([
      'Candidate', 'Email', 'Profession', 'Stage', 'Status', 'English test', 'English test date', 'English expires',
      'CBT attempts', 'Decision letter', 'CoS assigned', 'Visa applied', 'Visa granted', 'Flight date', 'Arrived',
      'OSCE booked', 'OSCE centre', 'OSCE attempts', 'PIN issued', 'PIN', 'Warnings',
    ]);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const k = (await journeyOf(t, kemi)).context;
    const kemiRow = rows.find((r) => r[0] === 'Kemi Balogun')!;
    expect(kemiRow.slice(2, 8)).toEqual(['registered_nurse', 'OSCE', 'in_progress', 'IELTS', k.englishTest.date, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    expect(kemiRow[8]).toBe(`${k.cbtAttempts[0].date} passed`);
    expect(kemiRow[14]).toBe(k.arrivedAt.slice(0, 10));
    expect(kemiRow.slice(15, 18)).toEqual([k.osceBooking.date, '\'@Northampton, "Centre"', `${k.osceAttempts[0].date} failed`]);
  });

  it('quotes commas and quotes, and neutralises cells a spreadsheet would run as a formula', async () => {
    const res = await page(t, `/cohorts/${cohortId}/export.csv`, coordinator);
    expect(res.text).toContain('"O\'Brien, Siobhán ""Shiv"""');
    expect(res.text).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    const names = parseCsv(res.text).slice(1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['O\'Brien, Siobhán "Shiv"', '\'=HYPERLINK("http://evil.example","x")', '\'+44 Nurse', '\'-Minus Person', '\'@Alias Person']));
    expect(res.text).toContain('"\'@Northampton, ""Centre"""');
  });

  it('escapes single cells by the same rules', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=1+2')).toBe('\'=1+2');
    expect(csvCell('\t=1')).toBe('\'\t=1');
    expect(csvCell(null)).toBe('');
  });
});

describe('the OSCE calendar feed', () => {
  it('serves each sitting as an all-day event to anyone holding the cohort’s token, without a session', async () => {
    const res = await feed(cohortId, feedToken(t.intake.app.settings.secret, cohortId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics).toContain('X-WR-CALNAME:OSCE dates: Export: March\\, 2027');
    const k = (await journeyOf(t, kemi)).context;
    const sittings = events(ics);
    expect(sittings).toHaveLength(2);
    expect(sittings[0]).toMatchObject({
      UID: `osce-${kemiJourney}-1@localhost`, 'DTSTART;VALUE=DATE': ymd(k.osceAttempts[0].date),
      'DTEND;VALUE=DATE': ymd(new Date(Date.parse(k.osceAttempts[0].date) + DAY).toISOString().slice(0, 10)),
      SUMMARY: 'OSCE attempt 1: Kemi Balogun (not passed)', LOCATION: 'Northampton OSCE Test Centre',
    });
    expect(sittings[1]).toMatchObject({
      UID: `osce-${kemiJourney}-2@localhost`, 'DTSTART;VALUE=DATE': ymd(k.osceBooking.date),
      SUMMARY: 'OSCE attempt 2: Kemi Balogun (booked)', LOCATION: '@Northampton\\, "Centre"',
    });
    for (const s of sittings) expect(s.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('keeps a sitting’s UID when it is rebooked, so calendars move the event instead of adding one', async () => {
    const booked = (await journeyOf(t, kemi)).context.osceBooking;
    const later = new Date(Date.parse(booked.date) + 7 * DAY).toISOString().slice(0, 10);
    expect((await t.post(`/api/candidates/${kemi}/events`, { type: 'osceRebooked', date: later, centre: 'Ulster OSCE Test Centre' })).status).toBe(200);
    const sittings = events(await (await feed(cohortId, feedToken(t.intake.app.settings.secret, cohortId))).text());
    expect(sittings).toHaveLength(2);
    expect(sittings[1]).toMatchObject({ UID: `osce-${kemiJourney}-2@localhost`, 'DTSTART;VALUE=DATE': ymd(later), LOCATION: 'Ulster OSCE Test Centre' });
  });

  it('answers 404 to a wrong, missing or other cohort’s token, and to an unknown cohort', async () => {
    const secret = t.intake.app.settings.secret;
    expect((await feed(cohortId, 'wrong')).status).toBe(404);
    expect((await feed(cohortId, null)).status).toBe(404);
    expect((await feed(cohortId, feedToken(secret, otherCohortId))).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await feed(unknown, feedToken(secret, unknown))).status).toBe(404);
    expect((await feed('not-a-uuid', feedToken(secret, 'not-a-uuid'))).status).toBe(404);
  });

  it('is an empty calendar for a cohort with no OSCE dates', async () => {
    const ics = await (await feed(otherCohortId, feedToken(t.intake.app.settings.secret, otherCohortId))).text();
    expect(events(ics)).toEqual([]);
    expect(ics).toContain('BEGIN:VCALENDAR');
  });

  it('shows the subscription address on the cohort page', async () => {
    const res = await page(t, `/cohorts/${cohortId}`, coordinator);
    const url = `${t.intake.app.settings.publicUrl}/feeds/cohorts/${cohortId}/osce.ics?token=${feedToken(t.intake.app.settings.secret, cohortId)}`;
    expect(res.text).toContain(`id="feed-url" readonly="" value="${url}"`);
    expect((await feed(cohortId, new URL(url).searchParams.get('token'))).status).toBe(200);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = fold(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    // An escape such as "\," stays on one line, for readers that unescape before unfolding.
    const escaped = fold(`DESCRIPTION:${'ab\\,'.repeat(40)}`);
    expect(escaped.split('\r\n').every((l) => !/(^|[^\\])(\\\\)*\\$/.test(l))).toBe(true);
  });
});
