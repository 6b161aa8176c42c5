// Hostile PDFs meet the parse process's caps (src/cv/run.ts, src/cv/limits.ts), each of them
// proven here: the time cap (the process is killed), the V8 heap cap, the resident-memory cap for
// decoded streams outside the heap, and the decompressed-size cap checked before pdf.js starts.
// Each ends as failed/cv_too_complex and leaves the server, and the next parse, unharmed.
// (test/cv/bomb.test.ts sends a gibibyte bomb through /apply to a real server process.)
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCvParseLimits } from '../../src/cv/limits.js';
import { parseCv } from '../../src/cv/parse.js';
import { parseInWorker } from '../../src/cv/run.js';
import { cvParseHandler } from '../../src/jobs/cv-parse.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { nurseCvPdf, uploadCv } from './support/cvs.js';
import { gibibyteBombPdf, inflatingPdf, nestedFormsPdf } from './support/pdf.js';

let t: TestIntake;
beforeAll(async () => {
  t = await startTestIntake();
  // A short time cap, so the test does not wait the production 20 s.
  t.intake.app.handlers.cv_parse = cvParseHandler({ ...defaultCvParseLimits, timeoutMs: 2_500 });
});
afterAll(async () => { await t?.close(); });

describe('a hostile PDF', () => {
  it('cannot stall the server: requests keep being answered while it parses, and it fails at the time cap', async () => {
    const victim = (await t.post('/api/candidates', applicant())).body;
    // A few kilobytes of nested form XObjects that ask the text extractor for 10^9 text runs.
    const bomb = nestedFormsPdf(9, 10);
    expect(bomb.length).toBeLessThan(10_000);
    expect((await uploadCv(t, victim.id, bomb)).status).toBe(202);

    const started = Date.now();
    let finished = false;
    const draining = drainDueJobs(t.intake.app, { kinds: ['cv_parse'] }).then(() => { finished = true; });
    // Rounds of requests answered while the parse was still running: if the parse blocked the
    // server, no round could finish before the time cap. (No latency bound: the machines are
    // shared and noisy; speed is for the benchmarks.)
    let answeredDuringParse = 0;
    while (!finished) {
      const [health, cv, other] = await Promise.all([
        t.get('/healthz'), t.get(`/api/candidates/${victim.id}/cv`), t.post('/api/candidates', applicant()),
      ]);
      if (!finished) answeredDuringParse++;
      expect(health.body).toEqual({ status: 'ok' });
      // The parse may end between the database write and `finished` flipping: either is true.
      expect(['pending', 'failed']).toContain(cv.body.status);
      expect(other.status).toBe(201);
      await sleep(100);
    }
    await draining;
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
    expect(answeredDuringParse).toBeGreaterThanOrEqual(3);

    const cv = await t.get(`/api/candidates/${victim.id}/cv`);
    expect(cv.body).toMatchObject({ status: 'failed', error: { code: 'cv_too_complex' } });
    expect(cv.body.error.detail).toMatch(/^Reading the PDF took longer than 3 s/);
    expect((await t.get(`/api/candidates/${victim.id}`)).body.fullName).toBe(victim.fullName);
  });

  it('leaves the parser working for the next CV', async () => {
    const c = (await t.post('/api/candidates', applicant())).body;
    expect((await uploadCv(t, c.id, nurseCvPdf())).status).toBe(202);
    await drainDueJobs(t.intake.app, { kinds: ['cv_parse'] });
    expect((await t.get(`/api/candidates/${c.id}/cv`)).body.status).toBe('parsed');
  });
});

describe('a decompression bomb', () => {
  const tooBig = { status: 'failed', pages: null, error: { code: 'cv_too_complex', detail: expect.stringMatching(/^Reading the PDF needs more memory than a CV may use/) } };

  it('is refused before pdf.js reads it: its streams would inflate past the cap', async () => {
    const bomb = await gibibyteBombPdf(1);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const outcome = await parseCv(bomb, defaultCvParseLimits, new Date());
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'cv_too_complex' } });
    if (outcome.status === 'failed') expect(outcome.error.detail).toMatch(/^The PDF's compressed content expands to more than 128 MB/);
  });

  it('that fits the size cap but not the heap ends its parse process, not the server', async () => {
    const bomb = inflatingPdf(64); // ~230 KB inflating to 64 MB of text operators: pdf.js builds millions of text runs
    const outcome = await parseInWorker(bomb, { ...defaultCvParseLimits, heapMb: 64, timeoutMs: 120_000 }, new Date());
    expect(outcome).toEqual(tooBig);
    expect((await t.get('/healthz')).status).toBe(200);
  });

  it.skipIf(process.platform !== 'linux')('past the size cap, the resident-memory cap stops what the heap cap cannot see', async () => {
    // With the size cap lifted, pdf.js inflates the font's gibibyte into a typed array, outside V8's heap.
    const bomb = await gibibyteBombPdf(1, 'font');
    const outcome = await parseInWorker(bomb, { ...defaultCvParseLimits, maxInflatedBytes: Number.MAX_SAFE_INTEGER, rssMb: 400, timeoutMs: 120_000 }, new Date());
    expect(outcome).toEqual(tooBig);
    // The next parse gets a fresh process.
    expect((await parseInWorker(nurseCvPdf(), defaultCvParseLimits, new Date())).status).toBe('parsed');
  });
});
