// Layout-aware text: rebuilds a page's lines, columns and tables from the positions pdf.js gives
// each text item, so the reading order no longer depends on the order a generator happened to
// draw things in (a PDF may draw every word, or every letter, anywhere in its content stream).
//
// 1. Items on one baseline form a row; within a row, items close together join into chunks
//    (words, letters and runs become text; a wide gap starts another chunk).
// 2. A vertical gutter that no row crosses, over a run of consecutive rows, splits them in two.
//    It is a page's *columns* (a sidebar beside the main text: read one column, then the other)
//    when the two sides' baselines do not line up, when their type sizes differ, or when each
//    side has its own section headings; otherwise it is a *table*, read row by row.
// 3. A table's columns come from the union of its chunks' extents. A row whose first column is
//    empty continues the row above (a cell wrapped over lines); bullets inside a cell become
//    lines of their own after the row. Each table row is one line, its cells kept.
// Nothing here depends on absolute coordinates: thresholds scale with the type size.
import { employerName, orgScore, roleScore } from './fields/job-parts.js';
import { headingKind } from './text.js';

/** A pdf.js text item in page space: `y` is the baseline, growing down the page. */
export interface TextItem { str: string; x: number; y: number; width: number; size: number; font?: string }

/** A line in reading order. `cells` are the pieces a wide gap or a table column separates. */
export interface LayoutLine { text: string; cells: string[]; size: number; table: boolean }

/** A piece of a chunk between word spaces: where a table's column may start inside a chunk. */
interface Part { text: string; x0: number; x1: number }
interface Chunk { text: string; x0: number; x1: number; y: number; size: number; font: string; parts: Part[] }
interface Row { y: number; size: number; chunks: Chunk[] }

const BULLET = /^\s*[•●○◦▪■□◆◇►▸‣⁃∙·]/;

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
function splitChunk(c: Chunk, x: number, tol: number): [Chunk, Chunk] | null {
  const k = c.parts.findIndex((p, i) => i > 0 && Math.abs(p.x0 - x) <= tol);
  if (k < 0) return null;
  const make = (parts: Part[]): Chunk => ({
    ...c, parts, x0: parts[0]!.x0, x1: Math.max(...parts.map((p) => p.x1)), text: parts.map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim(),
  });
  return [make(c.parts.slice(0, k)), make(c.parts.slice(k))];
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };
const headings = new Map<string, boolean>();
/** Whether a text is a section heading (memoised: the gutter search asks about the same rows often). */
function isHeading(text: string): boolean {
  let known = headings.get(text);
  if (known === undefined) {
    if (headings.size > 5000) headings.clear();
    known = !!headingKind({ text, page: 1, bullet: false });
    headings.set(text, known);
  }
  return known;
}

interface Run { start: number; end: number; x: number; width: number }
/** What the reading of a page learns as it goes: whether it split columns. */
interface Page { columns: boolean }

const sideOf = (r: Row, x: number, left: boolean) => r.chunks.filter((c) => (left ? c.x1 <= x : c.x0 >= x));

/**
 * Runs of consecutive rows that a vertical gutter at some x splits and no row crosses, longest
 * first. A run is also cut where one side falls silent for a long stretch while the other goes
 * on (a header block's contact lines beside the name, then nothing until a date far below).
 */
function candidateRuns(rows: Row[]): Run[] {
  const found = new Map<string, Run>();
  const n = rows.length;
  const xs = [...new Set(rows.flatMap((r) => r.chunks.map((c) => Math.ceil(c.x1) + 0.5)))];
  // Per row, for the x in hand: crossing, the last left edge and first right edge (one pass, no garbage).
  const cross = new Uint8Array(n);
  const leftEnd = new Float64Array(n);
  const rightStart = new Float64Array(n);
  const sizes = rows.map((r) => r.size).sort((p, q) => p - q);
  for (const x of xs) {
    for (let i = 0; i < n; i++) {
      let crossing = 0;
      let le = -Infinity;
      let rs = Infinity;
      for (const c of rows[i]!.chunks) {
        if (c.x0 < x && c.x1 > x) crossing = 1;
        else if (c.x1 <= x) le = Math.max(le, c.x1);
        else rs = Math.min(rs, c.x0);
      }
      cross[i] = crossing;
      leftEnd[i] = le;
      rightStart[i] = rs;
    }
    const cuts = new Set<number>();
    for (let i = 0; i < n; i++) if (cross[i]) cuts.add(i);
    for (const left of [true, false]) {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (left ? leftEnd[i]! > -Infinity : rightStart[i]! < Infinity) idx.push(i);
      const pitches = idx.slice(1).map((i, k) => rows[i]!.y - rows[idx[k]!]!.y);
      const pitch = median(pitches);
      idx.slice(1).forEach((i, k) => { if (pitches[k]! > Math.max(3.5 * pitch, 3.5 * rows[i]!.size)) cuts.add(i - 0.5); });
    }
    const bounds = [-1, ...[...cuts].sort((p, q) => p - q), n];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = Math.floor(bounds[k]!) + 1;
      const end = Math.ceil(bounds[k + 1]!);
      if (end - start < 2) continue;
      let lRows = 0;
      let rRows = 0;
      let le = -Infinity;
      let rs = Infinity;
      for (let i = start; i < end; i++) {
        if (leftEnd[i]! > -Infinity) { lRows++; le = Math.max(le, leftEnd[i]!); }
        if (rightStart[i]! < Infinity) { rRows++; rs = Math.min(rs, rightStart[i]!); }
      }
      if (lRows < 2 || rRows < 2) continue;
      const width = rs - le;
      const minWidth = Math.max(6, 0.6 * (end - start === n ? sizes[Math.floor(n / 2)]! : median(rows.slice(start, end).map((r) => r.size))));
      if (width < minWidth) continue;
      const key = `${start}:${end}`;
      if ((found.get(key)?.width ?? -1) < width) found.set(key, { start, end, x, width });
    }
  }
  return [...found.values()].sort((p, q) => (q.end - q.start) - (p.end - p.start) || q.width - p.width);
}

/** Whether a split run is two columns of text (read in turn) rather than rows read across. */
function isColumns(run: Row[], x: number): boolean {
  const L = run.filter((r) => sideOf(r, x, true).length);
  const R = run.filter((r) => sideOf(r, x, false).length);
  const sizeL = median(L.flatMap((r) => sideOf(r, x, true).map((c) => c.size)));
  const sizeR = median(R.flatMap((r) => sideOf(r, x, false).map((c) => c.size)));
  const paired = run.filter((r) => sideOf(r, x, true).length && sideOf(r, x, false).length);
  const unaligned = paired.length / Math.min(L.length, R.length) < 0.5;
  // Sides in different sizes (a name in display type beside the contact details) are columns
  // even where a baseline happens to line up: a table's cells share a size.
  const ratio = (a: number, b: number) => Math.max(a, b) / Math.min(a, b);
  const sized = (r: Row, left: boolean) => Math.max(...sideOf(r, x, left).map((c) => c.size));
  const mismatched = paired.filter((r) => ratio(sized(r, true), sized(r, false)) > 1.4).length >= paired.length / 2;
  if (ratio(sizeL, sizeR) > 1.4 && (unaligned || mismatched)) return true;
  if (run.length < 4) return false;
  // Baselines that do not line up, over a long enough run: columns.
  if (unaligned) return true;
  // Each side has a section heading of its own, not beside text in the same type (a table's
  // header row names its columns side by side, all in one font and size).
  const sameType = (a: Chunk[], b: Chunk[]) => a[0]!.font === b[0]!.font && Math.abs(a[0]!.size - b[0]!.size) <= 0.05 * a[0]!.size;
  const headings = (rs: Row[], left: boolean) => rs.filter((r) => {
    const [here, there] = [sideOf(r, x, left), sideOf(r, x, !left)];
    return isHeading(here.map((c) => c.text).join(' ')) && !(there.length && sameType(here, there));
  }).length;
  return headings(L, true) > 0 && headings(R, false) > 0;
}

/** A row as one line: a gap wider than a few spaces separates cells (a tab). */
function plainLine(r: Row): LayoutLine {
  let text = '';
  r.chunks.forEach((c, i) => {
    if (i > 0) text += c.x0 - r.chunks[i - 1]!.x1 > Math.max(7, 0.7 * c.size) ? '\t' : ' ';
    text += c.text;
  });
  return { text, cells: r.chunks.map((c) => c.text), size: r.size, table: false };
}

/** Above this many chunks on a page, finding gutters costs more than a CV is worth: rows only. */
const MAX_CHUNKS = 3000;

function segment(rows: Row[], depth: number, split: Page): LayoutLine[] {
  if (rows.length < 2 || depth > 6 || rows.reduce((n, r) => n + r.chunks.length, 0) > MAX_CHUNKS) return gridLines(rows);
  for (const g of candidateRuns(rows)) {
    let run = rows.slice(g.start, g.end);
    if (!isColumns(run, g.x)) continue;
    // A header block above the columns (the name at the left, contact details right-aligned at
    // the right, then the columns' text below): read it first, on its own.
    const head = headerRows(run, g.x);
    if (head > 0 && head < run.length) {
      run = run.slice(head);
      if (!isColumns(run, g.x)) return [...segment(rows.slice(0, g.start + head), depth + 1, split), ...segment(rows.slice(g.start + head), depth + 1, split)];
      return [...segment(rows.slice(0, g.start + head), depth + 1, split), ...splitColumns(run, g.x, depth, split), ...segment(rows.slice(g.end), depth + 1, split)];
    }
    return [...segment(rows.slice(0, g.start), depth + 1, split), ...splitColumns(run, g.x, depth, split), ...segment(rows.slice(g.end), depth + 1, split)];
  }
  return gridLines(rows);
}

/** Two columns, each read top to bottom: the narrower first (a sidebar holds the name and contact details). */
function splitColumns(run: Row[], x: number, depth: number, split: Page): LayoutLine[] {
  split.columns = true;
  const part = (left: boolean) => run.map((r) => {
    const chunks = sideOf(r, x, left);
    return { y: Math.min(...chunks.map((c) => c.y)), size: Math.max(0, ...chunks.map((c) => c.size)), chunks };
  }).filter((r) => r.chunks.length);
  const [l, r] = [part(true), part(false)];
  const width = (rs: Row[]) => Math.max(...rs.flatMap((x) => x.chunks.map((c) => c.x1))) - Math.min(...rs.flatMap((x) => x.chunks.map((c) => c.x0)));
  const [first, second] = width(l) <= width(r) ? [l, r] : [r, l];
  return [...segment(first, depth + 1, split), ...segment(second, depth + 1, split)];
}

/**
 * How many rows at the top of a column run are a header block rather than the columns' text: a
 * side whose first rows are set flush right, away from that side's usual left edge (contact
 * details), while at least three rows below start at that edge.
 */
function headerRows(run: Row[], x: number): number {
  let head = 0;
  for (const left of [true, false]) {
    const rowsOf = run.map((r, i) => ({ i, c: sideOf(r, x, left)[0] })).filter((e) => e.c);
    const tol = Math.max(2, 0.25 * median(rowsOf.map((e) => e.c!.size)));
    const edges = rowsOf.map((e) => e.c!.x0);
    const edge = edges.reduce((best, e) => (edges.filter((o) => Math.abs(o - e) <= tol).length > edges.filter((o) => Math.abs(o - best) <= tol).length ? e : best), edges[0]!);
    // Leading rows away from that edge and flush right (contact details set against the margin).
    const rightEdge = Math.max(...run.flatMap((r) => sideOf(r, x, left).map((c) => c.x1)));
    const flushRight = (r: Row) => Math.abs(Math.max(...sideOf(r, x, left).map((c) => c.x1)) - rightEdge) <= tol;
    let k = 0;
    while (k < rowsOf.length && Math.abs(rowsOf[k]!.c!.x0 - edge) > tol && flushRight(run[rowsOf[k]!.i]!)) k++;
    if (k > 0 && rowsOf.slice(k).filter((e) => Math.abs(e.c!.x0 - edge) <= tol).length >= 3) head = Math.max(head, rowsOf[k - 1]!.i + 1);
  }
  return head;
}

interface Column { x0: number; x1: number; cx: number }

/**
 * Where a table starts at row `i`: rows of two or more cells that line up with the same columns
 * (left edges, right edges or centres), with the wrapped lines of their cells between them. At
 * least two such rows make a table (a header and its values); one is a title and its dates.
 */
function gridAt(rows: Row[], i: number): { end: number; cols: Column[] } | null {
  const first = rows[i]!;
  if (first.chunks.length < 2) return null;
  const tol = Math.max(2, 0.25 * first.size);
  const cols: Column[] = first.chunks.map((c) => ({ x0: c.x0, x1: c.x1, cx: (c.x0 + c.x1) / 2 }));
  const exact = (c: Chunk) => cols.findIndex((k) => Math.abs(c.x0 - k.x0) <= tol || Math.abs(c.x1 - k.x1) <= tol || Math.abs((c.x0 + c.x1) / 2 - k.cx) <= tol);
  // Or indented a little inside a column (list items under a column heading).
  const indented = (c: Chunk) => cols.findIndex((k) => c.x0 > k.x0 && c.x0 - k.x0 <= 3 * first.size && !cols.some((o) => o.x0 > k.x0 && o.x0 <= c.x0 + tol));
  const match = (c: Chunk) => { const k = exact(c); return k >= 0 ? k : indented(c); };
  /** Within column k: it does not run on into another column. */
  const inside = (c: Chunk, k: number) => k >= 0 && cols.every((o, n) => n === k || c.x1 < o.x0 - tol || c.x0 > o.x1 + tol);
  /** The column whose stretch (from its left edge to the next column's) holds the chunk, or -1 if it spans two or lies outside. */
  const territory = (c: Chunk) => {
    const starts = cols.map((k) => k.x0).sort((a, b) => a - b);
    const k = starts.filter((x) => c.x0 >= x - tol).length - 1;
    if (k < 0) return -1;
    const next = starts[k + 1];
    return next === undefined || c.x1 < next - tol ? k : -1;
  };
  const aligned = (r: Row) => r.chunks.length >= 2 && r.chunks.filter((c) => match(c) >= 0).length >= 2
    && r.chunks.every((c) => (match(c) >= 0 ? inside(c, match(c)) : cols.every((o) => c.x1 < o.x0 - tol || c.x0 > o.x1 + tol)));
  let multi = 1;
  let end = i + 1;
  let loose = 0;
  for (let j = i + 1; j < rows.length; j++) {
    // A cell that runs up to the next column with too narrow a gap joined its neighbour: split
    // it where a word starts at that column's edge.
    if (isHeading(rows[j]!.chunks.map((c) => c.text).join(' '))) break;
    const split = rows[j]!.chunks.flatMap((c) => {
      const edge = cols.find((k) => k.x0 > c.x0 + tol && k.x0 < c.x1);
      return (edge && splitChunk(c, edge.x0, tol)) || [c];
    });
    if (split.length > rows[j]!.chunks.length) rows[j] = { ...rows[j]!, chunks: split };
    const r = rows[j]!;
    const pitch = r.y - rows[j - 1]!.y;
    if (pitch > 3 * first.size) break; // white space (a footer, the next block) ends a table
    // The last line of a wrapped first cell: as close to the row above as wrapped lines are,
    // in a table whose rows are padded further apart than that.
    const wrapped = pitch * 1.25 < loose;
    loose = Math.max(loose, pitch);
    const only = r.chunks.length === 1 ? r.chunks[0]! : null;
    const within = r.chunks.map((c) => territory(c));
    if (aligned(r)) {
      for (const c of r.chunks) {
        const k = match(c);
        if (k < 0) cols.push({ x0: c.x0, x1: c.x1, cx: (c.x0 + c.x1) / 2 });
        else cols[k]!.x1 = Math.max(cols[k]!.x1, c.x1);
      }
      multi++;
      end = j + 1;
    } else if (within.every((k) => k > 0)) {
      end = j + 1; // lines of the cells right of the first (wrapped text, a cell's list)
    } else if (only && within[0] === 0 && (wrapped || (rows[j + 1] && aligned(rows[j + 1]!)))) {
      end = j + 1; // a wrapped first cell, or a row with only its first cell filled
    } else break;
  }
  return multi >= 2 ? { end, cols: cols.sort((a, b) => a.x0 - b.x0) } : null;
}

/** Rows as lines, tables found among them read as tables. */
function gridLines(rows: Row[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  const right = Math.max(0, ...rows.flatMap((r) => r.chunks.map((c) => c.x1)));
  for (let i = 0; i < rows.length;) {
    const grid = gridAt(rows, i);
    if (!grid) { out.push(plainLine(rows[i]!)); i++; continue; }
    out.push(...tableLines(rows.slice(i, grid.end), grid.cols, right));
    i = grid.end;
  }
  return out;
}

interface Cell { lines: Chunk[] }

/** A table's rows as lines: columns from the chunks' extents, wrapped cells joined. */
function tableLines(run: Row[], columns: Column[], right: number): LayoutLine[] {
  // Each chunk in the column it overlaps most (a centred or right-aligned cell included).
  const overlap = (c: Chunk, k: Column) => Math.min(c.x1, k.x1) - Math.max(c.x0, k.x0);
  const colOf = (c: Chunk) => columns.reduce((best, k, i) => (overlap(c, k) > overlap(c, columns[best]!) ? i : best), 0);
  const cols = columns.map((k) => [k.x0, k.x1] as [number, number]);
  for (const r of run) for (const c of r.chunks) cols[colOf(c)]![1] = Math.max(cols[colOf(c)]![1], c.x1);
  /** `bullets[k]`: the index in `extras` of the bullet column k is in, while one is open. */
  interface Logical { cells: Cell[]; extras: string[]; bullets: (number | null)[]; lastY: number; size: number }
  const logical: Logical[] = [];
  // Lines wrapped inside a cell sit closer together than rows padded apart: the first clear
  // step up in the spacing between lines (baselines closer than half a line are one line drawn
  // unevenly) separates the two. Where all rows are equally spaced, an empty first cell marks a wrap.
  const pitches = run.slice(1).map((r, i) => r.y - run[i]!.y);
  const sorted = pitches.filter((p) => p >= 0.6 * run[0]!.size).sort((a, b) => a - b);
  const step = sorted.findIndex((p, i) => i > 0 && p > 1.2 * sorted[i - 1]!);
  const padded = step > 0;
  const cut = padded ? (sorted[step - 1]! + sorted[step]!) / 2 : 1.8 * run[0]!.size;
  run.forEach((r, i) => {
    const cells: Cell[] = cols.map(() => ({ lines: [] }));
    for (const c of r.chunks) cells[colOf(c)]!.lines.push(c);
    const prev = logical.at(-1);
    const values = r.chunks.every((c) => /^[\d.,/+\-–A-E ]{1,12}$/.test(c.text));
    const close = i > 0 && pitches[i - 1]! <= cut;
    const continues = prev && close && (padded || (cells[0]!.lines.length === 0 && !values));
    if (!continues) {
      const row: Logical = { cells: cols.map(() => ({ lines: [] })), extras: [], bullets: cols.map(() => null), lastY: r.y, size: r.size };
      logical.push(row);
      addCells(row, cells);
    } else {
      prev.lastY = r.y;
      addCells(prev, cells);
    }
  });
  /** Bulleted text in a cell (duties under a job title) leaves the cell: lines after the row. */
  function addCells(row: Logical, cells: Cell[]) {
    cells.forEach((cell, k) => {
      for (const chunk of cell.lines) {
        const open = row.bullets[k];
        if (BULLET.test(chunk.text)) { row.bullets[k] = row.extras.length; row.extras.push(chunk.text); }
        else if (open !== null && open !== undefined) row.extras[open] += ` ${chunk.text}`;
        else row.cells[k]!.lines.push(chunk);
      }
    });
  }
  const out: LayoutLine[] = [];
  // How far a cell's text may run. Where several lines stop at the same right edge, that edge
  // (they wrapped there); otherwise up to the next column, less a gap, or the block's margin.
  const size = run[0]!.size;
  const ends = cols.map(() => [] as number[]);
  for (const r of run) for (const c of r.chunks) ends[colOf(c)]!.push(c.x1);
  const limits = cols.map(([, x1], k) => (ends[k]!.filter((e) => e >= x1 - 2 * size).length >= 3
    ? x1 : Math.max(x1, k + 1 < cols.length ? cols[k + 1]![0] - 1.2 * size : right - 0.8 * size)));
  const texts = logical.map((row) => row.cells.map((cell, k) => cellText(cell.lines, limits[k]!)));
  // Section headings down the first column, beside their content: each a line of its own.
  const headed = texts.filter((cells) => cells[0] && isHeading(cells[0])).length >= 2;
  for (const [n, row] of logical.entries()) {
    const cells = texts[n]!;
    if (headed && cells[0] && isHeading(cells[0]) && cells.slice(1).some(Boolean)) {
      out.push({ text: cells[0], cells: [cells[0]], size: row.size, table: false });
      cells[0] = '';
    }
    // A cell of several lines (a title above its employer, two registrations): the row's line
    // holds every cell's first line and all the cells; the further lines follow as lines of
    // their own, so line-by-line readers see them apart.
    const parts = cells.map((c) => (c ? c.split('\n') : []));
    const first = parts.flatMap((p) => p.slice(0, 1));
    if (first.length) out.push({ text: first.join('\t'), cells, size: row.size, table: first.length > 1 });
    for (let k = 1; k < Math.max(...parts.map((p) => p.length)); k++) {
      const more = parts.flatMap((p) => p.slice(k, k + 1));
      out.push({ text: more.join('\t'), cells: more, size: row.size, table: false });
    }
    for (const e of row.extras) out.push({ text: e, cells: [e], size: row.size, table: false });
  }
  return out;
}

/**
 * A cell's lines as text: a line that filled its column wrapped (joined with a space); one that
 * stopped short was a deliberate break, kept as "\n" (a title above its employer).
 */
function cellText(lines: Chunk[], right: number): string {
  let text = '';
  lines.forEach((l, i) => {
    if (i > 0) {
      const prev = lines[i - 1]!;
      const word = l.text.split(' ')[0]!;
      const wordWidth = ((l.x1 - l.x0) * word.length) / Math.max(1, l.text.length);
      // Wrapped text goes on in the same type; a change of font or size starts another item.
      const sameType = l.font === prev.font && Math.abs(l.size - prev.size) <= 0.1 * l.size;
      const continues = /^\p{Ll}/u.test(l.text) || /[,&-]$|\b(?:and|of|the|for|in)$/i.test(prev.text);
      // A full line is ambiguous; an organisation's name under a job title is a new item.
      const full = prev.x1 + wordWidth + 0.3 * l.size > right - 1 && !(roleScore(prev.text) > 0 && orgScore(employerName(l.text)) >= 2 && roleScore(l.text) === 0);
      const wrapped = sameType && (continues || full);
      text += wrapped ? ' ' : '\n';
    }
    text += l.text;
  });
  return text;
}

/** A page's lines in reading order, and whether the page had columns read one after the other. */
export function layoutPage(items: TextItem[]): { lines: LayoutLine[]; columns: boolean } {
  const page: Page = { columns: false };
  return { lines: segment(buildRows(items), 0, page), columns: page.columns };
}
