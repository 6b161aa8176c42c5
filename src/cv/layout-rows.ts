// The first step of the layout reading (layout.ts): pdf.js text items on one baseline become a
// row, and a row's items close together become chunks (a word drawn letter by letter, or words
// drawn one by one, join into text; a wide gap starts another chunk). Also the small helpers
// the column and table readers share.
import { headingKind } from './text.js';

/** A pdf.js text item in page space: `y` is the baseline, growing down the page. */
export interface TextItem { str: string; x: number; y: number; width: number; size: number; font?: string }

/** A line in reading order. `cells` are the pieces a wide gap or a table column separates. */
export interface LayoutLine { text: string; cells: string[]; size: number; table: boolean }

/** A piece of a chunk between word spaces: where a table's column may start inside a chunk. */
export interface Part { text: string; x0: number; x1: number }
export interface Chunk { text: string; x0: number; x1: number; y: number; size: number; font: string; parts: Part[] }
export interface Row { y: number; size: number; chunks: Chunk[] }

export const BULLET = /^\s*[•●○◦▪■□◆◇►▸‣⁃∙·]/;

/** Rows of chunks, top to bottom. */
export function buildRows(items: TextItem[]): Row[] {
  const sorted = items.filter((i) => i.str.trim() && Number.isFinite(i.x) && Number.isFinite(i.y) && i.size > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  let anchor: TextItem | null = null;
  for (const item of sorted) {
    if (anchor && item.y - anchor.y <= Math.max(1, 0.3 * Math.min(item.size, anchor.size))) groups.at(-1)!.push(item);
    else { groups.push([item]); anchor = item; }
  }
  return groups.map((g) => {
    const chunks = chunksOf(untangle(g).sort((a, b) => a.x - b.x));
    return { y: g[0]!.y, size: Math.max(...chunks.map((c) => c.size)), chunks };
  });
}

/**
 * pdf.js joins glyphs drawn one after another into one item, spaces and all, even when the PDF
 * drew other glyphs between them ("d l" around an "a" drawn later). An item that another item
 * starts inside is split into its words, placed in proportion to their letters.
 */
function untangle(items: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    const inside = / /.test(it.str.trim()) && items.some((o) => o !== it && o.x > it.x + 0.5 && o.x < it.x + it.width - 0.5 && o.str.trim() !== '');
    if (!inside) { out.push(it); continue; }
    const per = it.width / Math.max(1, it.str.length);
    for (const m of it.str.matchAll(/\S+/g)) out.push({ ...it, str: m[0], x: it.x + m.index * per, width: m[0].length * per });
  }
  return out;
}

/** Joins a row's items into chunks: touching items are one word, a word space adds a space. */
function chunksOf(items: TextItem[]): Chunk[] {
  const out: Chunk[] = [];
  let prev: TextItem | null = null;
  for (const item of items) {
    const last = out.at(-1);
    // The same text drawn twice at (almost) the same place: fake bold or a shadow.
    if (prev && last && item.str === prev.str && Math.abs(item.x - prev.x) < Math.max(0.5, 0.25 * item.width)) continue;
    const size = Math.min(item.size, last?.size ?? item.size);
    const gap = last ? item.x - last.x1 : Infinity;
    const x1 = item.x + item.width;
    if (last && gap <= 0.8 * size) {
      const space = gap > 0.1 * size && !/\s$/.test(last.text) && !/^\s/.test(item.str);
      if (space) last.parts.push({ text: item.str, x0: item.x, x1 });
      else { const p = last.parts.at(-1)!; p.text += item.str; p.x1 = Math.max(p.x1, x1); }
      last.text += (space ? ' ' : '') + item.str;
      last.x1 = Math.max(last.x1, x1);
      last.size = Math.max(last.size, item.size);
    } else {
      out.push({ text: item.str, x0: item.x, x1, y: item.y, size: item.size, font: item.font ?? '', parts: [{ text: item.str, x0: item.x, x1 }] });
    }
    prev = item;
  }
  for (const c of out) c.text = c.text.replace(/\s+/g, ' ').trim();
  // A bullet glyph drawn apart from its text is part of it ("•" then "Delivered…").
  for (let i = out.length - 2; i >= 0; i--) {
    const [b, t] = [out[i]!, out[i + 1]!];
    if (BULLET.test(b.text) && b.text.length <= 2 && t.x0 - b.x1 <= 3 * t.size) {
      out.splice(i, 2, { ...t, text: `${b.text} ${t.text}`, x0: b.x0, parts: [...b.parts, ...t.parts] });
    }
  }
  return out.filter((c) => c.text);
}

/** A chunk split where a word starts at `x` (a table column's edge), or null if none does. */
export function splitChunk(c: Chunk, x: number, tol: number): [Chunk, Chunk] | null {
  const k = c.parts.findIndex((p, i) => i > 0 && Math.abs(p.x0 - x) <= tol);
  if (k < 0) return null;
  const make = (parts: Part[]): Chunk => ({
    ...c, parts, x0: parts[0]!.x0, x1: Math.max(...parts.map((p) => p.x1)), text: parts.map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim(),
  });
  return [make(c.parts.slice(0, k)), make(c.parts.slice(k))];
}

export const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };
const headings = new Map<string, boolean>();
/** Whether a text is a section heading (memoised: the gutter search asks about the same rows often). */
export function isHeading(text: string): boolean {
  let known = headings.get(text);
  if (known === undefined) {
    if (headings.size > 5000) headings.clear();
    known = !!headingKind({ text, page: 1, bullet: false });
    headings.set(text, known);
  }
  return known;
}

/** A row as one line: a gap wider than a few spaces separates cells (a tab). */
export function plainLine(r: Row): LayoutLine {
  let text = '';
  r.chunks.forEach((c, i) => {
    if (i > 0) text += c.x0 - r.chunks[i - 1]!.x1 > Math.max(7, 0.7 * c.size) ? '\t' : ' ';
    text += c.text;
  });
  return { text, cells: r.chunks.map((c) => c.text), size: r.size, table: false };
}
