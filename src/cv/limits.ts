// Limits that keep an upload from costing more than a CV should. Parsing runs in a worker thread
// that is terminated when it passes the time cap or the heap cap; only the first pages are read.

/** Upload size cap (413 cv_too_large above it). */
export const MAX_CV_BYTES = 10 * 1024 * 1024;
/** Pages read per CV; a longer document is parsed up to here and marked truncated. */
export const CV_PAGE_CAP = 10;
/** Wall-clock cap on one parse (text extraction + field extraction). */
export const CV_PARSE_TIMEOUT_MS = 20_000;
/** Heap cap of the parse worker (a decompression bomb fails here, not in the server). */
export const CV_PARSE_HEAP_MB = 256;
/** Extracted text beyond this many characters is ignored (no CV needs more). */
export const CV_MAX_TEXT_CHARS = 200_000;

export interface CvParseLimits { pageCap: number; timeoutMs: number; heapMb: number; maxTextChars: number }
export const defaultCvParseLimits: CvParseLimits = {
  pageCap: CV_PAGE_CAP, timeoutMs: CV_PARSE_TIMEOUT_MS, heapMb: CV_PARSE_HEAP_MB, maxTextChars: CV_MAX_TEXT_CHARS,
};
