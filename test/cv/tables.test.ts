// The field readers on layout lines (what src/cv/layout.ts gives them): tables of English results
// and of employment read by their headers, a name set large over two lines, and the profession
// a registration line names. Lines are built by hand, so each rule is tested on its own.
import { describe, expect, it } from 'vitest';
import { ieltsOverall } from '../../src/cv/fields/english.js';
import { extractFields } from '../../src/cv/parse.js';
import type { CvValues } from '../../src/cv/types.js';

const now = new Date('2026-03-01T00:00:00Z');
type L = { text: string; cells: string[]; size: number; table: boolean };
/** A plain line, or a table row (cells in its columns, '' for an empty one). */
const line = (text: string, size = 10): L => ({ text, cells: [text], size, table: false });
const row = (...cells: string[]): L => ({ text: cells.filter(Boolean).join('\t'), cells, size: 10, table: true });
const values = (...lines: L[]): CvValues =>
  Object.fromEntries(Object.entries(extractFields([lines], now)).map(([k, f]) => [k, f.value])) as unknown as CvValues;
const head = [line('Ana Reyes', 22), line('ana.reyes@example.com')];

describe('English results in a table', () => {
  it('reads IELTS bands by their column headers, in any order, with the date from its column and the overall computed', () => {
    const v = values(...head, line('ENGLISH LANGUAGE', 12),
      row('Test', 'Date', 'Reading', 'Listening', 'Speaking', 'Writing'),
      row('IELTS Academic (UKVI)', '2 June 2022', '7.0', '7.5', '7.5', '7.0'));
    expect(v.englishTest).toEqual({ type: 'IELTS', overall: 7.5, bands: { listening: 7.5, reading: 7, writing: 7, speaking: 7.5 }, date: '2022-06-02' });
  });

  it('rounds a computed IELTS overall to the nearest half band, .25 and .75 up', () => {
    expect(ieltsOverall({ listening: 7.5, reading: 7, writing: 7, speaking: 7.5 })).toBe(7.5); // 7.25
    expect(ieltsOverall({ listening: 8, reading: 7.5, writing: 7.5, speaking: 8 })).toBe(8); // 7.75
    expect(ieltsOverall({ listening: 7, reading: 7, writing: 6.5, speaking: 7 })).toBe(7); // 6.875
  });

  it('takes a printed overall from its column, and L/R/W/S headers for the skills', () => {
    const v = values(...head, line('IELTS (Academic) – test date 05/03/2023'), row('Overall', 'L', 'R', 'W', 'S'), row('8.0', '8.5', '8.0', '7.5', '8.0'));
    expect(v.englishTest).toEqual({ type: 'IELTS', overall: 8, bands: { listening: 8.5, reading: 8, writing: 7.5, speaking: 8 }, date: '2023-03-05' });
  });

  it('reads OET grades from the row of grades, not the row of scores', () => {
    const v = values(...head, line('OET (Nursing)'),
      row('Sub-test', 'Listening', 'Reading', 'Writing', 'Speaking', 'Date taken'),
      row('Score', '390', '420', '310', '360', ''),
      row('Grade', 'B', 'A', 'C+', 'B', '09 Nov 2021'));
    expect(v.englishTest).toEqual({ type: 'OET', bands: { listening: 'B', reading: 'A', writing: 'C+', speaking: 'B' }, date: '2021-11-09' });
  });

  it('reads one row per skill under "Sub-test | Score | Grade", the grade column first', () => {
    const v = values(...head, line('Occupational English Test'), row('Sub-test', 'Score', 'Grade'),
      row('Listening', '400', 'B'), row('Reading', '450', 'B'), row('Writing', '330', 'C+'), row('Speaking', '380', 'B'), line('Test date: 2023-01-28'));
    // 450 would be an A by score: the printed grade is what counts.
    expect(v.englishTest).toEqual({ type: 'OET', bands: { listening: 'B', reading: 'B', writing: 'C+', speaking: 'B' }, date: '2023-01-28' });
  });
});

describe('employment in a table', () => {
  it('reads From and To columns, a present end, and the employer without its town', () => {
    const v = values(...head, line('EMPLOYMENT HISTORY', 12), row('Employer', 'Job title', 'From', 'To'),
      row('Fenland Hospitals NHS Trust, Peterborough', 'Healthcare Assistant (Band 2)', '07/2021', 'Present'),
      row('Willow Lodge Care Home, Wisbech', 'Senior Care Assistant', '04/2018', '09/2020'));
    expect(v.employment).toEqual([
      { employer: 'Fenland Hospitals NHS Trust', title: 'Healthcare Assistant (Band 2)', start: '2021-07', end: null },
      { employer: 'Willow Lodge Care Home', title: 'Senior Care Assistant', start: '2018-04', end: '2020-09' },
    ]);
    expect(v.gapsOverThreeMonths).toEqual([{ from: '2020-09', to: '2021-07' }]);
  });

  it('tells title from employer inside one "Role and employer" cell, and keeps a title with a comma whole', () => {
    const v = values(...head, line('Experience', 12), row('Period', 'Role and employer'),
      row('Jan 2022 – present', 'Senior Social Worker, Hospital Discharge Team\nCoventry City Council, Coventry'),
      row('Oct 2018 – Mar 2021', 'Social Worker\nWarwick County Council'));
    expect(v.employment).toEqual([
      { employer: 'Coventry City Council', title: 'Senior Social Worker, Hospital Discharge Team', start: '2022-01', end: null },
      { employer: 'Warwick County Council', title: 'Social Worker', start: '2018-10', end: '2021-03' },
    ]);
  });
});

describe('a name over two lines', () => {
  it('joins two lines in the same display size, whatever the email says', () => {
    expect(values(line('Harpreet', 18), line('Kaur Sandhu', 18), line('CONTACT', 11), line('hk.mhnurse@example.org', 9), line('Mobile: 07700 900 452', 9)).fullName)
      .toBe('Harpreet Kaur Sandhu');
  });

  it('does not join a name to a line set smaller under it', () => {
    expect(values(line('Grace Mwangi', 22), line('Shift Leader', 12), line('grace.m@example.org')).fullName).toBe('Grace Mwangi');
  });
});

describe('profession from the registration line', () => {
  const cv = (registration: string, title: string) => values(...head, line('REGISTRATION', 12), line(registration), line('EXPERIENCE', 12),
    line(`${title}\tApr 2019 – Present`), line('Derwent Valley Healthcare NHS Trust, Derby'));

  it('takes a ward manager with an NMC PIN for a registered nurse', () => {
    expect(cv('NMC PIN 09K1234E', 'Ward Manager').profession).toBe('registered_nurse');
  });

  it('takes the role the NMC line names: a midwife leading a team', () => {
    expect(cv('NMC PIN 15A5678M – Registered Midwife', 'Team Leader (Band 7)').profession).toBe('midwife');
  });

  it('does not read a midwife into the regulator\'s own name', () => {
    expect(cv('Nursing and Midwifery Council (NMC): Registered Nurse (Adult), PIN 22F0456W', 'Unit Coordinator').profession).toBe('registered_nurse');
  });
});
