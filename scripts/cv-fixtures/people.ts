// The fictional people behind the generated CV fixtures, with the ground truth each CV must yield.
// Every name, address, employer, number and email is invented; phones are Ofcom drama numbers,
// emails use example.com/.org/.net. Each person is drawn in a different layout (compose.ts), so
// one layout's quirks never decide a rule: tables of scores in several shapes, names over two
// lines, professions named only on the registration line, employment tables with separate
// From/To columns or wrapped cells, date styles the shared fixtures do not use.
import type { EnglishTest, Registration } from '../../src/cv/types.js';
import type { Profession } from '../../workflows/types.js';

export type DateStyle = 'Mon YYYY' | 'MM/YYYY' | 'Month YYYY' | 'YYYY-MM' | 'MM.YYYY' | 'Mon. YYYY' | 'YYYY';
export type FontFamily = 'Helvetica' | 'Times' | 'Courier' | 'LiberationSans' | 'LiberationSerif' | 'DejaVuSans';
/** How the PDF is written: pdfkit, or our own writer drawing each word (or each letter) as its own run, in a shuffled order. */
export type Generator = 'pdfkit' | 'raw-words' | 'raw-letters';
export type Layout = 'single' | 'sidebar' | 'table' | 'header-block' | 'two-column';
export type EmploymentStyle = 'entries' | 'entries-employer-first' | 'table-dates-first' | 'table-from-to' | 'table-period-role';

export interface Job { title: string; employer: string; town: string; start: string; end: string | null; bullets?: string[] }

export interface Person {
  id: string;
  generator: Generator;
  layout: Layout;
  font: FontFamily;
  /** The name as printed: one entry per line (a name over two lines has two). */
  nameLines: string[];
  fullName: string;
  headline?: string;
  address: string[];
  postcode: string | null;
  phone: { printed: string; e164: string };
  landline?: string;
  email: string;
  profession: Profession;
  registrationLines: string[];
  registrations: Registration[];
  english?: { truth: EnglishTest; intro?: string; table: string[][]; after?: string; transposed?: boolean };
  profile: string;
  jobs: Job[];
  gaps: { from: string; to: string }[];
  dateStyle: DateStyle;
  present: string;
  employment: EmploymentStyle;
  education: { when: string; what: string; where: string }[];
  sidebarRight?: boolean;
  pages?: 'A4' | 'LETTER';
  runningHeader?: boolean;
}

export const people: Person[] = [
  {
    id: 'g01', generator: 'pdfkit', layout: 'single', font: 'Helvetica',
    nameLines: ['Anjali Mary Thomas'], fullName: 'Anjali Mary Thomas', headline: 'Registered Nurse (Adult) | Acute Medicine',
    address: ['Flat 9, 41 Kirkstall Road', 'Leeds LS4 2QJ'], postcode: 'LS4 2QJ',
    phone: { printed: '07700 900731', e164: '+447700900731' }, email: 'anjali.thomas@example.com',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN: 21A1234T (Registered Nurse - Adult), effective 2021', 'Kerala Nurses and Midwives Council, India - Registration No. 78451'],
    registrations: [{ body: 'NMC', number: '21A1234T' }, { body: 'overseas', number: '78451', country: 'IN' }],
    english: {
      truth: { type: 'IELTS', overall: 7.5, bands: { listening: 8, reading: 7.5, writing: 7, speaking: 7.5 }, date: '2021-03-14' },
      table: [['Test', 'Listening', 'Reading', 'Writing', 'Speaking', 'Overall', 'Test date'], ['IELTS Academic', '8.0', '7.5', '7.0', '7.5', '7.5', '14/03/2021']],
    },
    profile: 'Adult nurse with eight years of experience on acute medical and cardiac wards in India and the UK. Calm under pressure and committed to safe, dignified care.',
    jobs: [
      { title: 'Staff Nurse (Band 5)', employer: 'Wharfedale Vale NHS Foundation Trust', town: 'Leeds', start: '2021-10', end: null, bullets: ['Care for up to eight patients on a 28-bed acute medical ward.', 'Mentor newly arrived international nurses through their OSCE preparation.'] },
      { title: 'Staff Nurse', employer: 'Amrita Lakshmi Hospital', town: 'Kochi', start: '2015-06', end: '2021-09', bullets: ['Cardiac step-down unit, including telemetry and post-angioplasty care.'] },
      { title: 'Nursing Intern', employer: 'Government Medical College Hospital', town: 'Thrissur', start: '2014-06', end: '2015-05' },
    ],
    gaps: [], dateStyle: 'Mon YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2010 - 2014', what: 'BSc Nursing', where: 'Kerala University of Health Sciences' }],
  },
  {
    id: 'g02', generator: 'pdfkit', layout: 'header-block', font: 'Times',
    nameLines: ['Grace Wanjiru Mwangi'], fullName: 'Grace Wanjiru Mwangi',
    address: ['27 Sandringham Gardens', 'Northampton NN1 5PR'], postcode: 'NN1 5PR',
    phone: { printed: '+44 7700 900 268', e164: '+447700900268' }, email: 'gwmwangi@example.org',
    profession: 'registered_nurse',
    registrationLines: ['Nursing and Midwifery Council (NMC): Registered Nurse (Adult), PIN 22F0456W', 'Nursing Council of Kenya licence NCK 45821 (inactive)'],
    registrations: [{ body: 'NMC', number: '22F0456W' }, { body: 'overseas', number: '45821', country: 'KE' }],
    english: {
      truth: { type: 'IELTS', overall: 7.5, bands: { listening: 7.5, reading: 7, writing: 7, speaking: 7.5 }, date: '2022-06-02' },
      intro: 'English language test (no overall printed on the transcript copy):',
      table: [['Test', 'Date', 'Listening', 'Reading', 'Writing', 'Speaking'], ['IELTS Academic (UKVI)', '2 June 2022', '7.5', '7', '7', '7.5']],
    },
    profile: 'Experienced shift leader on busy medical units, now settled in Northampton and looking for flexible bank work alongside a permanent post.',
    jobs: [
      { title: 'Shift Leader', employer: 'Nenebrook Hospitals NHS Trust', town: 'Northampton', start: '2022-11', end: null, bullets: ['Lead a team of six on an elderly care ward; coordinate discharges with the patient flow team.'] },
      { title: 'Unit Coordinator (Medical Ward)', employer: 'Kenyatta Riverside Hospital', town: 'Nairobi', start: '2016-02', end: '2022-03', bullets: ['Rostered and supervised the ward team; led infection prevention audits.'] },
    ],
    gaps: [{ from: '2022-03', to: '2022-11' }], dateStyle: 'MM/YYYY', present: 'present', employment: 'entries',
    education: [{ when: '2011 - 2015', what: 'Bachelor of Science in Nursing', where: 'University of Nakuru Highlands' }],
  },
  {
    id: 'g03', generator: 'pdfkit', layout: 'sidebar', font: 'LiberationSans', sidebarRight: true,
    nameLines: ['Jomar Villanueva Bautista'], fullName: 'Jomar Villanueva Bautista', headline: 'Theatre Nurse',
    address: ['14 Cedar Court', 'Slough SL1 3XR'], postcode: 'SL1 3XR',
    phone: { printed: '07700 900 845', e164: '+447700900845' }, email: 'jomar.bautista@example.net',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN', '22K0789B', 'PRC Licence No.', '0712345 (Philippines)'],
    registrations: [{ body: 'NMC', number: '22K0789B' }, { body: 'overseas', number: '0712345', country: 'PH' }],
    english: {
      truth: { type: 'OET', bands: { listening: 'B', reading: 'A', writing: 'C+', speaking: 'B' }, date: '2021-11-09' },
      intro: 'OET (Nursing)',
      table: [['Sub-test', 'Listening', 'Reading', 'Writing', 'Speaking', 'Date taken'], ['Grade', 'B', 'A', 'C+', 'B', '09 Nov 2021']],
    },
    profile: 'Scrub and circulating nurse with seven years in general, orthopaedic and day-case theatres.',
    jobs: [
      { title: 'Theatre Staff Nurse (Band 5)', employer: 'Thames Meadow Hospitals NHS Foundation Trust', town: 'Slough', start: '2022-04', end: null },
      { title: 'Operating Room Nurse', employer: 'St Brigid Medical Center', town: 'Quezon City', start: '2016-07', end: '2022-02' },
      { title: 'Ward Nurse', employer: 'Bicol Provincial Hospital', town: 'Legazpi', start: '2015-01', end: '2016-06' },
    ],
    gaps: [], dateStyle: 'Month YYYY', present: 'to date', employment: 'entries',
    education: [{ when: '2010 - 2014', what: 'BS Nursing', where: 'Bicol Coastal University' }],
  },
  {
    id: 'g04', generator: 'raw-words', layout: 'table', font: 'Helvetica',
    nameLines: ['Chiamaka Blessing Eze'], fullName: 'Chiamaka Blessing Eze',
    address: ['3 Larch Walk, Salford', 'Greater Manchester M6 8HD'], postcode: 'M6 8HD',
    phone: { printed: '07700 900 119', e164: '+447700900119' }, email: 'chiamaka.eze@example.com',
    profession: 'registered_nurse',
    registrationLines: ['NMC 23C1189N - Registered Nurse (Adult)', 'Nursing and Midwifery Council of Nigeria - Licence No. RN 145236'],
    registrations: [{ body: 'NMC', number: '23C1189N' }, { body: 'overseas', number: '145236', country: 'NG' }],
    english: {
      truth: { type: 'OET', bands: { listening: 'B', reading: 'B', writing: 'C+', speaking: 'B' }, date: '2023-01-28' },
      intro: 'Occupational English Test (Nursing)',
      table: [['Sub-test', 'Score', 'Grade'], ['Listening', '400', 'B'], ['Reading', '420', 'B'], ['Writing', '330', 'C+'], ['Speaking', '380', 'B']],
      after: 'Test date: 2023-01-28',
      transposed: true,
    },
    profile: 'Registered nurse with a background in emergency and high-dependency care, relocated to Salford in 2023.',
    jobs: [
      { title: 'Staff Nurse (Band 5)', employer: 'Irwell Valley NHS Foundation Trust', town: 'Salford', start: '2023-06', end: null },
      { title: 'Emergency Nurse', employer: 'Lagoon Specialist Hospital', town: 'Lagos', start: '2018-03', end: '2023-02' },
      { title: 'Staff Nurse', employer: 'Federal Medical Centre Owerri', town: 'Owerri', start: '2016-01', end: '2018-02' },
    ],
    gaps: [], dateStyle: 'MM.YYYY', present: 'Current', employment: 'table-dates-first',
    education: [{ when: '2011 - 2015', what: 'BNSc Nursing Science', where: 'University of Port Harcourt Annex' }],
  },
  {
    id: 'g05', generator: 'pdfkit', layout: 'sidebar', font: 'Helvetica',
    nameLines: ['Harpreet', 'Kaur Sandhu'], fullName: 'Harpreet Kaur Sandhu', headline: 'Mental Health Nurse',
    address: ['82 Hamstead Road', 'Birmingham B20 2RB'], postcode: 'B20 2RB',
    phone: { printed: '07700 900 452', e164: '+447700900452' }, email: 'hk.mhnurse@example.org',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN 19E2468H', 'Registered Nurse (Mental Health)'],
    registrations: [{ body: 'NMC', number: '19E2468H' }],
    english: {
      truth: { type: 'IELTS', overall: 8, bands: { listening: 8, reading: 7.5, writing: 7.5, speaking: 8 }, date: '2020-09-05' },
      intro: 'IELTS Academic',
      table: [['Listening', '8.0'], ['Reading', '7.5'], ['Writing', '7.5'], ['Speaking', '8.0'], ['Date', '05.09.2020']],
      transposed: true,
    },
    profile: 'Mental health nurse experienced in acute adult inpatient and home treatment settings.',
    jobs: [
      { title: 'Staff Nurse (Mental Health)', employer: 'Black Country Partnership Mental Health NHS Trust', town: 'Birmingham', start: '2021-01', end: null },
      { title: 'Mental Health Nurse', employer: 'Amritsar Institute of Mental Health', town: 'Amritsar', start: '2016-08', end: '2020-10' },
    ],
    gaps: [], dateStyle: 'Mon YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2012 - 2016', what: 'BSc Nursing', where: 'Baba Farid College of Nursing' }],
  },
  {
    id: 'g06', generator: 'pdfkit', layout: 'header-block', font: 'LiberationSerif',
    nameLines: ['OLUWASEUN', 'ADEBAYO-COLE'], fullName: 'Oluwaseun Adebayo-Cole',
    address: ['5 Foss Bank Mews', 'York YO31 7FL'], postcode: 'YO31 7FL',
    phone: { printed: '07700 900 603', e164: '+447700900603' }, email: 'seun.ac@example.net',
    profession: 'paramedic',
    registrationLines: ['HCPC registration: PA48213 (Paramedic)'],
    registrations: [{ body: 'HCPC', number: 'PA48213' }],
    profile: 'Paramedic with six years on frontline emergency ambulances and two as a clinical team leader.',
    jobs: [
      { title: 'Clinical Team Leader', employer: 'North Riding Ambulance Service NHS Trust', town: 'York', start: '2022-05', end: null },
      { title: 'Paramedic', employer: 'North Riding Ambulance Service NHS Trust', town: 'Scarborough', start: '2018-09', end: '2022-04' },
      { title: 'Emergency Care Assistant', employer: 'Humber Coast Ambulance Service NHS Trust', town: 'Hull', start: '2015-03', end: '2017-08' },
    ],
    gaps: [{ from: '2017-08', to: '2018-09' }], dateStyle: 'Mon. YYYY', present: 'present', employment: 'entries-employer-first',
    education: [{ when: '2015 - 2018', what: 'BSc (Hons) Paramedic Science', where: 'University of the Wolds' }],
  },
  {
    id: 'g07', generator: 'pdfkit', layout: 'single', font: 'Courier',
    nameLines: ['Bartosz Nowakowski'], fullName: 'Bartosz Nowakowski', headline: 'Healthcare Assistant',
    address: ['11 Grove Terrace', 'Peterborough PE1 2LS'], postcode: 'PE1 2LS',
    phone: { printed: '07700 900 377', e164: '+447700900377' }, landline: '01632 960 411', email: 'bartosz.nowakowski@example.com',
    profession: 'healthcare_assistant',
    registrationLines: [],
    registrations: [],
    profile: 'Reliable healthcare assistant with experience in care homes and on hospital wards.',
    jobs: [
      { title: 'Healthcare Assistant (Band 2)', employer: 'Fenland Cathedral Hospitals NHS Trust', town: 'Peterborough', start: '2021-07', end: null },
      { title: 'Senior Care Assistant', employer: 'Willow Lodge Care Home', town: 'Peterborough', start: '2018-04', end: '2020-09' },
      { title: 'Warehouse Operative', employer: 'Eastgate Logistics Ltd', town: 'Wisbech', start: '2015-02', end: '2018-03' },
    ],
    gaps: [{ from: '2020-09', to: '2021-07' }], dateStyle: 'MM/YYYY', present: 'Present', employment: 'table-from-to',
    education: [{ when: '2019', what: 'Care Certificate', where: 'Willow Lodge Care Home' }],
  },
  {
    id: 'g08', generator: 'pdfkit', layout: 'single', font: 'LiberationSans',
    nameLines: ['Eilidh Margaret Fraser'], fullName: 'Eilidh Margaret Fraser', headline: 'Diagnostic Radiographer',
    address: ['2F1, 18 Marchmont Crescent', 'Edinburgh EH9 1HL'], postcode: 'EH9 1HL',
    phone: { printed: '+44 (0)7700 900 914', e164: '+447700900914' }, email: 'eilidh.fraser@example.org',
    profession: 'radiographer',
    registrationLines: ['HCPC Registered Radiographer - RA081234'],
    registrations: [{ body: 'HCPC', number: 'RA081234' }],
    profile: 'Diagnostic radiographer with CT and trauma experience, looking for weekend bank sessions.',
    jobs: [
      { title: 'CT Radiographer (Band 6)', employer: 'NHS Lothian Hills', town: 'Edinburgh', start: '2021-03', end: null },
      { title: 'Diagnostic Radiographer (Band 5)', employer: 'Forth Valley Royal Infirmary', town: 'Larbert', start: '2017-09', end: '2021-02' },
    ],
    gaps: [], dateStyle: 'YYYY-MM', present: 'present', employment: 'table-period-role',
    education: [{ when: '2013 - 2017', what: 'BSc Diagnostic Radiography', where: 'Robert Gordon Coastal University' }],
  },
  {
    id: 'g09', generator: 'raw-words', layout: 'sidebar', font: 'Helvetica', sidebarRight: true,
    nameLines: ['Thandiwe', 'Nkosi-Mbeki'], fullName: 'Thandiwe Nkosi-Mbeki',
    address: ['40 Ashby Road', 'Loughborough LE11 3AF'], postcode: 'LE11 3AF',
    phone: { printed: '07700 900 582', e164: '+447700900582' }, email: 'tnm.nurse@example.com',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN 20H3344S', 'SANC Reg. No. 14523981 (South Africa)'],
    registrations: [{ body: 'NMC', number: '20H3344S' }, { body: 'overseas', number: '14523981', country: 'ZA' }],
    english: {
      truth: { type: 'OET', bands: { listening: 'A', reading: 'B', writing: 'B', speaking: 'A' }, date: '2019-10-19' },
      intro: 'OET Nursing - results',
      table: [['Reading', 'Listening', 'Speaking', 'Writing'], ['B', 'A', 'A', 'B']],
      after: 'Sat 19 October 2019',
    },
    profile: 'Paediatric-trained nurse with intensive care experience, now working in adult critical care.',
    jobs: [
      { title: 'Critical Care Staff Nurse', employer: 'Charnwood University Hospitals NHS Trust', town: 'Leicester', start: '2020-03', end: null },
      { title: 'Paediatric ICU Nurse', employer: 'Ubuntu Childrens Hospital', town: 'Durban', start: '2014-02', end: '2019-12' },
    ],
    gaps: [], dateStyle: 'Mon YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2010 - 2013', what: 'Diploma in Nursing', where: 'KwaZulu Coastal College of Nursing' }],
  },
  {
    id: 'g10', generator: 'raw-letters', layout: 'single', font: 'Times',
    nameLines: ['Dr Arjun Mehta MBBS'], fullName: 'Arjun Mehta', headline: 'Clinical Fellow in Emergency Medicine',
    address: ['Flat 4, 9 Clifton Park Road', 'Bristol BS8 3HL'], postcode: 'BS8 3HL',
    phone: { printed: '07700 900 207', e164: '+447700900207' }, email: 'arjun.mehta@example.net',
    profession: 'doctor',
    registrationLines: ['GMC number 7234561 (full registration with a licence to practise)'],
    registrations: [{ body: 'GMC', number: '7234561' }],
    english: {
      truth: { type: 'IELTS', overall: 8, bands: { listening: 8.5, reading: 8, writing: 7.5, speaking: 8 }, date: '2023-03-05' },
      intro: 'IELTS (Academic)',
      table: [['Listening', 'Reading', 'Writing', 'Speaking', 'Overall'], ['8.5', '8.0', '7.5', '8.0', '8.0']],
      after: 'Test date: March 5, 2023',
    },
    profile: 'Emergency medicine doctor with six years of post-graduate experience in busy tertiary centres.',
    jobs: [
      { title: 'Clinical Fellow in Emergency Medicine', employer: 'Avon Gorge University Hospitals NHS Foundation Trust', town: 'Bristol', start: '2023-08', end: null },
      { title: 'Senior Resident, Emergency Medicine', employer: 'Sardar Patel Institute of Medical Sciences', town: 'Ahmedabad', start: '2019-07', end: '2023-05' },
      { title: 'Junior Resident', employer: 'Narmada Civil Hospital', town: 'Vadodara', start: '2017-02', end: '2019-06' },
    ],
    gaps: [], dateStyle: 'Mon YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2010 - 2016', what: 'MBBS', where: 'Saurashtra Medical College' }],
  },
  {
    id: 'g11', generator: 'pdfkit', layout: 'table', font: 'Times', runningHeader: true,
    nameLines: ['Fiona Doyle-Hughes'], fullName: 'Fiona Doyle-Hughes',
    address: ['16 Priory Row', 'Coventry CV1 5EX'], postcode: 'CV1 5EX',
    phone: { printed: '01632 960 158', e164: '+441632960158' }, email: 'fiona.doylehughes@example.com',
    profession: 'social_worker',
    registrationLines: ['Social Work England registration SW98765'],
    registrations: [{ body: 'SWE', number: 'SW98765' }],
    profile: 'Qualified social worker in adult safeguarding and hospital discharge teams.',
    jobs: [
      { title: 'Senior Social Worker, Hospital Discharge Team', employer: 'Coventry and Arden City Council', town: 'Coventry', start: '2022-01', end: null, bullets: ['Assess needs and plan safe discharges from acute wards with families, carers and community teams.', 'Chair multi-agency strategy meetings where safeguarding concerns are raised on the ward.', 'Supervise two newly qualified social workers through their assessed first year.'] },
      { title: 'Social Worker (Adult Safeguarding)', employer: 'Warwick Vale County Council', town: 'Warwick', start: '2018-10', end: '2021-03', bullets: ['Led section 42 enquiries from referral to outcome, including complex cases of self-neglect.', 'Wrote reports for the Court of Protection and attended hearings.', 'Trained care home managers on making safeguarding referrals.'] },
      { title: 'Newly Qualified Social Worker', employer: 'Leamington Community Partnership', town: 'Leamington Spa', start: '2016-09', end: '2018-09', bullets: ['Assessed eligible needs under the Care Act and arranged packages of care.', 'Completed the assessed and supported year in employment.'] },
      { title: 'Support Worker', employer: 'Oakfield Supported Living Ltd', town: 'Rugby', start: '2012-05', end: '2014-08' },
    ],
    gaps: [{ from: '2021-03', to: '2022-01' }, { from: '2014-08', to: '2016-09' }], dateStyle: 'Mon YYYY', present: 'present', employment: 'table-dates-first',
    education: [{ when: '2014 - 2016', what: 'MA Social Work', where: 'University of the Arden Valley' }],
  },
  {
    id: 'g12', generator: 'pdfkit', layout: 'sidebar', font: 'DejaVuSans',
    nameLines: ['Łucja Maria', 'Wiśniewska-Nowak'], fullName: 'Łucja Maria Wiśniewska-Nowak',
    address: ['7 Bramble Close', 'Swindon SN2 1QT'], postcode: 'SN2 1QT',
    phone: { printed: '07700 900 936', e164: '+447700900936' }, email: 'lucja.mw@example.org',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN 16D3321E', 'Registered Nurse (Adult)'],
    registrations: [{ body: 'NMC', number: '16D3321E' }],
    profile: 'Leads a 40-bed nursing home team; keen to keep her acute skills with bank shifts in the community.',
    jobs: [
      { title: 'Deputy Manager', employer: 'Lydiard Park Nursing Home', town: 'Swindon', start: '2020-02', end: null },
      { title: 'Senior Carer', employer: 'Ridgeway House Care Ltd', town: 'Swindon', start: '2016-05', end: '2019-06' },
    ],
    gaps: [{ from: '2019-06', to: '2020-02' }], dateStyle: 'MM/YYYY', present: 'now', employment: 'entries',
    education: [{ when: '2011 - 2015', what: 'Licencjat Pielęgniarstwa (BSc Nursing)', where: 'Medical University of Kraków' }],
  },
  {
    id: 'g13', generator: 'pdfkit', layout: 'header-block', font: 'Helvetica',
    nameLines: ['Kwame', 'Mensah Boateng'], fullName: 'Kwame Mensah Boateng',
    address: ['21 Elmfield Avenue', 'Leicester LE2 1RB'], postcode: 'LE2 1RB',
    phone: { printed: '07700 900 810', e164: '+447700900810' }, email: 'kmb.ot@example.com',
    profession: 'occupational_therapist',
    registrationLines: ['HCPC OT 74102'],
    registrations: [{ body: 'HCPC', number: 'OT74102' }],
    english: {
      truth: { type: 'IELTS', overall: 7.5, bands: { listening: 7.5, reading: 8, writing: 7, speaking: 7.5 }, date: '2023-01-12' },
      table: [['IELTS', 'Overall', 'Listening', 'Reading', 'Writing', 'Speaking', 'Test date'], ['Academic', '7.5', '7.5', '8.0', '7.0', '7.5', '12-Jan-2023']],
    },
    profile: 'Occupational therapist in neuro-rehabilitation and community falls prevention.',
    jobs: [
      { title: 'Occupational Therapist (Band 5)', employer: 'Soar Valley Community Health NHS Trust', town: 'Leicester', start: '2023-05', end: null },
      { title: 'Occupational Therapist', employer: 'Korle Lagoon Teaching Hospital', town: 'Accra', start: '2017-10', end: '2023-04' },
    ],
    gaps: [], dateStyle: 'Month YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2013 - 2017', what: 'BSc Occupational Therapy', where: 'University of the Volta Coast' }],
  },
  {
    id: 'g14', generator: 'pdfkit', layout: 'single', font: 'LiberationSerif',
    nameLines: ['Bethany Rose Callaghan'], fullName: 'Bethany Rose Callaghan', headline: 'Compassionate, steady and organised: ten years on busy wards',
    address: ['58 Wellington Street', 'Derby DE1 2AW'], postcode: 'DE1 2AW',
    phone: { printed: '07700 900 564', e164: '+447700900564' }, email: 'bethany.callaghan@example.net',
    profession: 'registered_nurse',
    registrationLines: ['NMC PIN 09K1234E (Registered Nurse - Mental Health), renewed to 2027'],
    registrations: [{ body: 'NMC', number: '09K1234E' }],
    profile: 'Experienced ward manager who enjoys teaching and quality improvement, seeking bank shifts in acute mental health.',
    jobs: [
      { title: 'Ward Manager', employer: 'Derwent Valley Healthcare NHS Trust', town: 'Derby', start: '2019-04', end: null },
      { title: 'Deputy Ward Manager', employer: 'Derwent Valley Healthcare NHS Trust', town: 'Derby', start: '2015-06', end: '2019-03' },
      { title: 'Clinical Team Leader', employer: 'Trent Side Partnership NHS Trust', town: 'Nottingham', start: '2013-01', end: '2015-05' },
    ],
    gaps: [], dateStyle: 'YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2009 - 2012', what: 'BSc (Hons) Mental Health Nursing', where: 'University of the Trent Vale' }],
  },
  {
    id: 'g15', generator: 'raw-words', layout: 'table', font: 'Times',
    nameLines: ['Rebecca Anne Okonjo'], fullName: 'Rebecca Anne Okonjo',
    address: ['9 Pen-y-Lan Road', 'Cardiff CF23 5HX'], postcode: 'CF23 5HX',
    phone: { printed: '07700 900 146', e164: '+447700900146' }, email: 'rebecca.okonjo@example.org',
    profession: 'midwife',
    registrationLines: ['NMC PIN 15A5678M - Registered Midwife'],
    registrations: [{ body: 'NMC', number: '15A5678M' }],
    profile: 'Labour ward team leader with a special interest in bereavement care.',
    jobs: [
      { title: 'Team Leader (Band 7), Labour Ward', employer: 'Taff Estuary University Health Board', town: 'Cardiff', start: '2020-09', end: null },
      { title: 'Clinical Coordinator, Delivery Suite', employer: 'Severn Mouth NHS Foundation Trust', town: 'Newport', start: '2016-04', end: '2020-08' },
    ],
    gaps: [], dateStyle: 'Month YYYY', present: 'present', employment: 'table-from-to',
    education: [{ when: '2012 - 2015', what: 'BMid (Hons)', where: 'University of the Usk Valley' }],
  },
  {
    id: 'g16', generator: 'raw-letters', layout: 'two-column', font: 'Helvetica',
    nameLines: ['Sophie', 'Lindqvist-Hart'], fullName: 'Sophie Lindqvist-Hart', headline: 'Speech and Language Therapist',
    address: ['33 Harbour View', 'Plymouth PL4 0DW'], postcode: 'PL4 0DW',
    phone: { printed: '07700 900 668', e164: '+447700900668' }, email: 'slh.salt@example.com',
    profession: 'speech_and_language_therapist',
    registrationLines: ['HCPC: SL 029384'],
    registrations: [{ body: 'HCPC', number: 'SL029384' }],
    profile: 'Adult acquired communication and swallowing disorders; stroke and ENT caseloads.',
    jobs: [
      { title: 'Speech and Language Therapist (Band 6)', employer: 'Tamar Estuary Community Services', town: 'Plymouth', start: '2020-11', end: null },
      { title: 'Speech and Language Therapist (Band 5)', employer: 'Exe Valley Healthcare NHS Trust', town: 'Exeter', start: '2017-09', end: '2020-10' },
    ],
    gaps: [], dateStyle: 'Mon YYYY', present: 'Present', employment: 'entries',
    education: [{ when: '2013 - 2017', what: 'BSc Speech and Language Therapy', where: 'University of the Moors' }],
  },
];
