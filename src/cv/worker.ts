// Worker-thread entry: parses CVs posted by run.ts, one at a time, and posts each outcome. Runs
// off the server's event loop under a heap cap; run.ts terminates the thread at the time cap.
import { parentPort } from 'node:worker_threads';
import type { CvParseLimits } from './limits.js';
import { parseCv } from './parse.js';

interface Request { id: number; bytes: Uint8Array; limits: CvParseLimits; now: string }

parentPort!.on('message', (req: Request) => {
  parseCv(req.bytes, req.limits, new Date(req.now)).then(
    (outcome) => parentPort!.postMessage({ id: req.id, ok: true, outcome }),
    (error: unknown) => parentPort!.postMessage({ id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort!.postMessage({ ready: true });
