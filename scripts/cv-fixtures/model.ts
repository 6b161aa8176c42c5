// A CV drawn as positioned text runs and boxes, independent of how the PDF is then written
// (render.ts). Flows fill a column box top to bottom: lines, wrapped paragraphs, a title with its
// dates right-aligned, and tables whose cells wrap within their column.
import PDFDocument from 'pdfkit';
import type { FontFamily } from './people.js';

export interface Run { text: string; x: number; baseline: number; size: number; bold: boolean }
export interface Box { x: number; y: number; w: number; h: number; color: string }
export interface PageModel { runs: Run[]; boxes: Box[] }
export interface DocModel { width: number; height: number; font: FontFamily; pages: PageModel[] }

const FONT_FILES: Record<string, [string, string]> = {
  LiberationSans: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  LiberationSerif: ['/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf'],
  DejaVuSans: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
};
const STANDARD: Record<string, [string, string]> = {
  Helvetica: ['Helvetica', 'Helvetica-Bold'], Times: ['Times-Roman', 'Times-Bold'], Courier: ['Courier', 'Courier-Bold'],
};

/** pdfkit font names (standard 14) or TrueType files (embedded), regular and bold. */
export const fontFaces = (family: FontFamily): [string, string] => STANDARD[family] ?? FONT_FILES[family]!;

/** Measures text with pdfkit's own metrics, so runs placed word by word line up as pdfkit would. */
export class Measurer {
  private doc = new PDFDocument({ autoFirstPage: false });
  constructor(private family: FontFamily) {}
  width(text: string, size: number, bold = false): number {
    return this.doc.font(fontFaces(this.family)[bold ? 1 : 0]).fontSize(size).widthOfString(text);
  }
  ascent(size: number, bold = false): number {
    this.doc.font(fontFaces(this.family)[bold ? 1 : 0]).fontSize(size);
    return ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
  }
}

export class DocBuilder {
  readonly model: DocModel;
  onNewPage: ((page: PageModel, index: number) => void) | null = null;
  constructor(readonly measure: Measurer, family: FontFamily, size: 'A4' | 'LETTER' = 'A4') {
    const [width, height] = size === 'A4' ? [595.28, 841.89] : [612, 792];
    this.model = { width, height, font: family, pages: [] };
    this.addPage();
  }
  get page(): PageModel { return this.model.pages.at(-1)!; }
  addPage(): PageModel {
    const page: PageModel = { runs: [], boxes: [] };
    this.model.pages.push(page);
    this.onNewPage?.(page, this.model.pages.length - 1);
    return page;
  }
}

export interface TextOpts { size?: number; bold?: boolean; align?: 'left' | 'right' | 'center'; indent?: number; leading?: number }

export class Flow {
  y: number;
  constructor(private doc: DocBuilder, public x: number, public w: number, top: number, private bottom: number, private breaks = true) { this.y = top; }

  private ensure(height: number) {
    if (this.y + height <= this.bottom || !this.breaks) return;
    this.doc.addPage();
    this.y = 60;
  }

  space(pt: number) { this.y += pt; }

  /** One line, no wrapping; returns its baseline. */
  line(text: string, o: TextOpts = {}): number {
    const size = o.size ?? 10;
    const lead = o.leading ?? size * 1.35;
    this.ensure(lead);
    const width = this.doc.measure.width(text, size, o.bold);
    const indent = o.indent ?? 0;
    const x = o.align === 'right' ? this.x + this.w - width : o.align === 'center' ? this.x + (this.w - width) / 2 : this.x + indent;
    const baseline = this.y + this.doc.measure.ascent(size, o.bold);
    this.doc.page.runs.push({ text, x, baseline, size, bold: !!o.bold });
    this.y += lead;
    return baseline;
  }

  /** Words wrapped to the box width. */
  para(text: string, o: TextOpts = {}) {
    for (const l of wrap(this.doc.measure, text, this.w - (o.indent ?? 0), o.size ?? 10, o.bold)) this.line(l, o);
  }

  /** Left text and right text on one baseline (a title and its dates); the left wraps short of the right. */
  pair(left: string, right: string, o: TextOpts = {}, rightBold = false) {
    const size = o.size ?? 10;
    const width = this.doc.measure.width(right, size, rightBold);
    const lines = wrap(this.doc.measure, left, this.w - width - 12, size, o.bold);
    const baseline = this.line(lines[0]!, o);
    this.doc.page.runs.push({ text: right, x: this.x + this.w - width, baseline, size, bold: rightBold });
    for (const l of lines.slice(1)) this.line(l, o);
  }

  /** The largest size up to `max` at which `text` fits the box on one line. */
  fit(text: string, max: number, bold = true): number {
    let size = max;
    while (size > 8 && this.doc.measure.width(text, size, bold) > this.w) size -= 0.5;
    return size;
  }

  heading(text: string, o: TextOpts & { rule?: boolean; caps?: boolean } = {}) {
    this.space(6);
    this.ensure(40);
    this.line(o.caps ? text.toUpperCase() : text, { size: o.size ?? 12, bold: true });
    if (o.rule) this.doc.page.boxes.push({ x: this.x, y: this.y - 3, w: this.w, h: 0.6, color: '#555555' });
    this.space(2);
  }

  /**
   * A table: `widths` are fractions of the box; cells wrap within their column, a row is as tall
   * as its tallest cell; the first row is bold when `header`. A cell may hold several lines ("\n").
   */
  table(widths: number[], rows: string[][], o: { size?: number; header?: boolean; rules?: boolean; boldFirstColumn?: boolean } = {}) {
    // Small enough that every word fits its column (a narrow column gets smaller type).
    let size = o.size ?? 9.5;
    const fits = (sz: number) => rows.every((cells, r) => cells.every((cell, c) => cell.split(/\s+/).every((word) => this.doc.measure.width(word, sz, (o.header && r === 0) || (!!o.boldFirstColumn && c === 0)) <= widths[c]! * this.w - 8)));
    while (size > 6 && !fits(size)) size -= 0.5;
    const lead = size * 1.3;
    const xs: number[] = [];
    let acc = this.x;
    for (const f of widths) { xs.push(acc); acc += f * this.w; }
    rows.forEach((cells, r) => {
      const bold = (c: number) => (o.header && r === 0) || (!!o.boldFirstColumn && c === 0);
      const wrapped = cells.map((cell, c) => cell.split('\n').flatMap((part) => wrap(this.doc.measure, part, widths[c]! * this.w - 8, size, bold(c))));
      const height = Math.max(...wrapped.map((w) => w.length)) * lead + 4;
      this.ensure(height);
      if (o.rules) this.doc.page.boxes.push({ x: this.x, y: this.y, w: this.w, h: 0.5, color: '#888888' });
      const top = this.y + 3;
      wrapped.forEach((ls, c) => {
        ls.forEach((l, k) => {
          this.doc.page.runs.push({ text: l, x: xs[c]! + 2, baseline: top + k * lead + this.doc.measure.ascent(size, bold(c)), size, bold: bold(c) });
        });
      });
      this.y += height;
    });
    if (o.rules) this.doc.page.boxes.push({ x: this.x, y: this.y, w: this.w, h: 0.5, color: '#888888' });
    this.space(4);
  }
}

/** Throws if two runs on a page overlap: a fixture must look like a CV a person could read. */
export function assertNoOverlap(model: DocModel, m: Measurer) {
  for (const [n, page] of model.pages.entries()) {
    const boxes = page.runs.map((r) => ({ r, x0: r.x, x1: r.x + m.width(r.text, r.size, r.bold), y0: r.baseline - 0.75 * r.size, y1: r.baseline + 0.2 * r.size }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) {
          throw new Error(`page ${n + 1}: "${a.r.text}" overlaps "${b.r.text}"`);
        }
      }
    }
  }
}

export function wrap(m: Measurer, text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && m.width(next, size, bold) > width) { out.push(current); current = word; } else current = next;
  }
  if (current) out.push(current);
  return out;
}
