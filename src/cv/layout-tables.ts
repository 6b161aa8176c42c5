// Tables in the layout reading: rows whose cells share column edges (left, right or centre),
// with the wrapped lines of their cells between them. Each table row becomes one line with its
// cells kept; a cell wrapped over lines is joined (wrapped lines sit closer together than padded
// rows, and a line that filled its column wrapped); bullets inside a cell become lines of their
// own after the row.
import { employerName, orgScore, roleScore } from './fields/job-parts.js';
import { BULLET, type Chunk, isHeading, type LayoutLine, plainLine, type Row, splitChunk } from './layout-rows.js';

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
export function gridLines(rows: Row[]): LayoutLine[] {
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

