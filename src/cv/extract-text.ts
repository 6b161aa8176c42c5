// PDF → text per page with pdf-parse v2 (pdf.js underneath). Reads only the first `pageCap`
// pages; maps pdf.js failures to stable codes (a password → cv_encrypted, anything else that
// stops pdf.js → cv_unreadable).
import { PDFParse } from 'pdf-parse';
import { CvParseError } from './types.js';

export interface ExtractedText { pages: string[]; totalPages: number }

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
    return { pages, totalPages: result.total };
  } catch (error) {
    throw toCvError(error);
  } finally {
    await parser.destroy().catch(() => {});
  }
}

function toCvError(error: unknown): CvParseError {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new CvParseError('cv_encrypted', 'The PDF is password-protected; ask for a copy without a password.');
  }
  if (name === 'InvalidPDFException') return new CvParseError('cv_unreadable', 'The file is not a readable PDF (its structure is broken).');
  return new CvParseError('cv_unreadable', `The PDF could not be read (${message.slice(0, 200)}).`);
}
