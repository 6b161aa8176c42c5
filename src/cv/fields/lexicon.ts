// Word lists the field rules share. They describe CVs in general (job titles, organisations,
// headings), not any particular CV.

/** Words that make a phrase a job title. */
export const ROLE_WORDS = /\b(nurse|nursing|sister|charge|matron|midwife|midwives|assistant|associate|therapist|physiotherapist|physio|radiographer|sonographer|paramedic|practitioner|technician|technologist|technical|scientist|pharmacist|dispenser|doctor|registrar|consultant|trainee|officer|manager|worker|carer|clerk|secretary|administrator|admin|advisor|adviser|co-?ordinator|handler|operative|lead|leader|head|director|specialist|student|intern|apprentice|analyst|engineer|receptionist|porter|volunteer|locum|fellow|sho|fy[12]|st[1-8]|ct[1-3]|imt\d?|hca|hcsw|odp|rgn|rmn|supervisor|educator|lecturer|teacher|tutor|executive|agent|representative|driver|cleaner|housekeeper|dietitian|dietician|podiatrist|psychologist|counsellor|phlebotomist|optometrist|dentist|hygienist|surgeon|physician|anaesthetist|gp|auditor|accountant|cashier|attendant|caretaker|chef|cook|aide|helper|buddy|mentor|deputy|senior|junior|staff|band\s*\d|emt|technologist|operator|programmer|developer|steward)\b/i;

/** Words that make a phrase an organisation. */
export const ORG_WORDS = /\b(nhs|trust|foundation|hospitals?|infirmary|health\s*board|healthcare|health|care\s+home|nursing\s+home|care\s+group|care|council|borough|county|authority|ltd|limited|plc|llp|inc|group|services?|centre|center|clinic|clinics|medical\s+cent(?:re|er)|practice|surgery|pharmacy|pharmacies|agency|university|college|school|academy|ambulance|staffing|solutions|bank|partnership|laborator(?:y|ies)|hospice|residential|supported\s+living|department|ministry|corporation|company|co\.|institute|consulting|recruitment|logistics|insurance|stores|supermarket|retail|charity|society|network|commissioning|pathology|diagnostics|corp)\b/i;

/** Honorifics printed before a name. */
export const TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev|revd)\.?$/i;

/** Degrees, registrations and memberships printed after a name ("RN BSc (Hons)", "MBChB MRCP(UK)"). */
export const POST_NOMINALS = /^(?:\(?hons\)?|bsc|msc|ba|ma|mba|phd|dphil|md|mbbs|mbchb|bmbs|mbbch|bm|bds|mpharm|mchem|pgcert|pgdip|pgce|diphe|rn|rgn|rmn|rm|rnld|rsci|rcn|nmp|mcsp|mrcp|mrcs|mrcgp|frcs|frcp|frcgp|mcot|hcpc|dip|cert|ma|mres|mphil|bn|bnurs|msw|ba\(hons\)|bsc\(hons\)|mrpharms|mrcog|frcem|mcem|mrcem|mrcpch|frca|pgcap|fhea|sfhea|ieng|ceng|mbe|obe|cbe)\b/i;

/** Text that says a line is a CV title, not a person. */
export const CV_TITLE = /\b(curriculum\s*vitae|curriculumvitae|résumé|resume|cv)\b/i;

/** ISO 3166 alpha-2 by country name, demonym or place commonly seen on overseas registrations. */
export const COUNTRIES: [RegExp, string][] = [
  [/\bphilippines?\b|\bfilipin[oa]\b|\bmanila\b/i, 'PH'], [/\bindia\b|\bindian\b|\bkerala\b|\btamil nadu\b|\bkarnataka\b|\bmaharashtra\b|\bpunjab\b(?!.*pakistan)/i, 'IN'],
  [/\bnigeria\b|\bnigerian\b|\blagos\b/i, 'NG'], [/\bghana\b|\bghanaian\b/i, 'GH'], [/\bkenya\b|\bkenyan\b/i, 'KE'],
  [/\bzimbabwe\b|\bzimbabwean\b/i, 'ZW'], [/\bzambia\b|\bzambian\b/i, 'ZM'], [/\bsouth africa\b|\bsouth african\b/i, 'ZA'],
  [/\bnepal\b|\bnepali\b|\bnepalese\b/i, 'NP'], [/\bpakistan\b|\bpakistani\b/i, 'PK'], [/\bsri lanka\b|\bsri lankan\b/i, 'LK'],
  [/\bbangladesh\b|\bbangladeshi\b/i, 'BD'], [/\bunited arab emirates\b|\buae\b|\bdubai\b|\babu dhabi\b/i, 'AE'],
  [/\bsaudi\b/i, 'SA'], [/\bqatar\b/i, 'QA'], [/\boman\b/i, 'OM'], [/\bkuwait\b/i, 'KW'], [/\bbahrain\b/i, 'BH'],
  [/\baustralia\b|\baustralian\b/i, 'AU'], [/\bnew zealand\b/i, 'NZ'], [/\bcanada\b|\bcanadian\b|\bontario\b/i, 'CA'],
  [/\bunited states\b|\busa\b|\bamerican\b/i, 'US'], [/\bireland\b|\birish\b/i, 'IE'], [/\bportugal\b|\bportuguese\b/i, 'PT'],
  [/\bspain\b|\bspanish\b/i, 'ES'], [/\bitaly\b|\bitalian\b/i, 'IT'], [/\bgreece\b|\bgreek\b/i, 'GR'], [/\bpoland\b|\bpolish\b/i, 'PL'],
  [/\bromania\b|\bromanian\b/i, 'RO'], [/\bjamaica\b|\bjamaican\b/i, 'JM'], [/\btrinidad\b/i, 'TT'], [/\begypt\b|\begyptian\b/i, 'EG'],
  [/\bmalawi\b/i, 'MW'], [/\buganda\b/i, 'UG'], [/\bcameroon\b/i, 'CM'], [/\bbotswana\b/i, 'BW'], [/\brwanda\b/i, 'RW'],
  [/\bsierra leone\b/i, 'SL'], [/\bmalaysia\b/i, 'MY'], [/\bsingapore\b/i, 'SG'], [/\bhong kong\b/i, 'HK'], [/\bchina\b|\bchinese\b/i, 'CN'],
  [/\bmyanmar\b/i, 'MM'], [/\bbrazil\b/i, 'BR'], [/\bmauritius\b/i, 'MU'], [/\btanzania\b/i, 'TZ'], [/\bethiopia\b/i, 'ET'],
  [/\bsudan\b/i, 'SD'], [/\bnamibia\b/i, 'NA'], [/\blesotho\b/i, 'LS'], [/\beswatini\b|\bswaziland\b/i, 'SZ'], [/\bjordan\b/i, 'JO'],
  [/\blebanon\b/i, 'LB'], [/\biran\b/i, 'IR'], [/\bturkey\b|\btürkiye\b/i, 'TR'], [/\bgermany\b|\bgerman\b/i, 'DE'],
  [/\bfrance\b|\bfrench\b/i, 'FR'], [/\bnetherlands\b|\bdutch\b/i, 'NL'], [/\bbelgium\b/i, 'BE'], [/\bsweden\b/i, 'SE'],
  [/\bnorway\b/i, 'NO'], [/\bdenmark\b/i, 'DK'], [/\bfinland\b/i, 'FI'], [/\bhungary\b/i, 'HU'], [/\bczech\b/i, 'CZ'],
  [/\bbulgaria\b/i, 'BG'], [/\bcroatia\b/i, 'HR'], [/\bserbia\b/i, 'RS'], [/\blithuania\b/i, 'LT'], [/\blatvia\b/i, 'LV'],
  [/\bestonia\b/i, 'EE'], [/\bslovakia\b/i, 'SK'], [/\bslovenia\b/i, 'SI'], [/\bcyprus\b/i, 'CY'], [/\bmalta\b/i, 'MT'], [/\bukraine\b/i, 'UA'],
];

/** Overseas regulators by acronym (the line rarely names the country when it names these). */
export const OVERSEAS_REGULATORS: [RegExp, string][] = [
  [/\bPRC\b|Professional Regulation Commission/, 'PH'], [/\bNMCN\b|\bMLSCN\b|\bMDCN\b/, 'NG'], [/\bINC\b|\bKNMC\b|\bKNC\b|\bTNNMC\b|\bMCI\b|\bNMC India\b/, 'IN'],
  [/\bNCK\b/, 'KE'], [/\bNCZ\b/, 'ZW'], [/\bGNC\b/, 'ZM'], [/\bSANC\b|\bHPCSA\b/, 'ZA'], [/\bNNC\b/, 'NP'], [/\bPNC\b|\bPMDC\b/, 'PK'],
  [/\bBNMC\b|\bBMDC\b/, 'BD'], [/\bSLNC\b|\bSLMC\b/, 'LK'], [/\bNMBI\b/, 'IE'], [/\bAHPRA\b/, 'AU'], [/\bNCNZ\b/, 'NZ'], [/\bCNO\b/, 'CA'],
  [/\bSCFHS\b/, 'SA'], [/\bDHA\b|\bHAAD\b|\bMOHAP\b/, 'AE'], [/\bQCHP\b/, 'QA'],
];

export const countryOf = (text: string): string | null => {
  for (const [re, code] of OVERSEAS_REGULATORS) if (re.test(text)) return code;
  for (const [re, code] of COUNTRIES) if (re.test(text)) return code;
  return null;
};

/** Job-title words that are not also common surnames (Porter, Cook, Head…): a line with one is no name. */
export const STRONG_ROLE_WORDS = /\b(nurse|nursing|midwife|midwives|midwifery|assistant|associate|therapist|physiotherapist|radiographer|sonographer|paramedic|practitioner|technician|technologist|scientist|pharmacist|doctor|registrar|consultant|trainee|officer|manager|worker|secretary|administrator|co-?ordinator|specialist|student|receptionist|clerk|advisor|adviser|analyst|engineer|educator|lecturer|operative|handler|hca|hcsw|odp|dietitian|dietician|podiatrist|psychologist|phlebotomist|surgeon|physician|anaesthetist|apprentice|director|supervisor|executive|band\s*\d)\b/i;
