// Reading a CSV as exported by NHS Jobs, TRAC or a spreadsheet (RFC 4180): quoted fields with
// doubled quotes and line breaks inside, CRLF or LF, a byte order mark, UTF-8 or (Excel's
// "CSV" on Windows) Windows-1252, and a semicolon or tab as the separator where the header uses
// one. Each record keeps the line it starts on, so problems are reported where a person looks.
import { AppError } from '../../errors.js';

export interface CsvRecord { line: number; cells: string[] }

/** Text from bytes: UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => header.split(ch).length - 1;
  return [';', '\t'].find((ch) => count(ch) > count(',')) ?? ',';
}

/** Every non-blank record, the header first. A quote left open is a 400 naming its line. */
export function parseCsv(text: string): CsvRecord[] {
  if (text.includes('\u0000')) throw new AppError('invalid_payload', 'file: this is not a CSV file (it contains binary data)', { field: 'file' });
  const sep = separatorOf(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell.trim() === '') { quoted = true; quoteLine = line; cell = ''; }
    else if (ch === sep) { cells.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { /* the \n ends the record */ }
    else if (ch === '\n' || ch === '\r') { endRecord(); line++; start = line; }
    else cell += ch;
  }
  if (quoted) throw new AppError('invalid_payload', `file: a quoted field opened on line ${quoteLine} is never closed`, { field: 'file' });
  endRecord();
  return records;
}
