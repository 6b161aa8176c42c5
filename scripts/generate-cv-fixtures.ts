// `npx tsx scripts/generate-cv-fixtures.ts [--variants DIR]`: draws the generated CV fixtures
// (test/fixtures/cv/generated/gNN.pdf) and writes their ground truth beside them (gNN.json, the
// shape of shared/fixtures/cvs/*.json). The people are in scripts/cv-fixtures/people.ts, the
// layouts in compose.ts, the PDF writers in render.ts. The TrueType faces come from the Debian
// fonts-liberation and fonts-dejavu packages; the committed PDFs are what the eval reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compose } from './cv-fixtures/compose.js';
import { type EmploymentStyle, type Generator, type Layout, type Person, people } from './cv-fixtures/people.js';
import { renderPdfkit, renderRaw } from './cv-fixtures/render.js';

/** Year-only CVs give year-only dates (the fixtures' convention). */
const truthDate = (p: Person, ym: string) => (p.dateStyle === 'YYYY' ? ym.slice(0, 4) : ym);

function truth(p: Person) {
  return {
    file: `${p.id}.pdf`,
    generator: p.generator === 'pdfkit' ? 'pdfkit' : `raw (${p.generator === 'raw-words' ? 'a word' : 'a letter'} per text object, shuffled)`,
    layout: p.layout,
    fullName: p.fullName,
    email: p.email,
    phone: p.phone.e164,
    postcode: p.postcode,
    profession: p.profession,
    registrations: p.registrations,
    ...(p.english ? { englishTest: p.english.truth } : {}),
    employment: p.jobs.map((j) => ({ employer: j.employer, title: j.title, start: truthDate(p, j.start), end: j.end ? truthDate(p, j.end) : null })),
    gapsOverThreeMonths: p.gaps,
  };
}

async function write(p: Person, dir: string) {
  const model = compose(p);
  const pdf = p.generator === 'pdfkit' ? await renderPdfkit(model) : renderRaw(model, p.generator === 'raw-words' ? 'words' : 'letters', p.id);
  writeFileSync(`${dir}${p.id}.pdf`, pdf);
  writeFileSync(`${dir}${p.id}.json`, `${JSON.stringify(truth(p), null, 2)}\n`);
  return { pages: model.pages.length, bytes: pdf.length };
}

const variantsAt = process.argv.indexOf('--variants');
if (variantsAt >= 0) {
  // Every person in every layout, writer and employment style: not committed, a check that the
  // parser holds on combinations it was not tuned on (`npm run eval:cv DIR`).
  const dir = `${resolve(process.argv[variantsAt + 1] ?? 'cv-variants')}/`;
  mkdirSync(dir, { recursive: true });
  const layouts: Layout[] = ['single', 'sidebar', 'header-block', 'table', 'two-column'];
  const writers: Generator[] = ['pdfkit', 'raw-words', 'raw-letters'];
  const styles: EmploymentStyle[] = ['entries', 'entries-employer-first', 'table-dates-first', 'table-from-to', 'table-period-role'];
  let n = 0;
  for (const [i, p] of people.entries()) {
    // Our raw writer has the standard fonts only (WinAnsi): people with other letters are drawn by pdfkit alone.
    const winAnsi = ![...JSON.stringify(p)].some((c) => c.charCodeAt(0) > 255 && !'–—•‘’“”'.includes(c));
    for (const [k, layout] of layouts.entries()) {
      for (const [w, generator] of writers.entries()) {
        if (generator !== 'pdfkit' && !winAnsi) continue;
        const font = generator === 'pdfkit' ? p.font : (['Helvetica', 'Times', 'Courier'] as const)[(i + k + w) % 3]!;
        const v: Person = {
          ...p, id: `${p.id}-${layout}-${generator}`, layout, generator, font,
          employment: styles[(i + k + w) % styles.length]!, sidebarRight: (i + k) % 2 === 1,
        };
        await write(v, dir);
        n++;
      }
    }
  }
  console.log(`${n} variants in ${dir}`);
} else {
  const out = fileURLToPath(new URL('../test/fixtures/cv/generated/', import.meta.url));
  mkdirSync(out, { recursive: true });
  for (const p of people) {
    const { pages, bytes } = await write(p, out);
    console.log(`${p.id}.pdf  ${p.layout.padEnd(12)} ${p.generator.padEnd(11)} ${pages} page(s) ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
