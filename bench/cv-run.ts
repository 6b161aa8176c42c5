// Measurement 4: CV parsing against poppler's `pdftotext`, by the CV parser's own benchmark
// (bench/cv.ts, `npm run bench:cv`), run as a child process and read from its table.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface CvRow { method: string; filesPerSecond: number; vsPdftotext: number | null }
export interface CvBenchResult { ratio: number | null; method: string | null; rows: CvRow[]; note: string | null; output: string }

const root = fileURLToPath(new URL('..', import.meta.url));
/** The production path (a warm worker thread with caps) is the figure that counts. */
const HEADLINE = /^parser \(worker/;

export async function benchCv(rounds: number): Promise<CvBenchResult> {
  if (!existsSync(`${root}/bench/cv.ts`)) return { ratio: null, method: null, rows: [], note: 'bench/cv.ts not found: CV parsing is not benchmarked', output: '' };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/cv.ts', '--rounds', String(rounds)], { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  const rows: CvRow[] = [];
  for (const line of stdout.split('\n')) {
    // method (padded) | files/s | MiB/s | mean | p50 | p95 | [vs pdftotext]
    const m = /^(.+?)\s{2,}([\d.]+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+(?:\s+([\d.]+)×)?\s*$/.exec(line);
    if (m) rows.push({ method: m[1]!.trim(), filesPerSecond: Number(m[2]), vsPdftotext: m[3] ? Number(m[3]) : null });
  }
  const headline = rows.find((r) => HEADLINE.test(r.method)) ?? null;
  const note = /pdftotext not found/.test(stdout) ? 'pdftotext is not installed: no reference' : headline ? null : 'could not read the CV benchmark table';
  return { ratio: headline?.vsPdftotext ?? null, method: headline?.method ?? null, rows, note, output: stdout };
}
