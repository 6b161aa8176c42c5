// Turns extracted page text into clean lines and sections. CVs come from many generators, so
// this is where layout noise goes: page numbers and running headers/footers, bullet glyphs,
// letter-spaced titles ("C U R R I C U L U M"), non-breaking spaces and tab-separated cells.

export interface Line {
  /** Cleaned text; a tab marks a cell or column boundary the PDF had. */
  text: string;
  page: number;
  /** Starts with a bullet glyph (a description, not a heading or an entry header). */
  bullet: boolean;
  /** From the layout reading: the row's cells ("\n" inside one is a line break in a cell)… */
  cells?: string[];
  /** …whether the row is a table row (cells line up with the table's columns, empty ones kept)… */
  table?: boolean;
  /** …and its type size (the largest on the row). */
  size?: number;
}

/** A page as lines already (the layout reading) or as text to split into lines. */
export type PageText = string | { text: string; cells: string[]; size: number; table: boolean }[];

export interface CvText {
  lines: Line[];
  /** Running headers/footers removed from `lines` (often they carry the candidate's name). */
  furniture: string[];
}

const BULLET_START = /^\s*(?:[•●○◦▪■□◆◇►▸‣⁃∙·*]|[-–—](?=\s))\s*/;
const BULLET_END = /\s*\t?\s*[•●▪■◦]\s*$/;
/** "Page 2", "Page 1 of 3", "1/2", "2 of 3", "- 2 -", a bare "3": page furniture, not content. */
function isPageMark(text: string): boolean {
  if (/\bpage\s*\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?\b/i.test(text)) return true;
  if (/^\s*(?:\d{1,3}|-+\s*\d{1,3}\s*-+)\s*$/.test(text)) return true;
  const m = /^\s*(\d{1,2})\s*(?:\/|of)\s*(\d{1,2})(?:\s|$)/i.exec(text);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}

export function normaliseSpaces(s: string): string {
  return s.normalize('NFC')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/[ ]*\t[ \t]*/g, '\t')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** "C U R R I C U L U M  V I TA E" → "CURRICULUM VITAE"-ish: letter-spaced words closed up. */
function closeLetterSpacing(s: string): string {
  const tokens = s.split(' ');
  if (tokens.length < 5) return s;
  const short = tokens.filter((t) => t.length <= 2).length;
  return short / tokens.length >= 0.8 ? tokens.join('') : s;
}

const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export function prepareText(pages: PageText[]): CvText {
  const raw: Line[] = [];
  pages.forEach((page, i) => {
    const given: { text: string; cells?: string[]; size?: number; table?: boolean }[] = typeof page === 'string' ? page.split(/\r\n|\r|\n/).map((text) => ({ text })) : page;
    for (const l of given) {
      let text = normaliseSpaces(l.text);
      if (!text) continue;
      let bullet = false;
      if (BULLET_START.test(text)) { bullet = true; text = text.replace(BULLET_START, ''); }
      if (BULLET_END.test(text)) { bullet = true; text = text.replace(BULLET_END, ''); }
      text = closeLetterSpacing(text.trim());
      if (!text) continue; // a bullet glyph on its own line
      const line: Line = { text, page: i + 1, bullet };
      if (l.cells) {
        line.cells = l.cells.map((c) => c.split('\n').map(normaliseSpaces).join('\n'));
        line.table = l.table;
        if (l.size) line.size = l.size;
      }
      raw.push(line);
    }
  });

  // Running headers/footers: lines with a page marker, or lines repeated at the top or bottom of
  // more than one page.
  const edgeShapes = new Map<string, Set<number>>();
  const byPage = new Map<number, Line[]>();
  for (const l of raw) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const [page, ls] of byPage) {
    for (const l of [...ls.slice(0, 3), ...ls.slice(-3)]) {
      const s = shape(l.text);
      edgeShapes.set(s, (edgeShapes.get(s) ?? new Set()).add(page));
    }
  }
  const furniture: string[] = [];
  const lines: Line[] = [];
  for (const [, ls] of byPage) {
    ls.forEach((l, idx) => {
      const atEdge = idx < 3 || idx >= ls.length - 3;
      const repeated = atEdge && (edgeShapes.get(shape(l.text))?.size ?? 0) > 1;
      const pageMark = atEdge && l.text.length < 120 && isPageMark(l.text);
      if (repeated || pageMark) furniture.push(l.text);
      else lines.push(l);
    });
  }
  return { lines, furniture };
}

// ── Section headings ─────────────────────────────────────────────────────────────────────────

export type SectionKind =
  | 'contact' | 'profile' | 'registration' | 'english' | 'employment' | 'education' | 'training'
  | 'skills' | 'references' | 'other';

const headingWords: [SectionKind, RegExp][] = [
  ['employment', /^(?:(?:professional|clinical|work|working|relevant|nursing|career|employment|previous|recent|uk|overseas|international|nhs|healthcare|medical|other)\s+)*(?:experience|history|employment|background|positions?(?:\s+held)?|appointments)(?:\s+(?:history|to date|record))?$/],
  ['employment', /^(?:employment|work|career|professional|clinical)\s+(?:history|experience)(?:\s+(?:and|&)\s+(?:experience|history))?$/],
  ['education', /^(?:education|qualifications|academic|training and education|education(?:\s+(?:and|&)\s+(?:qualifications|training))?|qualifications(?:\s+(?:and|&)\s+(?:education|training))?|academic qualifications|professional qualifications)$/],
  ['registration', /^(?:(?:professional\s+)?registrations?|registration(?:\s+(?:and|&)\s+(?:membership|memberships|licensure|licences|licenses))?|licen[cs](?:e|es|ure)|professional registration(?:\s+(?:and|&)\s+\w+)?|registration details)$/],
  ['english', /^(?:english(?:\s+language)?(?:\s+(?:test|tests|proficiency|competence|qualifications?|results?))?|language (?:test|tests|proficiency)(?: results?)?)$/],
  ['contact', /^(?:contact(?:\s+(?:details|information|info))?|personal\s+(?:details|information)|details)$/],
  ['profile', /^(?:(?:personal|professional|career)\s+)?(?:profile|summary|statement|objective)$|^about me$|^personal statement$/],
  ['training', /^(?:(?:mandatory|statutory|additional|further|clinical|professional)\s+(?:(?:and|&)\s+(?:mandatory|statutory|additional)\s+)?)?(?:training|courses|cpd|certifications?|certificates)(?:\s+(?:and|&)\s+(?:cpd|courses|development|certifications?))?$|^continuing professional development(?:\s+\(cpd\))?$/],
  ['skills', /^(?:(?:key|core|clinical|technical|professional|other|relevant)\s+)?(?:skills|competencies|competences|strengths)(?:\s+(?:and|&)\s+\w+)?$/],
  ['references', /^(?:references|referees)$/],
  ['other', /^(?:additional information|other(?:\s+information)?|interests|hobbies(?:\s+(?:and|&)\s+interests)?|languages|(?:professional\s+)?memberships?|publications(?:\s+(?:and|&)\s+presentations)?|presentations|teaching|awards|prizes(?:\s+(?:and|&)\s+awards)?|achievements|volunteering|voluntary work|research|audit(?:\s+(?:and|&)\s+quality improvement)?|quality improvement|leadership|clinical governance(?:\s+(?:and|&)\s+leadership)?|procedures(?:\s+\(.*\))?|declaration|right to work|personal|other)$/],
];

/** The kind of section a line heads, or null if it is not a heading. */
export function headingKind(line: Line): SectionKind | null {
  const text = line.text.replace(/\t/g, ' ').replace(/[:：]\s*$/, '').trim();
  if (line.bullet || text.length > 60 || /\d{3,}|@/.test(text) || /[.;,]$/.test(text)) return null;
  const words = text.split(/\s+/);
  if (words.length > 7) return null;
  const key = text.toLowerCase().replace(/[’']/g, "'").replace(/\s*\([^)]*\)$/, '').replace(/\s+/g, ' ');
  for (const [kind, re] of headingWords) if (re.test(key)) return kind;
  return null;
}

export interface Section { kind: SectionKind | 'start'; heading: string | null; lines: Line[] }

/** Splits the lines at headings; the lines before the first heading form the 'start' section. */
export function sections(lines: Line[]): Section[] {
  const out: Section[] = [{ kind: 'start', heading: null, lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind) out.push({ kind, heading: line.text, lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}

/** Strips accents and case: "Wiśniewski" → "wisniewski". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
