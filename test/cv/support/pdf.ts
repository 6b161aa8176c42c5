// Builds small, valid PDFs in the tests (no tools needed at run time): text pages, an image-only
// page, and hostile shapes (nested form XObjects that multiply the work of text extraction).
import { once } from 'node:events';
import { constants, createDeflate, deflateSync } from 'node:zlib';

type Obj = string | Buffer;

/** Assembles numbered objects (1-based, object 1 is the catalog) with a correct xref table. */
export function assemblePdf(objects: Obj[], trailerExtra = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

export const stream = (dict: string, data: Buffer | string): Buffer => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
};

// WinAnsiEncoding codes for the few non-Latin-1 characters CVs use (dashes, bullets, quotes).
const winAnsi: Record<string, string> = { '–': '\x96', '—': '\x97', '•': '\x95', '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '€': '\x80' };
export const escapeText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[–—•‘’“”€]/g, (c) => winAnsi[c]!);

/** A PDF with one page per entry, each page the given lines in Helvetica. */
export function textPdf(pages: string[][]): Buffer {
  const pageCount = pages.length;
  // 1 catalog, 2 pages, 3 font, then (page, content) pairs.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: Obj[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  pages.forEach((lines, i) => {
    const ops = lines.map((l, j) => `BT /F1 11 Tf 56 ${780 - j * 16} Td (${escapeText(l)}) Tj ET`).join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(stream('', ops));
  });
  return assemblePdf(objects);
}

/** A scanned-looking page: one grey image, no text layer at all. */
export function imageOnlyPdf(): Buffer {
  const size = 64;
  const pixels = Buffer.alloc(size * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 256;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    stream(`/Type /XObject /Subtype /Image /Width ${size} /Height ${size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels)),
    stream('', 'q 500 0 0 700 48 70 cm /Im1 Do Q'),
  ]);
}

/**
 * A "billion laughs" PDF: form XObject k draws form k+1 `fanout` times, `depth` levels deep, and
 * the innermost form shows text. A few kilobytes that ask a text extractor for fanout^depth runs.
 */
export function nestedFormsPdf(depth = 9, fanout = 10): Buffer {
  const objects: Obj[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X0 5 0 R >> /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  // Forms are objects 5.. (5 + depth); object 6 would collide, so the page content goes last.
  const formIds = Array.from({ length: depth + 1 }, (_, k) => 7 + k);
  objects[2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X0 ${formIds[0]} 0 R >> /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`;
  objects.push(stream('', 'q /X0 Do Q'));
  objects.push('<< >>'); // object 6: unused filler
  formIds.forEach((_, k) => {
    const last = k === depth;
    const body = last ? 'BT /F1 9 Tf 10 10 Td (lol) Tj ET' : Array.from({ length: fanout }, () => `q /X${k + 1} Do Q`).join('\n');
    const res = last ? '/Font << /F1 4 0 R >>' : `/XObject << /X${k + 1} ${formIds[k + 1]} 0 R >>`;
    objects.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`, body));
  });
  return assemblePdf(objects);
}

/**
 * A two-column page drawn row by row: each row's sidebar text, then its main-column text. Text
 * extraction in drawing order then runs the columns together on each line.
 */
export function interleavedTwoColumnPdf(left: string[], right: string[]): Buffer {
  const ops: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const y = 790 - i * 15;
    if (left[i]) ops.push(`BT /F1 9 Tf 36 ${y} Td (${escapeText(left[i]!)}) Tj ET`);
    if (right[i]) ops.push(`BT /F1 10 Tf 200 ${y} Td (${escapeText(right[i]!)}) Tj ET`);
  }
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    stream('', ops.join('\n')),
  ]);
}

/** A decompression bomb: a small Flate stream that inflates to `mb` megabytes of text operators. */
export function inflatingPdf(mb = 64): Buffer {
  const op = Buffer.from('BT /F1 9 Tf 20 20 Td (all work and no play makes a dull CV) Tj ET\n', 'latin1');
  const content = Buffer.alloc(mb * 1024 * 1024);
  for (let i = 0; i + op.length <= content.length; i += op.length) op.copy(content, i);
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('/Filter /FlateDecode', deflateSync(content, { level: 9 })),
  ]);
}

/** `gib` GiB of zeros deflated a MiB at a time (run-length strategy: a second, not a minute), never held whole. */
async function deflatedZeros(gib: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9, strategy: constants.Z_RLE });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < gib * 1024; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/**
 * A decompression bomb of about a megabyte: one Flate stream that inflates to `gib` GiB. In
 * `content` it is the page's content stream; in `font` the file of the font its text is shown
 * in, which pdf.js reads whole into a typed array (memory outside V8's heap).
 */
export async function gibibyteBombPdf(gib = 1, where: 'content' | 'font' = 'content'): Promise<Buffer> {
  const zeros = await deflatedZeros(gib);
  if (where === 'content') {
    return assemblePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('/Filter /FlateDecode', zeros),
    ]);
  }
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(500).join(' ')}] /FontDescriptor 6 0 R >>`,
    stream('', 'BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET'),
    '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>',
    stream('/Filter /FlateDecode', zeros),
  ]);
}
