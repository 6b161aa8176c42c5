// PDF → text per page with pdf-parse v2 (pdf.js underneath). Reads only the first `pageCap`
// pages; maps pdf.js failures to stable codes (a password → cv_encrypted, anything else that
// stops pdf.js → cv_unreadable).
import { PDFParse } from 'pdf-parse';
import { columnText, type PositionedItem } from './columns.js';
import { CvParseError } from './types.js';

/** `columnPages`: the pages read column by column, where any page has two columns (else null). */
export interface ExtractedText { pages: string[]; columnPages: string[] | null; totalPages: number }

// The pdf.js document pdf-parse has loaded: its text items carry positions, which getText drops.
interface LoadedDoc { getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }> }
type Item = { str?: string; transform?: number[]; width?: number; height?: number };

export async function extractText(bytes: Uint8Array, opts: { pageCap: number; maxTextChars: number }): Promise<ExtractedText> {
  // pdf.js takes ownership of the array it is given: pass a copy so callers keep theirs.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, stopAtErrors: false });
  try {
    const result = await parser.getText({ first: opts.pageCap, pageJoiner: '' });
    let budget = opts.maxTextChars;
    const pages = result.pages.map((p) => {
      const text = p.text.slice(0, Math.max(0, budget));
      budget -= text.length;
      return text;
    });
    return { pages, columnPages: await columnReading(parser, result.pages.map((p) => p.num), pages), totalPages: result.total };
  } catch (error) {
    throw toCvError(error, bytes);
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/** A second reading in column order (columns.ts) of the pages that have two columns. */
async function columnReading(parser: PDFParse, numbers: number[], pages: string[]): Promise<string[] | null> {
  // pdf-parse 2.4.5 keeps the loaded pdf.js document in a private field; without it (another
  // version), there is simply no second reading.
  const doc = (parser as unknown as { doc?: LoadedDoc }).doc;
  if (!doc) return null;
  let any = false;
  const out: string[] = [];
  for (const [k, n] of numbers.entries()) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    page.cleanup();
    const items: PositionedItem[] = (content.items as Item[]).flatMap((i) => (typeof i.str === 'string' && i.transform
      ? [{ str: i.str, x: i.transform[4]!, y: i.transform[5]!, width: i.width ?? 0, size: Math.abs(i.height || i.transform[3] || 10) }]
      : []));
    const text = columnText(items);
    if (text !== null) any = true;
    out.push(text ?? pages[k]!);
  }
  return any ? out : null;
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
