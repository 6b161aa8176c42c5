// Orchestrates one parse: PDF text (page-capped) → clean lines and sections → one extractor per
// field family → an outcome with per-field confidence and source. Pure apart from pdf.js, so the
// parse process, the eval script and the bench all run exactly this.
import { extractText } from './extract-text.js';
import { checkInflatedSize } from './inflated-size.js';
import { extractEmail, extractPhone, extractPostcode } from './fields/contact.js';
import { extractEmployment } from './fields/employment.js';
import { extractEnglish } from './fields/english.js';
import { extractGaps } from './fields/gaps.js';
import { ROLE_WORDS } from './fields/lexicon.js';
import { extractName } from './fields/name.js';
import { extractProfession } from './fields/profession.js';
import { extractRegistrations } from './fields/registrations.js';
import type { CvParseLimits } from './limits.js';
import { type CvText, type Line, type PageText, headingKind, prepareText, sections } from './text.js';
import { type CvFields, type CvParseOutcome, CvParseError, type Registration } from './types.js';

/** Fields from the text of a CV's pages. `now` dates "present" and the gap calculation. */
export function extractFields(pages: PageText[], now: Date): CvFields {
  return fieldsOf(prepareText(pages), now);
}

function fieldsOf(cv: CvText, now: Date): CvFields {
  const secs = sections(cv.lines);
  const email = extractEmail(secs);
  const fullName = extractName(cv, email.value);
  const registrations = extractRegistrations(secs);
  const employment = extractEmployment(secs, now);
  const wholeText = cv.lines.map((l) => l.text).join('\n');
  return {
    fullName,
    email,
    phone: extractPhone(secs),
    postcode: extractPostcode(secs),
    profession: extractProfession(headline(cv, fullName.source?.text ?? null), employment.value, registrations.value, wholeText, registrationLines(cv.lines, registrations.value)),
    registrations,
    englishTest: extractEnglish(secs),
    employment,
    gapsOverThreeMonths: extractGaps(employment, now),
  };
}

/** The role line printed under the name ("Registered Nurse (Adult) – Deputy Ward Sister"). */
function headline(cv: CvText, nameLine: string | null): Line | null {
  const at = nameLine ? cv.lines.findIndex((l) => nameLine.startsWith(l.text) || l.text.startsWith(nameLine)) : -1;
  const from = at >= 0 ? at + 1 : 0;
  for (const line of cv.lines.slice(from, from + 4)) {
    if (headingKind(line)) break;
    if (/@|\d{5,}/.test(line.text) || line.text.length > 90) continue;
    if (ROLE_WORDS.test(line.text)) return line;
  }
  return null;
}

/** The lines that carry a UK registration number, with the next line where the number stands alone. */
function registrationLines(lines: Line[], regs: Registration[]): Line[] {
  const numbers = regs.filter((r) => r.body !== 'overseas').map((r) => r.number);
  const compact = (t: string) => t.replace(/\s+/g, '');
  const out: Line[] = [];
  lines.forEach((l, i) => {
    if (!numbers.some((n) => compact(l.text).includes(n))) return;
    out.push(l);
    const next = lines[i + 1];
    if (next && next.text.length < 60 && !headingKind(next)) out.push(next);
  });
  return out;
}

/** How much a reading of a CV yielded: found fields, and employment entries with title and employer. */
export function readingQuality(f: CvFields): number {
  const jobs = f.employment.value;
  return (f.fullName.value ? 3 : 0) + (f.email.value ? 1 : 0) + (f.phone.value ? 1 : 0) + (f.postcode.value ? 1 : 0)
    + (f.englishTest.value ? 1 : 0) + 2 * f.registrations.value.length
    + jobs.reduce((n, j) => n + (j.title && j.employer ? 2 : -1), 0);
}

/** Below this many letters per page read, the PDF is a scan or an image: a person must read it. */
const MIN_LETTERS_PER_PAGE = 20;

export async function parseCv(bytes: Uint8Array, limits: Pick<CvParseLimits, 'pageCap' | 'maxTextChars' | 'maxInflatedBytes'>, now: Date): Promise<CvParseOutcome> {
  let text: Awaited<ReturnType<typeof extractText>>;
  try {
    checkInflatedSize(bytes, limits.maxInflatedBytes);
    text = await extractText(bytes, limits);
  } catch (error) {
    if (error instanceof CvParseError) return { status: 'failed', pages: null, error: { code: error.code, detail: error.message } };
    throw error;
  }
  const pagesRead = text.pages.length;
  const truncated = text.totalPages > pagesRead;
  const notes = truncated ? [`Only the first ${pagesRead} of ${text.totalPages} pages were read (page cap).`] : [];
  const letters = text.streamPages.join('').replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(pagesRead, 2))) {
    return {
      status: 'needs_manual_review', pages: text.totalPages, pagesRead, truncated, fields: null, notes,
      error: { code: 'cv_no_text', detail: 'The PDF has no text layer (a scan or a picture of a CV): enter the details by hand.' },
    };
  }
  // The layout reading (positions) first; the PDF's own drawing order when it clearly yields more.
  const byLayout = prepareText(text.pages);
  const byStream = prepareText(text.streamPages);
  let fields = fieldsOf(byLayout, now);
  // The same lines in the same order (a simple one-column PDF) read the same: no second reading.
  const same = byLayout.lines.length === byStream.lines.length && byLayout.lines.every((l, i) => l.text === byStream.lines[i]!.text);
  const stream = same ? null : fieldsOf(byStream, now);
  if (stream && readingQuality(stream) > readingQuality(fields) + 1) {
    fields = stream;
    notes.push('Read in the order the PDF draws its text (its layout was unclear).');
  } else if (text.columnPages.length) {
    notes.push(`Read in column order (${text.columnPages.length === 1 ? `page ${text.columnPages[0]} has` : `pages ${text.columnPages.join(', ')} have`} two columns).`);
  }
  return { status: 'parsed', pages: text.totalPages, pagesRead, truncated, fields, error: null, notes };
}
