// The pieces under the report downloads and charts, on their own.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/services/csv.js';
import { addMonths, monthOf, monthsOf } from '../../src/services/reports/range.js';
import { BarChart, ColumnChart, niceScale } from '../../src/ui/charts.js';

describe('CSV cells', () => {
  it('quotes a cell holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+44 7700 900412')).toBe("'+44 7700 900412");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=HYPERLINK("x", "y")')).toBe('"\'=HYPERLINK(""x"", ""y"")"');
  });

  it('writes numbers as they are and missing values as empty cells', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('starts a file with a byte order mark and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [null, 'z']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n,z\r\n');
  });
});

describe('months', () => {
  it('counts months across years and takes the month in UK time', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    // 23:30 UTC on 31 March 2026 is already April in London (BST).
    expect(monthOf(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04');
    expect(monthOf(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01');
  });
});

describe('charts', () => {
  it('picks round axis steps', () => {
    expect(niceScale(64)).toEqual({ max: 80, step: 20 });
    expect(niceScale(12)).toEqual({ max: 12.5, step: 2.5 });
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(1, 4, true)).toEqual({ max: 1, step: 1 });
    expect(niceScale(201, 4, true)).toEqual({ max: 300, step: 100 });
  });

  it('draws a column chart as one image with a title and description, and a dashed target line', () => {
    const svg = String(ColumnChart({
      id: 'c', title: 'Time to hire', description: 'Median days by month.', categories: ['Jan 2026', 'Feb 2026'],
      series: [{ name: 'Staff bank', values: [40, null] }], valueLabel: 'Days', target: { value: 56, label: '8-week target (56 days)' },
    }));
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="c-title" aria-describedby="c-desc"/);
    expect(svg).toContain('<title id="c-title">Time to hire</title>');
    expect(svg).toContain('<desc id="c-desc">Median days by month.</desc>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('<title>Staff bank, Jan 2026: 40 days</title>');
    expect(svg.match(/<rect class="s0" x=/g)).toHaveLength(2); // the legend swatch and one column: no column for the missing month
    expect(svg).not.toMatch(/NaN|Infinity|style=/);
  });

  it('draws a bar chart with nothing to show without breaking', () => {
    const svg = String(BarChart({ id: 'b', title: 'Funnel', description: 'None.', items: [{ label: 'Application', value: 0 }], valueLabel: 'Candidates', integer: true }));
    expect(svg).toContain('role="img"');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
