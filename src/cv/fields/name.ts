// The candidate's name: a "Name:" label if there is one, otherwise the name-shaped line nearest
// the top, with titles (Dr) and post-nominals (RN, MBChB, MCSP…) removed. A name split over two
// lines (sidebar layouts) is joined when the email address or the layout supports it.
import { type CvText, type Line, fold, headingKind } from '../text.js';
import type { Field } from '../types.js';
import { field, sourceOf } from './common.js';
import { CV_TITLE, POST_NOMINALS, STRONG_ROLE_WORDS, TITLES } from './lexicon.js';

/** Organisation words that are not also surnames. */
const ORG = /\b(nhs|trust|hospitals?|ltd|limited|plc|llp|council|university|college|school|clinic|centre|center|foundation|services|pharmacy|agency|infirmary|hospice)\b/i;

const PARTICLE = /^(?:ap|ab|de|del|della|der|den|di|da|dos|das|du|la|le|van|von|bin|binti|bint|al|el|ben|ibn|y|e|st\.?)$/i;
const NAME_TOKEN = /^(?:(?:O['’]|D['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}+)?)*)$/u;
const CAPS_TOKEN = /^(?=.*\p{Lu}.*\p{Lu})\p{Lu}+(?:[-'’]\p{Lu}+)*$/u;
/** A middle initial ("John A. Smith"). */
const INITIAL = /^\p{Lu}\.?$/u;
/** Words of headings, labels and acronyms, never part of a name. */
const NOT_NAME = /^(?:contact|details|profile|summary|skills|experience|employment|education|qualifications|training|references|referees|registration|languages|interests|statement|curriculum|vitae|resume|address|mobile|telephone|email|e-mail|nmc|pin|hcpc|gmc|gphc|nhs|dbs|ielts|oet|cv|information|additional|professional|personal|objective|achievements|competencies|licen[cs]e)$/i;
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

interface NameParts { tokens: string[]; caps: boolean }

/** The name in a piece of text, or null if the text is anything but a name (plus title/letters). */
export function nameIn(segment: string): NameParts | null {
  const cleaned = segment.replace(CV_TITLE, ' ').replace(/[,;:]+$/, '').replace(/\s+/g, ' ').trim();
  if (!cleaned || /[@\d]/.test(cleaned.replace(/\([^)]*\)/g, ''))) return null;
  if (STRONG_ROLE_WORDS.test(cleaned.replace(/\([^)]*\)/g, '').split(/\s+/).filter((t) => !POST_NOMINALS.test(t)).join(' '))) return null;
  if (ORG.test(cleaned) || headingKind({ text: cleaned, page: 1, bullet: false })) return null;
  const tokens = cleaned.replace(/\s*,\s*/g, ' ').split(' ').filter(Boolean);
  while (tokens.length && TITLES.test(tokens[0]!)) tokens.shift();
  const name: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (POST_NOMINALS.test(t) && !(NAME_TOKEN.test(t) && name.length === 0)) break;
    if (MONTH.test(t) || NOT_NAME.test(t)) return null;
    if (NAME_TOKEN.test(t) || (PARTICLE.test(t) && name.length > 0) || CAPS_TOKEN.test(t) || (INITIAL.test(t) && name.length > 0)) name.push(t);
    else return null;
  }
  // Whatever follows the name must be letters after it: RN, BSc (Hons), MRCP(UK)…
  for (const t of tokens.slice(i)) if (!POST_NOMINALS.test(t) && !/^\(.*\)$/.test(t) && !/^[A-Z]{2,6}(?:\([A-Z]+\))?$/.test(t)) return null;
  if (name.length === 0 || name.length > 5 || PARTICLE.test(name.at(-1)!) || INITIAL.test(name.at(-1)!)) return null;
  const caps = name.every((t) => CAPS_TOKEN.test(t) || INITIAL.test(t));
  if (!caps && name.some((t) => CAPS_TOKEN.test(t) && !INITIAL.test(t))) return null;
  return { tokens: name, caps };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };

const titleCase = (t: string) => t.toLowerCase().replace(/(^|[-'’\s])(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());

interface Candidate { tokens: string[]; caps: boolean; line: Line; score: number; source: string }

function segments(text: string): string[] {
  return text.split(/\t| [–—|•·] | - |\s{3,}/).map((s) => s.trim()).filter(Boolean);
}

export function extractName(cv: CvText, email: string | null): Field<string | null> {
  const local = email ? fold(email.split('@')[0]!).replace(/[^a-z]/g, '') : '';
  const affinity = (tokens: string[]) => {
    if (!local) return 0;
    const hits = tokens.filter((t) => { const f = fold(t).replace(/[^a-z]/g, ''); return f.length > 1 && local.includes(f); });
    return hits.length / tokens.length;
  };
  const furniture = cv.furniture.map((f) => fold(f));
  const candidates: Candidate[] = [];
  const push = (parts: NameParts, line: Line, base: number, source: string) => {
    const tokens = parts.caps ? parts.tokens.map(titleCase) : parts.tokens;
    if (tokens.length < 2) return;
    const inFurniture = furniture.some((f) => f.includes(fold(tokens.join(' '))));
    const score = base + 0.6 * affinity(tokens) + (inFurniture ? 0.25 : 0) + (tokens.length <= 4 ? 0.1 : 0) - (parts.caps ? 0.2 : 0);
    candidates.push({ tokens, caps: parts.caps, line, score, source });
  };

  // A labelled name anywhere ("Name  Siobhán Gallagher-Reid").
  for (const line of cv.lines) {
    const m = /^(?:full\s+)?name\s*[:\t-]?\s*(.+)$/i.exec(line.text);
    const parts = m ? nameIn(m[1]!) : null;
    if (parts) push(parts, line, 1.4, line.text);
  }
  // Name-shaped text near the top (first page), alone or split over two lines. With the layout
  // reading, type size says more than position: a name is the largest text on the page.
  const firstPage = cv.lines.filter((l) => l.page === 1);
  const body = median(firstPage.flatMap((l) => (l.size ? [l.size] : [])));
  const display = (l: Line | undefined) => !!(l?.size && body && l.size >= 1.3 * body);
  const top = cv.lines.slice(0, 20);
  for (const line of firstPage.slice(20)) if (display(line)) top.push(line);
  top.forEach((line, idx) => {
    const base = 1.2 - Math.min(idx, 12) * 0.07 - Math.max(0, idx - 12) * 0.02 + (display(line) ? 0.3 : 0);
    const segs = segments(line.text);
    segs.slice(0, 2).forEach((seg, k) => {
      const parts = nameIn(seg);
      if (parts) push(parts, line, base - k * 0.3, line.text);
    });
    const next = top[idx + 1];
    const here = segs.length === 1 ? nameIn(segs[0]!) : null;
    const there = next && segments(next.text).length === 1 ? nameIn(next.text) : null;
    if (here && there && here.tokens.length <= 3 && there.tokens.length <= 3 && here.caps === there.caps) {
      const joined = { tokens: [...here.tokens, ...there.tokens], caps: here.caps };
      // Join only when the address confirms the second line, the first line is one word, or both
      // lines are display type of one size (a name set large over two lines of a sidebar).
      const oneName = display(line) && display(next) && Math.abs(line.size! - next!.size!) <= 0.05 * line.size!;
      if (affinity(there.tokens) > 0 || here.tokens.length === 1 || oneName) push(joined, line, base + (oneName ? 0.15 : 0.05), `${line.text} ${next!.text}`);
    }
  });
  // Running headers and footers often print the name ("Jane Doe – CV – Page 1 of 2").
  for (const f of cv.furniture) {
    for (const seg of segments(f)) {
      const parts = nameIn(seg.replace(/\bpage\s*\d+(\s*(of|\/)\s*\d+)?/i, '').replace(/^\d+\s*\/\s*\d+\s*/, ''));
      if (parts) push(parts, { text: f, page: 1, bullet: false }, 0.7, f);
    }
  }
  if (candidates.length === 0) return field(null, 0.3, null);
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const confidence = Math.min(0.97, 0.45 + best.score * 0.3);
  return field(best.tokens.join(' '), confidence, sourceOf(best.line, best.source));
}
