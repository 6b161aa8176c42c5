// Limits that keep an upload from costing more than a CV should. Parsing runs in a child process
// (run.ts) with a heap cap, killed when it passes the time cap or the memory cap; the compressed
// streams are measured before pdf.js sees them; only the first pages are read.

/** Upload size cap (413 cv_too_large above it). */
export const MAX_CV_BYTES = 10 * 1024 * 1024;
/** Pages read per CV; a longer document is parsed up to here and marked truncated. */
export const CV_PAGE_CAP = 10;
/** Wall-clock cap on one parse (text extraction + field extraction). */
export const CV_PARSE_TIMEOUT_MS = 20_000;
/** V8 heap cap of the parse process (--max-old-space-size). */
export const CV_PARSE_HEAP_MB = 256;
/**
 * Resident memory cap of the parse process: pdf.js keeps decoded streams in typed arrays, outside
 * the V8 heap, so the heap cap alone does not bound them. (Linux, where /proc shows it.)
 */
export const CV_PARSE_RSS_MB = 640;
/** What the PDF's Flate streams may inflate to, all together; no CV comes near it. */
export const CV_MAX_INFLATED_BYTES = 128 * 1024 * 1024;
/** Extracted text beyond this many characters is ignored (no CV needs more). */
export const CV_MAX_TEXT_CHARS = 200_000;

export interface CvParseLimits { pageCap: number; timeoutMs: number; heapMb: number; rssMb: number; maxInflatedBytes: number; maxTextChars: number }
export const defaultCvParseLimits: CvParseLimits = {
  pageCap: CV_PAGE_CAP, timeoutMs: CV_PARSE_TIMEOUT_MS, heapMb: CV_PARSE_HEAP_MB, rssMb: CV_PARSE_RSS_MB,
  maxInflatedBytes: CV_MAX_INFLATED_BYTES, maxTextChars: CV_MAX_TEXT_CHARS,
};
