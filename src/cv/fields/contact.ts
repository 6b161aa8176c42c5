// Email, phone (E.164 via libphonenumber-js) and UK postcode. Referees' details are skipped:
// the candidate's own contact block is everything outside the references section.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Line, Section } from '../text.js';
import type { Field } from '../types.js';
import { field, ownLines, sourceOf } from './common.js';

const EMAIL_RE = /[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_-])?@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g;

export function extractEmail(secs: Section[]): Field<string | null> {
  const found: { email: string; line: Line }[] = [];
  for (const line of ownLines(secs)) {
    for (const m of line.text.matchAll(EMAIL_RE)) found.push({ email: m[0].toLowerCase(), line });
  }
  const first = found[0];
  if (!first) return field(null, 0.5, null);
  const distinct = new Set(found.map((f) => f.email)).size;
  return field(first.email, distinct === 1 ? 0.97 : 0.8, sourceOf(first.line));
}

// A run of digits with the separators phone numbers are written with; validated below.
const PHONE_RE = /(?<![\w/.])(?:\+|00)?[\s(]*\d[\d\s().\-]{7,22}\d(?![\w/])/g;
const LABEL_MOBILE = /\b(mob(?:ile)?|cell(?:ular)?|m)\b\s*[:.]?\s*$/i;
const LABEL_LANDLINE = /\b(home|work|office|landline|fax|h|w)\b\s*[:.]?\s*$/i;

interface PhoneHit { e164: string; mobile: boolean; valid: boolean; line: Line; index: number }

function phoneHits(line: Line): PhoneHit[] {
  const hits: PhoneHit[] = [];
  for (const m of line.text.matchAll(PHONE_RE)) {
    const raw = m[0].replace(/\(0\)/g, '').trim();
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    const parsed = parsePhoneNumberFromString(raw, 'GB');
    if (!parsed || !parsed.isPossible()) continue;
    const valid = parsed.isValid();
    // Unallocated ranges (e.g. Ofcom's drama numbers) are possible but not valid; accept UK
    // numbers written in a UK shape, refuse anything else that is merely possible.
    const ukShape = parsed.countryCallingCode === '44' && /^[1-37]\d{9}$/.test(parsed.nationalNumber);
    if (!valid && !ukShape) continue;
    const before = line.text.slice(0, m.index);
    const type = parsed.getType();
    const labelledMobile = LABEL_MOBILE.test(before);
    const labelledLandline = LABEL_LANDLINE.test(before);
    const mobile = !labelledLandline && (labelledMobile || type === 'MOBILE' || (parsed.countryCallingCode === '44' && parsed.nationalNumber.startsWith('7')));
    hits.push({ e164: parsed.number, mobile, valid, line, index: m.index });
  }
  return hits;
}

/** The first number listed, or the first mobile where there are several. */
/** Lines with other long numbers (DBS, registration, passport…), unless they also say "phone". */
const NOT_PHONE = /\b(dbs|certificate|national insurance|ni number|licen[cs]e|registration|reg\.? no|pin|passport|share code|ref(?:erence)?\s*(?:no|number)|account|sort code|iban)\b/i;
const PHONE_LABEL = /\b(tel|phone|telephone|mob|mobile|cell|contact)\b|☎|📞/i;

export function extractPhone(secs: Section[]): Field<string | null> {
  const hits = ownLines(secs).filter((l) => !NOT_PHONE.test(l.text) || PHONE_LABEL.test(l.text)).flatMap(phoneHits);
  if (hits.length === 0) return field(null, 0.5, null);
  const chosen = hits.find((h) => h.mobile) ?? hits[0]!;
  const distinct = new Set(hits.map((h) => h.e164)).size;
  return field(chosen.e164, (chosen.valid ? 0.92 : 0.82) - (distinct > 2 ? 0.15 : 0), sourceOf(chosen.line));
}

// Outward code + inward code; the letters excluded by Royal Mail's rules are excluded here too.
const POSTCODE_RE = /\b(GIR ?0AA|[A-PR-UWYZ](?:[A-HK-Y]?\d[\dA-HJKMNPR-Y]?|\d[A-HJKPSTUW]))\s?(\d[ABD-HJLNP-UW-Z]{2})\b/g;
const ADDRESS_HINT = /\b(address|road|rd|street|st|lane|close|avenue|ave|drive|crescent|terrace|way|court|flat|house|place|gardens|grove|park|square|hill|row|walk|wharf|mews|green)\b|,/i;

export function extractPostcode(secs: Section[]): Field<string | null> {
  const lines = ownLines(secs);
  const found: { value: string; line: Line; idx: number }[] = [];
  lines.forEach((line, idx) => {
    for (const m of line.text.matchAll(POSTCODE_RE)) found.push({ value: `${m[1]} ${m[2]}`, line, idx });
  });
  if (found.length === 0) return field(null, 0.6, null);
  // A postcode in an address (street words nearby, or the contact block) beats one elsewhere.
  const contact = new Set(secs.filter((s) => s.kind === 'start' || s.kind === 'contact').flatMap((s) => s.lines));
  const score = (f: (typeof found)[number]) => {
    const near = [lines[f.idx - 2], lines[f.idx - 1], f.line].filter(Boolean).map((l) => l!.text).join(' ');
    return (contact.has(f.line) ? 2 : 0) + (ADDRESS_HINT.test(near) ? 1 : 0) - f.idx / 1000;
  };
  const best = found.reduce((a, b) => (score(b) > score(a) ? b : a));
  return field(best.value, score(best) >= 1 ? 0.9 : 0.6, sourceOf(best.line));
}

/** A UK postcode in its standard form ("ls18 4qx" → "LS18 4QX"), or null if it is not one. */
export function normalisePostcode(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const m = /^(GIR0AA|[A-PR-UWYZ](?:[A-HK-Y]?\d[\dA-HJKMNPR-Y]?|\d[A-HJKPSTUW]))(\d[ABD-HJLNP-UW-Z]{2})$/.exec(compact);
  return m ? `${m[1] === 'GIR0AA' ? 'GIR' : m[1]} ${m[1] === 'GIR0AA' ? '0AA' : m[2]}` : null;
}

/** A phone number as E.164 (UK numbers may be written nationally), or null if it cannot be one. */
export function normalisePhone(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text.replace(/\(0\)/g, ''), 'GB');
  return parsed && parsed.isPossible() ? parsed.number : null;
}
