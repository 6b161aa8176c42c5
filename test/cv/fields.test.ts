// Field extractors on CV text the fixtures do not contain: other layouts, date styles, registers
// and test formats, so the rules stay general rather than fixture-shaped.
import { describe, expect, it } from 'vitest';
import { findDates, findRanges } from '../../src/cv/dates.js';
import { employmentGaps, referencesNeed } from '../../src/cv/fields/gaps.js';
import { ieltsOverall } from '../../src/cv/fields/english.js';
import { extractFields } from '../../src/cv/parse.js';
import type { CvValues } from '../../src/cv/types.js';

const now = new Date('2026-03-01T00:00:00Z');
const values = (...pages: string[]): CvValues =>
  Object.fromEntries(Object.entries(extractFields(pages, now)).map(([k, f]) => [k, f.value])) as unknown as CvValues;
const jobs = (v: CvValues) => v.employment.map((e) => [e.employer, e.start, e.end]);

describe('date ranges', () => {
  it.each([
    ['Jan 2019 – Present', { start: { year: 2019, month: 1 }, end: null }],
    ['03/2018 – 11/2020', { start: { year: 2018, month: 3 }, end: { year: 2020, month: 11 } }],
    ['2012 – 2017', { start: { year: 2012, month: null }, end: { year: 2017, month: null } }],
    ['September 2021 to date', { start: { year: 2021, month: 9 }, end: null }],
    ['Mar. 2015 – Aug. 2017', { start: { year: 2015, month: 3 }, end: { year: 2017, month: 8 } }],
    ['Nov 2021–present', { start: { year: 2021, month: 11 }, end: null }],
    ['Sept 2016 - Current', { start: { year: 2016, month: 9 }, end: null }],
    ["Aug '19 – Present", { start: { year: 2019, month: 8 }, end: null }],
    ['01/06/2015 to 30/04/2019', { start: { year: 2015, month: 6 }, end: { year: 2019, month: 4 } }],
    ['2019-05 – 2021-04', { start: { year: 2019, month: 5 }, end: { year: 2021, month: 4 } }],
    ['05.2016 - 08.2018', { start: { year: 2016, month: 5 }, end: { year: 2018, month: 8 } }],
    ['May 2019 - Till date', { start: { year: 2019, month: 5 }, end: null }],
    ['June 2020 until now', { start: { year: 2020, month: 6 }, end: null }],
    ['Since March 2020', { start: { year: 2020, month: 3 }, end: null }],
    ['February 2014 — December 2015', { start: { year: 2014, month: 2 }, end: { year: 2015, month: 12 } }],
  ])('reads "%s"', (text, want) => {
    expect(findRanges(text, now)[0]).toMatchObject(want);
  });

  it('ignores numbers that are not date ranges', () => {
    expect(findRanges('Tel 0113 496 0781, ISO 15189:2022, band 5-6, 24/7 rota, 2019 audit', now)).toEqual([]);
    expect(findRanges('2019 – 2015', now)).toEqual([]); // ends before it starts
  });

  it('reads test dates in UK and written styles', () => {
    expect(findDates('test date 13 May 2017').map((d) => d.value)).toEqual(['2017-05-13']);
    expect(findDates('Date 22/08/2020').map((d) => d.value)).toEqual(['2020-08-22']);
    expect(findDates('sat on May 13, 2017').map((d) => d.value)).toEqual(['2017-05-13']);
    expect(findDates('taken 05/2021').map((d) => d.value)).toEqual(['2021-05']);
  });
});

describe('contact details', () => {
  it('reads UK and international phones as E.164, preferring the mobile, skipping referees', () => {
    expect(values('Ann Lee', 'Home: (0113) 496 0781 | Mobile: 07700 900 555', 'ann.lee@example.com').phone).toBe('+447700900555');
    expect(values('Ann Lee', 'Tel: +44 (0)20 7946 0000', 'ann.lee@example.com').phone).toBe('+442079460000');
    expect(values('Chidi Obi', 'Phone: +234 803 123 4567', 'Email: chidi.obi@example.com').phone).toBe('+2348031234567');
    expect(values('Chidi Obi', 'chidi.obi@example.com', 'DBS certificate 001234567890', 'REFERENCES', 'Dr A Smith, 07700 900 111').phone).toBeNull();
  });

  it('reads the postcode of the address, not of an employer, and none for an overseas address', () => {
    expect(values('Ann Lee', '4 Brook Street, Harrogate, North Yorkshire HG1 5QT', 'EXPERIENCE', 'Staff Nurse Jan 2019 – Present', 'Leeds General Infirmary, Leeds LS1 3EX').postcode).toBe('HG1 5QT');
    expect(values('Anjali Thomas', 'Address: Thrissur, Kerala, India', 'anjali@example.in').postcode).toBeNull();
  });
});

describe('names', () => {
  it.each([
    [['CURRICULUM VITAE', "JOANNA MARIE O'SULLIVAN", 'Senior Staff Nurse', 'jo.osullivan@example.com'], "Joanna Marie O'Sullivan"],
    [['RESUME', 'Name : Anjali Thomas', 'anjali.thomas@example.in'], 'Anjali Thomas'],
    [['Full name: Ana María López', 'ana.lopez@example.com'], 'Ana María López'],
    [['John A. Smith BSc (Hons) RGN', 'Staff Nurse'], 'John A. Smith'],
    [['Mr Kwame Mensah-Bonsu', 'Care Assistant', 'kwame.mb@example.com'], 'Kwame Mensah-Bonsu'],
    [['Personal Details', 'Sarah Jane Porter', 'Healthcare Assistant'], 'Sarah Jane Porter'],
    [['Ngozi van der Berg', 'Pharmacist'], 'Ngozi van der Berg'],
    [['Dr. Ahmed Khan, MBBS, MRCP', 'Clinical Fellow'], 'Ahmed Khan'],
    [['Nguyễn Thị Lan', 'Staff Nurse', 'lan.nguyen@example.com'], 'Nguyễn Thị Lan'],
  ])('finds the name in %j', (lines, want) => {
    expect(values(lines.join('\n')).fullName).toBe(want);
  });
});

describe('registrations', () => {
  it.each([
    ['NMC PIN number 15A0987C', [{ body: 'NMC', number: '15A0987C' }]],
    ['HCPC No. PH 123456 (Physiotherapist)', [{ body: 'HCPC', number: 'PH123456' }]],
    ['HCPC registration: SL04567', [{ body: 'HCPC', number: 'SL04567' }]],
    ['GMC Reference Number: 7012345', [{ body: 'GMC', number: '7012345' }]],
    ['GMC number L123456 (limited)', [{ body: 'GMC', number: 'L123456' }]],
    ['GPhC Registration Number 2212345', [{ body: 'GPhC', number: '2212345' }]],
    ['Registered with Social Work England (SW12345)', [{ body: 'SWE', number: 'SW12345' }]],
    ['Philippine Professional Regulation Commission – Registered Nurse, Licence No. 0812345', [{ body: 'overseas', number: '0812345', country: 'PH' }]],
    ['Nursing and Midwifery Council of Ghana PIN: RGN/12345/2015', [{ body: 'overseas', number: 'RGN/12345/2015', country: 'GH' }]],
    ['Kerala Nurses and Midwives Council Registration No: KNC/2014/56789', [{ body: 'overseas', number: 'KNC/2014/56789', country: 'IN' }]],
  ])('reads "%s"', (line, want) => {
    expect(values(`Jane Doe\njane@example.com\nREGISTRATION\n${line}`).registrations).toEqual(want);
  });

  it('does not take memberships, postcodes, dates or stray numbers for registrations', () => {
    const v = values('Jane Doe', '12 Clapham Road, London SW9 0JG', 'CSP Membership: CSP 112784', 'RCN member 0123456', 'DBS: 001234567890 (2024)', 'EXPERIENCE', 'Physiotherapist 2019 – 2021', 'Band 6 role PA1 clinic');
    expect(v.registrations).toEqual([]);
  });
});

describe('English tests', () => {
  it('reads IELTS with the printed overall, or the overall from the bands', () => {
    expect(values('Jane Doe', 'IELTS (Academic) - Overall Band 7.5 (L: 8.0, R: 7.5, W: 7.0, S: 7.5), Test Date: 12/02/2022').englishTest)
      .toEqual({ type: 'IELTS', overall: 7.5, bands: { listening: 8, reading: 7.5, writing: 7, speaking: 7.5 }, date: '2022-02-12' });
    expect(values('Jane Doe', 'ENGLISH LANGUAGE', 'IELTS Academic, sat 3 September 2022', 'Listening 8.5; Reading 7.0; Writing 7.0; Speaking 7.0').englishTest)
      .toEqual({ type: 'IELTS', overall: 7.5, bands: { listening: 8.5, reading: 7, writing: 7, speaking: 7 }, date: '2022-09-03' });
    expect(ieltsOverall({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 })).toBe(6.5); // 6.25 rounds up
    expect(ieltsOverall({ listening: 7, reading: 7, writing: 6.5, speaking: 7.5 })).toBe(7); // 7.0 stays
  });

  it('reads OET letter grades, and numeric OET scores as grades', () => {
    expect(values('Jane Doe', 'OET Nursing (taken 02/03/2023): Listening B, Reading A, Writing C+, Speaking B').englishTest)
      .toEqual({ type: 'OET', bands: { listening: 'B', reading: 'A', writing: 'C+', speaking: 'B' }, date: '2023-03-02' });
    expect(values('Jane Doe', 'Occupational English Test (OET) – June 2022', 'Listening 420, Reading 390, Writing 310, Speaking 460').englishTest)
      .toEqual({ type: 'OET', bands: { listening: 'B', reading: 'B', writing: 'C+', speaking: 'A' }, date: '2022-06' });
  });

  it('reads one grade or band given for all four skills', () => {
    expect(values('Jane Doe', 'OET (Nursing): grade B in all four sub-tests, 10 June 2022').englishTest)
      .toEqual({ type: 'OET', bands: { listening: 'B', reading: 'B', writing: 'B', speaking: 'B' }, date: '2022-06-10' });
    expect(values('Jane Doe', 'IELTS Academic 7.0 in each band (March 2021)').englishTest)
      .toEqual({ type: 'IELTS', overall: 7, bands: { listening: 7, reading: 7, writing: 7, speaking: 7 }, date: '2021-03' });
  });

  it('reports no test where the CV only mentions English', () => {
    expect(values('Jane Doe', 'Languages: English (fluent), Tagalog (native)').englishTest).toBeNull();
  });
});

describe('employment history', () => {
  it('recognises headings with a note in brackets', () => {
    const v = values('Ann Lee', 'ann.lee@example.com', 'PROFESSIONAL EXPERIENCE (most recent first)', 'Staff Nurse  Jan 2019 – Present', 'Airedale NHS Foundation Trust, Keighley', 'EDUCATION (UK and overseas)', 'BSc Nursing  2015 – 2018', 'University of Bradford');
    expect(jobs(v)).toEqual([['Airedale NHS Foundation Trust', '2019-01', null]]);
  });

  it('reads "Employer  dates" over "Title" lines', () => {
    const v = values([
      'Joanna Smith', 'Employment History',
      'Harrogate and District NHS Foundation Trust\tSeptember 2019 – Present', 'Senior Staff Nurse, Acute Medical Unit', 'Responsible for a team of six nurses.',
      'York Teaching Hospital NHS Foundation Trust\tJune 2016 – August 2019', 'Staff Nurse, Ward 23 (Elderly Care)', 'Delivered care to older adults.',
      'Education', 'BSc Nursing 2013 – 2016',
    ].join('\n'));
    expect(v.employment).toEqual([
      { employer: 'Harrogate and District NHS Foundation Trust', title: 'Senior Staff Nurse, Acute Medical Unit', start: '2019-09', end: null },
      { employer: 'York Teaching Hospital NHS Foundation Trust', title: 'Staff Nurse, Ward 23 (Elderly Care)', start: '2016-06', end: '2019-08' },
    ]);
  });

  it('reads title and employer above their dates, with a label before the dates', () => {
    const v = values([
      'Anjali Thomas', 'WORK EXPERIENCE',
      'Staff Nurse - Cardiac ICU', 'Amrita Institute of Medical Sciences, Kochi', 'Duration: 01/06/2015 to 30/04/2019',
      'Staff Nurse', 'Al Noor Hospital, Abu Dhabi, UAE', 'May 2019 - Till date',
      'EDUCATION', 'BSc Nursing, 2011 - 2015',
    ].join('\n'));
    expect(v.employment).toEqual([
      { employer: 'Amrita Institute of Medical Sciences', title: 'Staff Nurse - Cardiac ICU', start: '2015-06', end: '2019-04' },
      { employer: 'Al Noor Hospital', title: 'Staff Nurse', start: '2019-05', end: null },
    ]);
  });

  it('reads "dates | title | employer" rows and "Title, Employer" lines', () => {
    const v = values([
      'Tomi Adeyemi', 'Clinical Experience',
      'Aug 2021 - Present | Core Medical Trainee (CT2) | St Elsewhere Hospital NHS Trust', 'Department of Medicine',
      'Staff Nurse, Royal Free London NHS Foundation Trust, Hampstead    Feb 2017 – Jul 2021',
      '• Ran the ward as nurse in charge.',
    ].join('\n'));
    expect(jobs(v)).toEqual([
      ['St Elsewhere Hospital NHS Trust', '2021-08', null],
      ['Royal Free London NHS Foundation Trust', '2017-02', '2021-07'],
    ]);
    expect(v.employment.map((e) => e.title)).toEqual(['Core Medical Trainee (CT2)', 'Staff Nurse']);
  });

  it('reads an employer line above "Title  dates" lines', () => {
    const v = values([
      'Priya Shah', 'Career History',
      'Boots UK Ltd, Nottingham', 'Pharmacist Manager    March 2018 – Present', '• Managed a team of eight.',
      'Lloydspharmacy Ltd, Leicester', 'Relief Pharmacist    July 2015 – February 2018', '• Covered 20 branches.',
    ].join('\n'));
    expect(jobs(v)).toEqual([['Boots UK Ltd', '2018-03', null], ['Lloydspharmacy Ltd', '2015-07', '2018-02']]);
  });

  it('pairs a column of dates printed before its column of titles, in order', () => {
    const v = values([
      'Lena Fischer', 'Experience',
      '2019 – Present', '2015 – 2019',
      'Staff Nurse', 'Leeds Teaching Hospitals NHS Trust', '• Cared for patients after surgery.',
      'Healthcare Assistant', 'Sunrise Care Home Ltd', '• Helped residents with personal care.',
      'Education', 'BSc Nursing 2012 – 2015',
    ].join('\n'));
    expect(v.employment).toEqual([
      { employer: 'Leeds Teaching Hospitals NHS Trust', title: 'Staff Nurse', start: '2019', end: null },
      { employer: 'Sunrise Care Home Ltd', title: 'Healthcare Assistant', start: '2015', end: '2019' },
    ]);
  });

  it('leaves out career breaks, education and ranges inside sentences', () => {
    const v = values([
      'Sam Green', 'Work History',
      'Ward Clerk (Band 2)  Jan 2020 – Present', 'Airedale NHS Foundation Trust, Keighley', '• Led a project on discharge letters (2021 – 2022).',
      'Maternity leave  Mar 2019 – Dec 2019', 'Caring for my daughter.',
      'Receptionist  Jun 2015 – Feb 2019', 'Moorview Dental Practice, Skipton',
      'Education', 'NVQ Level 3 Business Administration  2013 – 2015', 'Craven College',
    ].join('\n'));
    expect(jobs(v)).toEqual([['Airedale NHS Foundation Trust', '2020-01', null], ['Moorview Dental Practice', '2015-06', '2019-02']]);
    expect(v.gapsOverThreeMonths).toEqual([{ from: '2019-02', to: '2020-01' }]);
  });
});

describe('gaps and references', () => {
  it('merges overlapping roles, counts a bare year as the whole year, and needs more than three months', () => {
    expect(employmentGaps([
      { employer: 'A', title: null, start: '2020-06', end: null },
      { employer: 'B', title: null, start: '2016-09', end: '2019-10' },
      { employer: 'C', title: null, start: '2011', end: '2016' },
      { employer: 'D', title: null, start: '2008-01', end: '2010-06' },
    ], now)).toEqual([{ from: '2019-10', to: '2020-06' }, { from: '2010-06', to: '2011-01' }]);
    expect(employmentGaps([
      { employer: 'A', title: null, start: '2019-08', end: null },
      { employer: 'B', title: null, start: '2019-01', end: '2019-04' }, // May, Jun, Jul: three months, no gap
    ], now)).toEqual([]);
  });

  it('asks for the gaps of the last three years to be explained, and the recent employers as referees', () => {
    const employment = [
      { employer: 'Trust A', title: null, start: '2024-02', end: null },
      { employer: 'Agency B', title: null, start: '2022-01', end: '2023-06' },
      { employer: 'Home C', title: null, start: '2015-01', end: '2021-12' },
    ];
    const need = referencesNeed(employment, employmentGaps(employment, now), now);
    expect(need.gapsToExplain).toEqual([{ from: '2023-06', to: '2024-02' }]);
    expect(need.refereesNeeded.map((r) => r.employer)).toEqual(['Trust A', 'Agency B']);
  });
});

describe('profession', () => {
  it.each([
    ['Registered Nurse (Adult)\nNMC PIN 15A0987C', 'registered_nurse'],
    ['Community Midwife\nNMC PIN 15A0987C', 'midwife'],
    ['Speech and Language Therapist\nHCPC: SL04567', 'speech_and_language_therapist'],
    ['Core Medical Trainee (CT2)\nGMC 7012345', 'doctor'],
    ['Healthcare Support Worker', 'healthcare_assistant'],
    ['Ward Clerk / Receptionist', 'non_clinical'],
    ['Specialty Doctor in Psychiatry', 'doctor'],
  ])('reads %j as %s', (text, want) => {
    expect(values(`Jane Doe\n${text}\njane@example.com`).profession).toBe(want);
  });
});
