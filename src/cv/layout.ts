// Layout-aware text: rebuilds a page's lines, columns and tables from the positions pdf.js gives
// each text item, so the reading order no longer depends on the order a generator happened to
// draw things in (a PDF may draw every word, or every letter, anywhere in its content stream).
//
// 1. Items on one baseline form a row of chunks (layout-rows.ts).
// 2. A vertical gutter that no row crosses, over a run of consecutive rows, splits them into
//    *columns*, read one after the other (a sidebar first), when the two sides' baselines do not
//    line up, their type sizes differ, or each side has its own section heading. A header block
//    above the columns (contact details flush right) is read first, on its own.
// 3. Elsewhere, rows whose cells share column edges are *tables*, one line per table row with
//    its cells kept (layout-tables.ts); other rows are lines, a wide gap marking a cell.
// Nothing here depends on absolute coordinates: thresholds scale with the type size.
import { gridLines } from './layout-tables.js';
import { buildRows, type Chunk, isHeading, type LayoutLine, median, type Row, type TextItem } from './layout-rows.js';

export type { LayoutLine, TextItem } from './layout-rows.js';

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


/** A page's lines in reading order, and whether the page had columns read one after the other. */
export function layoutPage(items: TextItem[]): { lines: LayoutLine[]; columns: boolean } {
  const page: Page = { columns: false };
  return { lines: segment(buildRows(items), 0, page), columns: page.columns };
}
