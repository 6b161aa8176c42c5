// PDF → text per page with pdf-parse v2 (pdf.js underneath). Each page's text items are read
// once and give two readings: the layout reading (layout.ts: rows, columns and tables rebuilt
// from positions) and the stream reading (items in drawing order, exactly as pdf-parse's getText
// joins them). Reads only the first `pageCap` pages; maps pdf.js failures to stable codes (a
// password → cv_encrypted, anything else that stops pdf.js → cv_unreadable).
import { PDFParse } from 'pdf-parse';
import { type LayoutLine, layoutPage, type TextItem } from './layout.js';
import { CvParseError } from './types.js';

export interface ExtractedText {
  /** The layout reading, one list of lines per page read. */
  pages: LayoutLine[][];
  /** The stream reading: each page's items in drawing order, as pdf-parse's getText gives them. */
  streamPages: string[];
  /** Pages (1-based) the layout reading found columns on and read one column after the other. */
  columnPages: number[];
  totalPages: number;
}

interface PdfItem { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean; fontName?: string }
interface Viewport { convertToViewportPoint(x: number, y: number): number[] }
interface LoadedPage { getViewport(o: { scale: number }): Viewport; getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }
interface LoadedDoc { numPages: number; getPage(n: number): Promise<LoadedPage> }

export async function extractText(bytes: Uint8Array, opts: { pageCap: number; maxTextChars: number }): Promise<ExtractedText> {
  // pdf.js takes ownership of the array it is given: pass a copy so callers keep theirs.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, stopAtErrors: false });
  try {
    const doc = await loadDocument(parser);
    if (!doc) return await streamOnly(parser, opts);
    const pages: LayoutLine[][] = [];
    const streamPages: string[] = [];
    const columnPages: number[] = [];
    let budget = opts.maxTextChars;
    for (let n = 1; n <= Math.min(doc.numPages, opts.pageCap); n++) {
      if (budget <= 0) { streamPages.push(''); pages.push([]); continue; }
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const { items } = await page.getTextContent();
      page.cleanup();
      const text = (items as PdfItem[]).filter((i) => typeof i.str === 'string' && i.transform);
      const stream = streamText(text, viewport).slice(0, budget);
      streamPages.push(stream);
      const layout = layoutPage(positioned(text, viewport));
      if (layout.columns) columnPages.push(n);
      pages.push(withinBudget(layout.lines, budget));
      budget -= stream.length;
    }
    return { pages, streamPages, columnPages, totalPages: doc.numPages };
  } catch (error) {
    throw toCvError(error, bytes);
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/**
 * The pdf.js document. pdf-parse 2.4.5 loads it in a private method and keeps it private; the
 * positions of the text items are only on the document's pages. Another version without that
 * method gets the stream reading alone.
 */
async function loadDocument(parser: PDFParse): Promise<LoadedDoc | null> {
  const load = (parser as unknown as { load?: () => Promise<LoadedDoc> }).load;
  return typeof load === 'function' ? load.call(parser) : null;
}

async function streamOnly(parser: PDFParse, opts: { pageCap: number; maxTextChars: number }): Promise<ExtractedText> {
  const result = await parser.getText({ first: opts.pageCap, pageJoiner: '' });
  const streamPages = result.pages.map((p) => p.text.slice(0, opts.maxTextChars));
  const pages = streamPages.map((t) => t.split('\n').map((line) => ({ text: line, cells: line.split('\t'), size: 0, table: false })));
  return { pages, streamPages, columnPages: [], totalPages: result.total };
}

/** The first lines of a page, up to `chars` characters. */
function withinBudget(lines: LayoutLine[], chars: number): LayoutLine[] {
  let used = 0;
  return lines.filter((l) => {
    used += l.text.length + 1;
    return used <= chars;
  });
}

/** Items in page space (y down the page), rotated text left out (watermarks, vertical labels). */
function positioned(items: PdfItem[], viewport: Viewport): TextItem[] {
  const out: TextItem[] = [];
  for (const i of items) {
    const [a, b, c, d, e, f] = i.transform!;
    if (Math.abs(b!) > 0.05 * Math.abs(a!) || Math.abs(c!) > 0.05 * Math.abs(d!)) continue;
    const [x, y] = viewport.convertToViewportPoint(e!, f!);
    out.push({ str: i.str!, x: x!, y: y!, width: Math.abs(i.width ?? 0), size: Math.abs(d!) || Math.abs(i.height ?? 0) || 10, font: i.fontName ?? '' });
  }
  return out;
}

/** pdf-parse 2.4.5's getPageText with its default parameters: lines by baseline, a tab for a gap. */
function streamText(items: PdfItem[], viewport: Viewport): string {
  const LINE = 4.6;
  const CELL = 7;
  const out: string[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    const [x, y] = viewport.convertToViewportPoint(item.transform![4]!, item.transform![5]!) as [number, number];
    let str = item.str!;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE) {
      const newLine = str.startsWith('\n') || (str.trim() === '' && item.hasEOL);
      if (out.at(-1)?.endsWith('\n') === false && !newLine && Math.abs(lastY - y) - 1 > lineHeight) {
        out.push('\n');
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE && lastX !== undefined && Math.abs(lastX - x) > CELL) str = `\t${str}`;
    out.push(str);
    lastX = x + (item.width ?? 0);
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height ?? 0);
    if (item.hasEOL) out.push('\n');
    if (item.hasEOL || item.str!.endsWith('\n')) lineHeight = 0;
  }
  return out.join('');
}

/** An /Encrypt entry (a trailer or xref-stream key), as opposed to /EncryptMetadata and the like. */
const hasEncryption = (bytes: Uint8Array) => /\/Encrypt(?![A-Za-z])/.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));

function toCvError(error: unknown, bytes: Uint8Array): CvParseError {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new CvParseError('cv_encrypted', 'The PDF is password-protected; ask for a copy without a password.');
  }
  // pdf.js refuses some encryption it cannot set up at all (an unknown handler): still encrypted.
  if (hasEncryption(bytes)) return new CvParseError('cv_encrypted', 'The PDF is encrypted and cannot be opened; ask for a copy without a password.');
  if (name === 'InvalidPDFException') return new CvParseError('cv_unreadable', 'The file is not a readable PDF (its structure is broken).');
  return new CvParseError('cv_unreadable', `The PDF could not be read (${message.slice(0, 200)}).`);
}
