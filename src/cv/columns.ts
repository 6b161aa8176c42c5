// A second reading of a page for two-column CVs whose PDF interleaves the columns line by line
// (a sidebar and a main column drawn row by row): pdf-parse then joins "CONTACT" and "Maria
// Santos" into one line. Given the positioned text items, this finds a vertical gutter that
// splits many lines and is crossed by few, and emits, between full-width lines, the left column's
// text and then the right column's. Tables also have gutters, so this is only ever a candidate:
// parse.ts keeps whichever reading yields more.

export interface PositionedItem { str: string; x: number; y: number; width: number; size: number }

interface Row { y: number; items: PositionedItem[] }

function rows(items: PositionedItem[]): Row[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Row[] = [];
  for (const item of sorted) {
    const row = out.at(-1);
    if (row && Math.abs(row.y - item.y) <= Math.max(2, item.size * 0.5)) row.items.push(item);
    else out.push({ y: item.y, items: [item] });
  }
  for (const r of out) r.items.sort((a, b) => a.x - b.x);
  return out;
}

function joinItems(items: PositionedItem[]): string {
  let text = '';
  let end: number | null = null;
  for (const it of items) {
    if (end !== null) {
      const gap = it.x - end;
      if (gap > it.size * 2) text += '\t';
      else if (gap > it.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
    }
    text += it.str;
    end = it.x + it.width;
  }
  return text.replace(/[ ]{2,}/g, ' ').trim();
}

/** The gutter's x position, or null when the page is not two columns. */
export function findGutter(items: PositionedItem[]): number | null {
  const rs = rows(items);
  if (rs.length < 8) return null;
  const minX = Math.min(...items.map((i) => i.x));
  const maxX = Math.max(...items.map((i) => i.x + i.width));
  const span = maxX - minX;
  let best: { x: number; split: number } | null = null;
  for (let x = minX + span * 0.15; x <= minX + span * 0.7; x += 2) {
    let crossing = 0;
    let split = 0;
    for (const r of rs) {
      if (r.items.some((i) => i.x < x - 1 && i.x + i.width > x + 1)) { crossing++; continue; }
      const left = r.items.filter((i) => i.x + i.width <= x);
      const right = r.items.filter((i) => i.x >= x);
      if (left.length && right.length) {
        const gap = Math.min(...right.map((i) => i.x)) - Math.max(...left.map((i) => i.x + i.width));
        if (gap >= 12) split++;
      }
    }
    if (crossing > rs.length * 0.2 || split < Math.max(4, rs.length * 0.25)) continue;
    if (!best || split > best.split) best = { x, split };
  }
  return best?.x ?? null;
}

/** The page text read column by column, or null when no gutter runs through it. */
export function columnText(items: PositionedItem[]): string | null {
  const gutter = findGutter(items);
  if (gutter === null) return null;
  const out: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = () => { out.push(...left, ...right); left = []; right = []; };
  for (const r of rows(items)) {
    if (r.items.some((i) => i.x < gutter - 1 && i.x + i.width > gutter + 1)) {
      flush();
      out.push(joinItems(r.items));
      continue;
    }
    const l = r.items.filter((i) => i.x + i.width <= gutter);
    const rt = r.items.filter((i) => i.x >= gutter);
    if (l.length) left.push(joinItems(l));
    if (rt.length) right.push(joinItems(rt));
  }
  flush();
  return out.join('\n');
}
