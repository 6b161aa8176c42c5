import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCvParseLimits } from '../../src/cv/limits.js';
import { parseInWorker } from '../../src/cv/run.js';
import { cvParseHandler } from '../../src/jobs/cv-parse.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { nurseCvPdf, uploadCv } from './support/cvs.js';
import { inflatingPdf, nestedFormsPdf } from './support/pdf.js';

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
    expect(cv.body).toMatchObject({ status: 'failed', error: { code: 'cv_unreadable' } });
    expect(cv.body.error.detail).toMatch(/^timed out/);
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
  it('runs out of the parse thread\'s heap, not the server\'s, and fails as unreadable', async () => {
    const bomb = inflatingPdf(32); // ~115 KB that inflates to 32 MB of text operators
    expect(bomb.length).toBeLessThan(512 * 1024);
    const outcome = await parseInWorker(bomb, { ...defaultCvParseLimits, heapMb: 32, timeoutMs: 60_000 }, new Date());
    expect(outcome).toEqual({ status: 'failed', pages: null, error: { code: 'cv_unreadable', detail: 'the PDF needs more memory to read than a CV may use' } });
    expect((await t.get('/healthz')).status).toBe(200);
  });
});
