// The columns an NHS Jobs or TRAC export (or a bank's own spreadsheet) has, under their usual
// spellings, and their values turned into what POST /api/candidates takes: a name from one column
// or from forename + surname, professions and programmes in people's words, phones as +44…,
// postcodes with their space. Anything not understood is passed on as it is, so the row's
// check names the field and says what it should be.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Profession, type Programme, professions, programmes } from '../../../workflows/types.js';

export type Field = 'fullName' | 'firstName' | 'lastName' | 'email' | 'phone' | 'postcode' | 'profession' | 'programme' | 'registrationNumber';

const spellings: Record<Field, string[]> = {
  fullName: ['name', 'fullname', 'candidatename', 'applicantname', 'applicantfullname', 'candidatefullname'],
  firstName: ['firstname', 'forename', 'forenames', 'givenname', 'firstnames', 'applicantforename', 'preferredfirstname'],
  lastName: ['lastname', 'surname', 'familyname', 'applicantsurname'],
  email: ['email', 'emailaddress', 'applicantemail', 'applicantemailaddress', 'contactemail', 'personalemail', 'personalemailaddress', 'candidateemail'],
  phone: ['phone', 'telephone', 'telephonenumber', 'phonenumber', 'mobile', 'mobilenumber', 'mobilephone', 'mobilephonenumber', 'mobiletelephone',
    'mobiletelephonenumber', 'contactnumber', 'contacttelephonenumber', 'preferredtelephonenumber', 'preferredcontactnumber'],
  postcode: ['postcode', 'postalcode', 'addresspostcode', 'homepostcode', 'zip'],
  profession: ['profession', 'staffgroup', 'professionalgroup', 'occupation', 'role', 'jobrole', 'jobtitle', 'vacancytitle', 'postapplied', 'postappliedfor'],
  programme: ['programme', 'program', 'recruitmentprogramme', 'route', 'pathway', 'recruitmentroute'],
  registrationNumber: ['registration', 'registrationnumber', 'registrationno', 'professionalregistration', 'professionalregistrationnumber',
    'professionalregistrationno', 'registrationpin', 'pin', 'pinnumber', 'nmcpin', 'nmcpinnumber', 'nmcnumber', 'gmcnumber', 'gmcreferencenumber',
    'hcpcnumber', 'hcpcregistrationnumber', 'gphcnumber', 'gphcregistrationnumber', 'socialworkenglandnumber', 'regnumber', 'regno'],
};

const byHeader = new Map(Object.entries(spellings).flatMap(([field, names]) => names.map((n) => [n, field as Field])));
const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Headers no list can foresee ("NMC PIN / Registration Number", "Home Postcode (UK)"), by the word they carry. */
const byWord: [RegExp, Field][] = [
  [/email/, 'email'], [/postcode/, 'postcode'], [/mobile|phone|telephone/, 'phone'], [/registration|pin$|^pin/, 'registrationNumber'],
  [/surname|lastname|familyname/, 'lastName'], [/forename|firstname|givenname/, 'firstName'], [/staffgroup|profession|occupation/, 'profession'],
  [/programme|program/, 'programme'],
];
const fieldOf = (header: string): Field | undefined => {
  const key = normalise(header);
  return byHeader.get(key) ?? byWord.find(([re]) => re.test(key))?.[1];
};

export interface ColumnMap { fields: Partial<Record<Field, number>>; mapped: Record<string, Field>; ignored: string[] }

/** Which column holds which field (the first column of a field wins); the rest are ignored. */
export function mapColumns(header: string[]): ColumnMap {
  const map: ColumnMap = { fields: {}, mapped: {}, ignored: [] };
  header.forEach((name, i) => {
    const field = fieldOf(name);
    if (field && map.fields[field] === undefined) {
      map.fields[field] = i;
      map.mapped[name.trim()] = field;
    } else if (name.trim()) map.ignored.push(name.trim());
  });
  return map;
}

/** Staff groups and job titles, in the order they are tried ("nursing assistant" is not a nurse). */
const professionWords: [Profession, RegExp][] = [
  ['registered_nurse', /^nursing (and|&) midwifery/i],
  ['healthcare_assistant', /health ?care (support worker|assistant)|\bhca\b|\bhcsw\b|support worker|nursing assistant|care assistant|additional clinical services|nursing associate/i],
  ['midwife', /midwi/i],
  ['operating_department_practitioner', /operating department|\bodp\b/i],
  ['speech_and_language_therapist', /speech (and|&) language|\bslt\b|\bsalt\b/i],
  ['occupational_therapist', /occupational therap/i],
  ['physiotherapist', /physio/i],
  ['radiographer', /radiograph|sonograph/i],
  ['paramedic', /paramedic/i],
  ['biomedical_scientist', /biomedical|healthcare scien/i],
  ['pharmacist', /pharmacist/i],
  ['social_worker', /social work/i],
  ['doctor', /doctor|medical (and|&) dental|medical practitioner|physician|surgeon|\bgp\b|registrar|consultant|foundation year|\bfy[12]\b/i],
  ['registered_nurse', /nurs|\brgn\b|\brmn\b/i],
  ['non_clinical', /admin|clerical|estates|non[- ]?clinical|receptionist|secretar|porter|housekeep|domestic/i],
];

const programmeWords: [Programme, RegExp][] = [
  ['hcswd', /hcswd|support worker development|development programme/i],
  ['international', /international|overseas|\birp\b|\bir\b/i],
  ['domestic', /domestic|\bbank\b|\buk\b|\bhome\b|standard/i],
];

const asKey = (v: string) => v.trim().toLowerCase().replace(/[\s-]+/g, '_');

export function professionOf(value: string): string {
  const key = asKey(value);
  if ((professions as readonly string[]).includes(key)) return key;
  return professionWords.find(([, re]) => re.test(value))?.[0] ?? value;
}

export function programmeOf(value: string): string {
  const key = asKey(value);
  if ((programmes as readonly string[]).includes(key)) return key;
  return programmeWords.find(([, re]) => re.test(value))?.[0] ?? value;
}

/**
 * A number someone can be called on, as +44… (or +… abroad); null if it is not one. Ofcom's drama
 * range (07700 900…) is not "valid" to libphonenumber but is a UK mobile's shape, as are real ones.
 */
export function phoneOf(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, 'GB');
  if (!parsed) return null;
  return parsed.isValid() || (parsed.country === 'GB' && /^7\d{9}$/.test(parsed.nationalNumber)) ? parsed.number : null;
}

/** "ls184qx" → "LS18 4QX": the inward code is always the last three characters. */
export function postcodeOf(value: string): string {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  return compact.length >= 5 && compact.length <= 7 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : value.toUpperCase();
}

/** "NMC PIN: 12A3456B" → "12A3456B"; a regulator's name before the number is a label, not part of it. */
export function registrationOf(value: string): string {
  return value.replace(/^(nmc|hcpc|gmc|gphc|swe)\s*(pin|no\.?|number|ref(erence)?)?\s*[:#]?\s+/i, '').replace(/\s+/g, '').toUpperCase();
}

const EMPTY = /^(n\/?a|none|nil|not applicable|-+|\.)$/i;

/** One record's cells as the candidate fields (trimmed; absent when empty), and what could not be read. */
export function rowFields(cells: string[], map: ColumnMap): { fields: Record<string, string>; unreadable: { field: string; message: string }[] } {
  const cell = (f: Field) => {
    const i = map.fields[f];
    // A leading apostrophe is how spreadsheets (and our own exports) keep text from being a formula.
    const v = i === undefined ? '' : (cells[i] ?? '').replace(/^'/, '').replace(/\s+/g, ' ').trim();
    return EMPTY.test(v) ? '' : v;
  };
  const fullName = cell('fullName') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  const fields: Record<string, string> = {};
  const unreadable: { field: string; message: string }[] = [];
  const put = (k: string, v: string, f: (s: string) => string = (s) => s) => { if (v) fields[k] = f(v); };
  put('fullName', fullName);
  put('email', cell('email'));
  const phone = cell('phone');
  if (phone && !phoneOf(phone)) unreadable.push({ field: 'phone', message: 'phone: not a phone number we can call, e.g. 07700 900412 or +44 113 496 0000' });
  put('phone', phone, (v) => phoneOf(v) ?? v);
  put('postcode', cell('postcode'), postcodeOf);
  put('profession', cell('profession'), professionOf);
  put('programme', cell('programme'), programmeOf);
  put('registrationNumber', cell('registrationNumber'), registrationOf);
  return { fields, unreadable };
}
