// `npx tsx scripts/generate-cv-fixtures.ts`: draws the generated CV fixtures
// (test/fixtures/cv/generated/gNN.pdf) and writes their ground truth beside them (gNN.json, the
// shape of shared/fixtures/cvs/*.json). The people are in scripts/cv-fixtures/people.ts, the
// layouts in compose.ts, the PDF writers in render.ts. The TrueType faces come from the Debian
// fonts-liberation and fonts-dejavu packages; the committed PDFs are what the eval reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compose } from './cv-fixtures/compose.js';
import { type Person, people } from './cv-fixtures/people.js';
import { renderPdfkit, renderRaw } from './cv-fixtures/render.js';

const out = fileURLToPath(new URL('../test/fixtures/cv/generated/', import.meta.url));
mkdirSync(out, { recursive: true });

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

for (const p of people) {
  const model = compose(p);
  const pdf = p.generator === 'pdfkit' ? await renderPdfkit(model) : renderRaw(model, p.generator === 'raw-words' ? 'words' : 'letters', p.id);
  writeFileSync(`${out}${p.id}.pdf`, pdf);
  writeFileSync(`${out}${p.id}.json`, `${JSON.stringify(truth(p), null, 2)}\n`);
  console.log(`${p.id}.pdf  ${p.layout.padEnd(12)} ${p.generator.padEnd(11)} ${model.pages.length} page(s) ${(pdf.length / 1024).toFixed(0)} KiB`);
}
