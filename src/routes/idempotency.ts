// Idempotency-Key on every POST under /api (after the token check, so keys belong to one
// credential). The first request with a key runs and its answer is kept for 24 hours; a repeat
// with the same method, path and body gets that answer again (`Idempotent-Replayed: true`), the
// same key with another request is 422 `idempotency_key_reused`, and a repeat while the first is
// still running is 409 `idempotency_key_in_use` (Retry-After: 1). A 5xx is not kept, so the
// request can be retried with its key. Requests without the header are not touched.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AuthVars } from '../auth/bearer.js';
import type { AppContext } from '../context.js';
import { MAX_CV_BYTES } from '../cv/limits.js';
import { AppError } from '../errors.js';
import { type KeyRef, claimKey, completeKey, releaseKey } from '../services/idempotency/keys.js';

/** The largest body any POST takes (a CV upload); a bigger one is refused before it is read. */
const MAX_BYTES = MAX_CV_BYTES + 256 * 1024;
const KEY = /^[\x21-\x7e][\x20-\x7e]{0,254}$/;
const KEPT_HEADERS = ['content-type', 'location', 'etag', 'content-disposition'];

const tooLarge = () => new AppError('payload_too_large', `The body must be under ${MAX_BYTES / 1024 / 1024} MB.`);

/** The body's bytes, read once here and handed on to the route as the request's body. */
async function takeBody(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_BYTES) throw tooLarge();
  const reader = c.req.raw.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => { throw new AppError('malformed_json', 'The request ended before its body did.'); });
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks, size);
  c.req.raw = new Request(c.req.raw, { body });
  return body;
}

/**
 * What makes two requests the same: method, path with query, media type and body. A multipart
 * body's boundary is chosen afresh by most clients on every retry, so it is left out of both.
 */
function fingerprintOf(c: Context, body: Uint8Array): string {
  const url = new URL(c.req.url);
  const type = c.req.header('content-type') ?? '';
  const boundary = /^multipart\/form-data\b.*;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
  const content = boundary ? Buffer.from(Buffer.from(body).toString('latin1').replaceAll(boundary, ''), 'latin1') : body;
  return createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n${boundary ? 'multipart/form-data' : type}\n`).update(content).digest('hex');
}

export const idempotency = (app: AppContext) => createMiddleware<AuthVars>(async (c, next) => {
  const key = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
  if (key === undefined) return next();
  if (!KEY.test(key)) throw new AppError('invalid_parameter', 'Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID.', { field: 'Idempotency-Key' });
  const body = await takeBody(c);
  const p = c.get('principal');
  const ref: KeyRef = { credential: p.tokenId ?? p.userId ?? 'unknown', key };
  const fingerprint = fingerprintOf(c, body);

  const claim = await claimKey(app.db, ref, fingerprint, app.clock.now());
  if (claim.kind === 'mismatch') {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request: use a new key for a new request.', { field: 'Idempotency-Key' });
  }
  if (claim.kind === 'busy') {
    c.header('Retry-After', '1');
    throw new AppError('idempotency_key_in_use', 'A request with this Idempotency-Key is still being served: wait for its answer, or try again shortly.', { field: 'Idempotency-Key' });
  }
  if (claim.kind === 'replay') {
    return new Response(claim.answer.body, { status: claim.answer.status, headers: { ...claim.answer.headers, 'idempotent-replayed': 'true' } });
  }
  try {
    await next();
  } catch (err) {
    await releaseKey(app.db, ref);
    throw err;
  }
  if (c.res.status >= 500) {
    await releaseKey(app.db, ref);
    return;
  }
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => { const v = c.res.headers.get(h); return v === null ? [] : [[h, v]]; }));
  await completeKey(app.db, ref, { status: c.res.status, headers, body: await c.res.clone().text() });
});
