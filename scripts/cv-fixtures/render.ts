// Writes a DocModel as a PDF, two ways:
// - pdfkit: each run as one text object, in reading order (standard or embedded TrueType fonts);
// - raw: our own minimal writer that draws every word (or every letter) as its own text object
//   at an absolute position, in a shuffled order, so the order of the content stream says
//   nothing about the reading order and only the positions do. Standard fonts, WinAnsi.
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { seeded } from './compose.js';
import { fontFaces, type DocModel, Measurer, type Run } from './model.js';

export async function renderPdfkit(model: DocModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [model.width, model.height], autoFirstPage: false, compress: true,
    info: { Title: 'Curriculum Vitae', Producer: 'pdfkit', Creator: 'intake cv fixtures', CreationDate: new Date('2025-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const [regular, bold] = fontFaces(model.font);
  for (const page of model.pages) {
    doc.addPage({ size: [model.width, model.height], margin: 0 });
    for (const b of page.boxes) doc.rect(b.x, b.y, b.w, b.h).fill(b.color);
    doc.fillColor('#111111');
    for (const r of page.runs) {
      doc.font(r.bold ? bold : regular).fontSize(r.size);
      const ascent = ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * r.size;
      doc.text(r.text, r.x, r.baseline - ascent, { lineBreak: false });
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const WIN_ANSI: Record<string, number> = { '–': 0x96, '—': 0x97, '•': 0x95, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
const pdfString = (s: string) => `(${[...s].map((c) => {
  const code = WIN_ANSI[c] ?? c.charCodeAt(0);
  if (code > 255) throw new Error(`"${c}" is not in WinAnsiEncoding: use a TrueType font for this person`);
  const ch = String.fromCharCode(code);
  return ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : code > 126 ? `\\${code.toString(8).padStart(3, '0')}` : ch;
}).join('')})`;

/**
 * Splits a run into words (or letters) placed where they would be had the run been drawn whole
 * with a plain Tj: advances without kerning (pdfkit's own measure kerns; a Tj does not).
 */
function pieces(run: Run, m: Measurer, unit: 'words' | 'letters'): Run[] {
  const out: Run[] = [];
  const parts = unit === 'letters' ? [...run.text] : run.text.split(/(?<= )/);
  let x = run.x;
  for (const part of parts) {
    const text = part.trimEnd();
    if (text) out.push({ ...run, text, x });
    for (const ch of part) x += m.width(ch, run.size, run.bold);
  }
  return out;
}

export function renderRaw(model: DocModel, unit: 'words' | 'letters', seed: string): Buffer {
  const rnd = seeded(seed);
  const m = new Measurer(model.font);
  const [regular, bold] = fontFaces(model.font);
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => { objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body); return objects.length; };
  const catalog = add('');
  const pages = add('');
  const f1 = add(`<< /Type /Font /Subtype /Type1 /BaseFont /${regular} /Encoding /WinAnsiEncoding >>`);
  const f2 = add(`<< /Type /Font /Subtype /Type1 /BaseFont /${bold} /Encoding /WinAnsiEncoding >>`);
  const kids: number[] = [];
  for (const page of model.pages) {
    const runs = page.runs.flatMap((r) => pieces(r, m, unit));
    for (let i = runs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [runs[i], runs[j]] = [runs[j]!, runs[i]!]; }
    const ops = [
      ...page.boxes.map((b) => `q ${hex(b.color)} rg ${b.x.toFixed(2)} ${(model.height - b.y - b.h).toFixed(2)} ${b.w.toFixed(2)} ${b.h.toFixed(2)} re f Q`),
      '0.07 0.07 0.07 rg',
      ...runs.map((r) => `BT /${r.bold ? 'F2' : 'F1'} ${r.size} Tf 1 0 0 1 ${r.x.toFixed(2)} ${(model.height - r.baseline).toFixed(2)} Tm ${pdfString(r.text)} Tj ET`),
    ].join('\n');
    const data = deflateSync(Buffer.from(ops, 'latin1'));
    const content = add(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${model.width} ${model.height}] /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pages} 0 R >>`, 'latin1');
  objects[pages - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets = objects.map((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    const at = length;
    length += chunk.length;
    return at;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

const hex = (c: string) => [1, 3, 5].map((i) => (parseInt(c.slice(i, i + 2), 16) / 255).toFixed(3)).join(' ');
