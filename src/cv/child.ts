// Entry of a CV parse process (run.ts forks it). Parses the CVs it is sent, one at a time, and
// sends back each outcome; all it can reach is the bytes it was given. It runs under a heap
// cap, and run.ts kills it at the time and memory caps: a hostile PDF can only end this process.
import { defaultCvParseLimits, type CvParseLimits } from './limits.js';
import { parseCv } from './parse.js';
import type { CvParseOutcome } from './types.js';

interface Request { id: number; bytes: Uint8Array; limits: CvParseLimits; now: string }
export type ChildMessage =
  | { ready: true }
  | { id: number; ok: true; outcome: CvParseOutcome }
  | { id: number; ok: false; message: string };

const send = (m: ChildMessage) => process.send!(m);

// The server went away (it stopped, or was killed): nothing is left to parse for.
process.on('disconnect', () => process.exit(0));

process.on('message', (message) => {
  const req = message as Request;
  parseCv(req.bytes, req.limits, new Date(req.now)).then(
    (outcome) => send({ id: req.id, ok: true, outcome }),
    (error: unknown) => send({ id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});

// Warm up before saying ready: loading pdf.js and its worker code takes longer than a CV, and
// the time cap should count the parse, not the start.
const WARM_UP = Buffer.from([
  '%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj',
  '4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
  '5 0 obj << /Length 42 >> stream', 'BT /F1 10 Tf 10 50 Td (Warm up text) Tj ET', 'endstream endobj', 'trailer << /Root 1 0 R >>', '%%EOF',
].join('\n'), 'latin1');
await parseCv(WARM_UP, defaultCvParseLimits, new Date()).catch(() => {});
send({ ready: true });
