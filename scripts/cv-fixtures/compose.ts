// Lays a person's CV out as a DocModel: single column, sidebar (left or right), a header block
// with the name beside the contact details, a CV made of tables, or two columns under a header.
// Column positions, sizes and widths vary per person (seeded by the id), so no rule can lean on
// where something sits on the page.
import { assertNoOverlap, DocBuilder, type DocModel, Flow, Measurer } from './model.js';
import type { DateStyle, Job, Person } from './people.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(ym: string, style: DateStyle): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const mm = String(m).padStart(2, '0');
  switch (style) {
    case 'Mon YYYY': return `${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
    case 'Mon. YYYY': return `${MONTHS[m - 1]!.slice(0, 3)}${MONTHS[m - 1]!.length > 3 ? '.' : ''} ${y}`;
    case 'Month YYYY': return `${MONTHS[m - 1]} ${y}`;
    case 'MM/YYYY': return `${mm}/${y}`;
    case 'MM.YYYY': return `${mm}.${y}`;
    case 'YYYY-MM': return `${y}-${mm}`;
    case 'YYYY': return String(y);
  }
}

const range = (p: Person, j: Job) => `${formatDate(j.start, p.dateStyle)} – ${j.end ? formatDate(j.end, p.dateStyle) : p.present}`;

/** A small seeded generator, so each person's layout varies but the files are reproducible. */
export function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

const contactLines = (p: Person): string[] => [
  ...p.address,
  p.phone.printed.startsWith('07') || p.phone.printed.startsWith('+44 7') || p.phone.printed.startsWith('+44 (0)7') ? `Mobile: ${p.phone.printed}` : `Tel: ${p.phone.printed}`,
  ...(p.landline ? [`Home: ${p.landline}`] : []),
  p.email,
];

function english(f: Flow, p: Person, size: number, widths?: number[]) {
  const e = p.english!;
  if (e.intro) f.para(e.intro, { size, bold: true });
  const cols = e.table[0]!.length;
  f.table(widths ?? Array.from({ length: cols }, () => 1 / cols), e.table, { size, header: !e.transposed, boldFirstColumn: e.transposed, rules: !e.transposed });
  if (e.after) f.para(e.after, { size });
}

function employment(f: Flow, p: Person, size: number) {
  switch (p.employment) {
    case 'entries':
      for (const j of p.jobs) {
        f.pair(j.title, range(p, j), { size: size + 0.5, bold: true });
        f.line(`${j.employer}, ${j.town}`, { size, leading: size * 1.5 });
        for (const b of j.bullets ?? []) f.para(`• ${b}`, { size: size - 0.5, indent: 10 });
        f.space(5);
      }
      return;
    case 'entries-employer-first':
      for (const j of p.jobs) {
        f.line(`${j.employer} – ${j.town}`, { size: size + 0.5, bold: true });
        f.line(`${j.title} | ${range(p, j)}`, { size });
        for (const b of j.bullets ?? []) f.para(`• ${b}`, { size: size - 0.5, indent: 10 });
        f.space(5);
      }
      return;
    case 'table-dates-first':
      f.table([0.24, 0.38, 0.38], [['Dates', 'Position', 'Employer'], ...p.jobs.map((j) => [range(p, j), [j.title, ...(j.bullets ?? []).map((b) => `• ${b}`)].join('\n'), `${j.employer}, ${j.town}`])], { size, header: true, rules: true });
      return;
    case 'table-from-to':
      f.table([0.36, 0.32, 0.16, 0.16], [['Employer', 'Job title', 'From', 'To'], ...p.jobs.map((j) => [`${j.employer}, ${j.town}`, j.title, formatDate(j.start, p.dateStyle), j.end ? formatDate(j.end, p.dateStyle) : p.present])], { size, header: true, rules: true });
      return;
    case 'table-period-role':
      f.table([0.3, 0.7], [['Period', 'Role and employer'], ...p.jobs.map((j) => [range(p, j), `${j.title}\n${j.employer}, ${j.town}`])], { size, header: true, rules: true });
  }
}

function education(f: Flow, p: Person, size: number) {
  for (const e of p.education) f.pair(`${e.what}, ${e.where}`, e.when, { size });
}

const TRAINING = [
  'Equality, diversity and human rights', 'Health, safety and welfare', 'Conflict resolution', 'Fire safety', 'Infection prevention and control',
  'Moving and handling', 'Safeguarding adults (level 3)', 'Preventing radicalisation', 'Safeguarding children (level 2)', 'Resuscitation (basic life support)',
  'Information governance and data security', 'Oliver McGowan training on learning disability and autism',
];

/** The main sections, in a single flow. */
function body(f: Flow, p: Person, size: number, o: { caps: boolean; rule: boolean; skipEnglish?: boolean; skipRegistration?: boolean }) {
  const h = (t: string) => f.heading(t, { caps: o.caps, rule: o.rule, size: size + 2.5 });
  h('Profile');
  f.para(p.profile, { size });
  if (!o.skipRegistration && p.registrationLines.length) { h('Professional Registration'); for (const l of p.registrationLines) f.line(l, { size }); }
  if (!o.skipEnglish && p.english) { h('English Language'); english(f, p, size); }
  if (p.runningHeader) {
    // A longer CV: a training record pushes the employment table over a page break.
    h('Statutory and Mandatory Training');
    f.table([0.7, 0.3], [['Subject', 'Completed'], ...TRAINING.map((t, i) => [t, `${String(1 + (i * 7) % 28).padStart(2, '0')}/0${1 + (i % 9)}/2025`])], { size, header: true, rules: true });
  }
  h('Employment History');
  employment(f, p, size);
  h('Education');
  education(f, p, size);
  h('References');
  f.line('Available on request.', { size });
}

export function compose(p: Person): DocModel {
  const rnd = seeded(p.id);
  const measure = new Measurer(p.font);
  const doc = new DocBuilder(measure, p.font, p.pages);
  const { width, height } = doc.model;
  const margin = 42 + Math.round(rnd() * 24);
  const size = 9.5 + Math.round(rnd() * 3) / 2;
  const caps = rnd() < 0.5;
  if (p.runningHeader) {
    doc.onNewPage = (page, i) => {
      page.runs.push({ text: `Curriculum Vitae – ${p.fullName}`, x: margin, baseline: 30, size: 8, bold: false });
      page.runs.push({ text: `Page ${i + 1}`, x: width - margin - 30, baseline: height - 24, size: 8, bold: false });
    };
    doc.onNewPage(doc.page, 0);
  }
  const top = 48 + Math.round(rnd() * 16);

  if (p.layout === 'single') {
    const f = new Flow(doc, margin, width - 2 * margin, top, height - 60);
    for (const l of p.nameLines) f.line(l, { size: 20, bold: true, align: rnd() < 0.4 ? 'center' : 'left' });
    if (p.headline) f.line(p.headline, { size: size + 1 });
    f.para(contactLines(p).join(' | '), { size: size - 0.5 });
    body(f, p, size, { caps, rule: true });
  } else if (p.layout === 'header-block') {
    const split = 0.5 + rnd() * 0.1;
    const left = new Flow(doc, margin, (width - 2 * margin) * split, top, height, false);
    const right = new Flow(doc, margin + (width - 2 * margin) * split, (width - 2 * margin) * (1 - split), top, height, false);
    const nameSize = 22 + Math.round(rnd() * 6);
    for (const l of p.nameLines) { const sz = left.fit(l, nameSize); left.line(l, { size: sz, bold: true, leading: sz * 1.1 }); }
    if (p.headline) left.para(p.headline, { size: size + 1 });
    for (const l of contactLines(p)) right.line(l, { size: size - 0.5, align: 'right' });
    const f = new Flow(doc, margin, width - 2 * margin, Math.max(left.y, right.y) + 10, height - 60);
    doc.page.boxes.push({ x: margin, y: f.y - 6, w: width - 2 * margin, h: 1.5, color: '#1d4f91' });
    body(f, p, size, { caps, rule: false });
  } else if (p.layout === 'sidebar' || p.layout === 'two-column') {
    // Wide enough for the name at 16 pt where the sidebar carries it.
    const nameWidth = Math.max(...p.nameLines.map((l) => measure.width(l, 16, true)));
    const sw = Math.max((p.layout === 'sidebar' ? 150 : 170) + Math.round(rnd() * 40), p.nameLines.length > 1 ? nameWidth + 34 : 0);
    const sideX = p.sidebarRight ? width - sw : 0;
    const mainX = p.sidebarRight ? margin : sw + 24;
    const mainW = width - sw - margin - 24;
    let mainTop = top;
    if (p.layout === 'two-column') {
      // A header across the page, then the main column and a narrower column beside it.
      const head = new Flow(doc, margin, width - 2 * margin, top, height, false);
      for (const l of p.nameLines) head.line(l, { size: 24, bold: true, leading: 26 });
      if (p.headline) head.line(p.headline, { size: size + 1 });
      mainTop = head.y + 14;
    } else {
      doc.page.boxes.push({ x: sideX, y: 0, w: sw, h: height, color: '#e8eef5' });
    }
    const side = new Flow(doc, sideX + 16, sw - 30, mainTop, height - 30, false);
    const main = new Flow(doc, mainX, mainW, mainTop, height - 50);
    const nameInSide = p.layout === 'sidebar' && p.nameLines.length > 1;
    if (nameInSide) {
      const nameSize = Math.min(...p.nameLines.map((l) => side.fit(l, 18)));
      for (const l of p.nameLines) side.line(l, { size: nameSize, bold: true, leading: nameSize * 1.17 });
      side.space(10);
    }
    const sh = (t: string) => { side.space(8); side.line(caps ? t.toUpperCase() : t, { size: size, bold: true }); };
    sh('Contact');
    for (const l of contactLines(p)) side.para(l, { size: size - 1.5 });
    if (p.registrationLines.length) { sh('Registration'); for (const l of p.registrationLines) side.para(l, { size: size - 1.5 }); }
    if (p.english && p.english.transposed) {
      const cols = p.english.table[0]!.length;
      sh('English');
      english(side, p, size - 1.5, [0.5, ...Array.from({ length: cols - 1 }, () => 0.5 / (cols - 1))]);
    }
    sh('Skills');
    for (const s of ['Medicines management', 'Safeguarding', 'Clinical audit']) side.line(s, { size: size - 1.5 });
    if (p.layout === 'sidebar' && !nameInSide) {
      for (const l of p.nameLines) main.line(l, { size: main.fit(l, 22), bold: true });
      if (p.headline) main.para(p.headline, { size: size + 1 });
    } else if (nameInSide && p.headline) main.para(p.headline, { size: size + 2, bold: true });
    body(main, p, size, { caps, rule: true, skipEnglish: !!p.english?.transposed, skipRegistration: true });
  } else {
    // A CV made of tables: personal details as label/value rows, then the sections.
    const f = new Flow(doc, margin, width - 2 * margin, top + 10, height - 60);
    f.line('CURRICULUM VITAE', { size: 16, bold: true, align: 'center' });
    f.heading('Personal Details', { size: size + 2 });
    const label = 0.22 + rnd() * 0.1;
    f.table([label, 1 - label], [
      ['Name', p.nameLines.join(' ')], ['Address', p.address.join(', ')], ['Telephone', p.phone.printed], ['Email', p.email],
      ...(p.registrationLines.length ? [['Registration', p.registrationLines.join('\n')]] : []),
    ], { size, boldFirstColumn: true });
    body(f, p, size, { caps: false, rule: true, skipRegistration: true });
  }
  assertNoOverlap(doc.model, measure);
  return doc.model;
}
