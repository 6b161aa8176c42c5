// The decompressed-size cap: a PDF's Flate streams are inflated here, before pdf.js sees them,
// counting the bytes they expand to and stopping at the cap. A megabyte of deflated zeros can
// hold a gigabyte; pdf.js would try to hold it all in memory. Streams that do not inflate (other
// filters, encrypted data) are left to pdf.js, under the parse process's memory and time caps.
import { constants, inflateSync } from 'node:zlib';
import { CvParseError } from './types.js';

const STREAM = /stream\r?\n/g;
const FLATE = /\/(?:FlateDecode|Fl)(?![A-Za-z])/;

/** Throws cv_too_complex when the PDF's Flate streams inflate to more than `maxBytes` together. */
export function checkInflatedSize(bytes: Uint8Array, maxBytes: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let left = maxBytes;
  for (const m of text.matchAll(STREAM)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue; // "endstream"
    // The stream's dictionary: back to the start of its object.
    const head = text.slice(Math.max(0, m.index - 4096), m.index);
    const dict = head.slice(head.lastIndexOf(' obj') + 1);
    if (!FLATE.test(dict)) continue;
    const start = m.index + m[0].length;
    const stop = text.indexOf('endstream', start);
    const data = buf.subarray(start, stop < 0 ? buf.length : stop);
    let inflated: Buffer;
    try {
      inflated = inflateSync(data, { maxOutputLength: left + 1, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooComplex(maxBytes);
      continue; // not plain Flate data: pdf.js decides
    }
    left -= inflated.length;
    if (left < 0) throw tooComplex(maxBytes);
  }
}

const tooComplex = (maxBytes: number) => new CvParseError('cv_too_complex',
  `The PDF's compressed content expands to more than ${Math.round(maxBytes / 1024 / 1024)} MB, far more than a CV holds: ask for another copy (saved or printed to PDF again) or enter the details by hand.`);
