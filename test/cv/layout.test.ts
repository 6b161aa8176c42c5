// The layout reading (src/cv/layout.ts) on text items placed by hand: lines, columns and tables
// come from positions, whatever order the items arrive in.
import { describe, expect, it } from 'vitest';
import { layoutPage, type TextItem } from '../../src/cv/layout.js';

/** An item as pdf.js gives it: `y` is the baseline down the page; width from a 0.5 em average glyph. */
const item = (str: string, x: number, y: number, size = 10, font = 'F1'): TextItem => ({ str, x, y, width: str.length * size * 0.5, size, font });
const texts = (items: TextItem[]) => layoutPage(items).lines.map((l) => l.text);

/** Fisher–Yates with a fixed seed: the same shuffle every run. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the layout reading', () => {
  it('reads running text line by line, with no cells', () => {
    const items = Array.from({ length: 12 }, (_, i) => item('A line of ordinary running text across the page width', 40, 100 + i * 14));
    const page = layoutPage(items);
    expect(page.columns).toBe(false);
    expect(page.lines.map((l) => l.text)).toEqual(items.map((i) => i.str));
  });

  it('reads by position, not by the order the PDF draws in, and joins letters drawn one by one', () => {
    const words = ['Staff', 'Nurse', 'at', 'Leeds', 'General', 'Infirmary'];
    const letters: TextItem[] = [];
    let x = 40;
    for (const w of words) {
      for (const ch of w) { letters.push(item(ch, x, 100)); x += 5; }
      x += 2.8; // a word space
    }
    letters.push(item('Second line', 40, 114));
    expect(texts(shuffled(letters))).toEqual(['Staff Nurse at Leeds General Infirmary', 'Second line']);
  });

  it('reads a sidebar beside the main text one column after the other, the sidebar first', () => {
    const left = ['CONTACT', '14 Mill Lane', 'Otley LS21 1AB', 'maria.santos@example.com', 'SKILLS', 'Wound care', 'IV therapy'];
    const right = ['PROFILE', 'Adult nurse with six years in acute medicine.', 'EXPERIENCE', 'Staff Nurse (Band 5)', 'Wharfedale NHS Foundation Trust', 'Staff Nurse', 'St Luke Medical Center'];
    const items = [item('Maria Santos', 40, 60, 22)];
    left.forEach((t, i) => { items.push(item(t, 36, 100 + i * 15, 9)); });
    right.forEach((t, i) => { items.push(item(t, 200, 100 + i * 15, 10)); });
    const page = layoutPage(shuffled(items));
    expect(page.columns).toBe(true);
    expect(page.lines.map((l) => l.text)).toEqual(['Maria Santos', ...left, ...right]);
  });

  it('reads rows that line up across a gutter, with no headings on either side, as a table', () => {
    const items: TextItem[] = [];
    for (let i = 0; i < 6; i++) items.push(item(`Label ${i}`, 40, 100 + i * 16), item(`value ${i}`, 200, 100 + i * 16));
    const page = layoutPage(items);
    expect(page.columns).toBe(false);
    expect(page.lines.map((l) => l.cells)).toEqual(Array.from({ length: 6 }, (_, i) => [`Label ${i}`, `value ${i}`]));
    expect(page.lines.every((l) => l.table)).toBe(true);
  });

  it('keeps a score table as a header row and a row of values, cells in their columns', () => {
    const xs = [40, 150, 220, 290, 360, 430];
    const head = ['Test', 'Listening', 'Reading', 'Writing', 'Speaking', 'Test date'];
    const values = ['IELTS Academic', '8.0', '7.5', '7.0', '7.5', '14/03/2021'];
    const items = [...head.map((h, i) => item(h, xs[i]!, 100, 10, 'Bold')), ...values.map((v, i) => item(v, xs[i]!, 118))];
    const lines = layoutPage(shuffled(items)).lines;
    expect(lines.map((l) => l.cells)).toEqual([head, values]);
  });

  it('joins a cell wrapped over lines and moves the bullets inside a cell to lines of their own', () => {
    const items = [
      item('Dates', 40, 100, 10, 'Bold'), item('Position', 160, 100, 10, 'Bold'), item('Employer', 330, 100, 10, 'Bold'),
      item('Jan 2022 – present', 40, 120), item('Senior Social Worker,', 160, 120), item('Coventry City Council', 330, 120),
      item('Discharge Team', 160, 132), item('• Plans safe discharges', 160, 144),
      item('Oct 2018 – Mar 2021', 40, 164), item('Social Worker', 160, 164), item('Warwick County Council', 330, 164),
    ];
    expect(texts(items)).toEqual([
      'Dates\tPosition\tEmployer',
      'Jan 2022 – present\tSenior Social Worker, Discharge Team\tCoventry City Council',
      '• Plans safe discharges',
      'Oct 2018 – Mar 2021\tSocial Worker\tWarwick County Council',
    ]);
  });

  it('reads a header block (the name large at the left, contact details at the right) apart from the text below', () => {
    const items = [
      item('OLUWASEUN', 40, 60, 26, 'Bold'), item('ADEBAYO-COLE', 40, 88, 26, 'Bold'),
      item('5 Foss Bank Mews', 420, 52, 9), item('York YO31 7FL', 445, 64, 9), item('seun.ac@example.net', 405, 76, 9),
      item('PROFILE', 40, 130, 12, 'Bold'), item('Paramedic with six years on frontline emergency ambulances.', 40, 146),
    ];
    const lines = texts(items);
    expect(lines.indexOf('ADEBAYO-COLE')).toBe(lines.indexOf('OLUWASEUN') + 1);
    expect(lines.slice(-2)).toEqual(['PROFILE', 'Paramedic with six years on frontline emergency ambulances.']);
    expect(lines).toContain('York YO31 7FL');
  });
});
