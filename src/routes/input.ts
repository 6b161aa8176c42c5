// Parsing at the edge: every body, query and parameter goes through zod here, and every failure
// leaves as a 4xx problem with a stable code naming the field.
import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../errors.js';

const MAX_BODY_BYTES = 256 * 1024;

/** A JSON object body: 415 if not JSON, 413 if too large, 400 if malformed or not an object. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await bodyText(c, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('invalid_payload', 'The body must be a JSON object.', { field: '(body)' });
  }
  return value as Record<string, unknown>;
}

const utf8 = new TextDecoder();
const endedEarly = () => new AppError('malformed_json', 'The request ended before its body did.');
const tooLarge = (limit: number) => new AppError('payload_too_large', `The body must be under ${limit / 1024} KiB.`);

/**
 * The body as text, at most `limit` bytes. Under @hono/node-server it is read straight from
 * Node's request: going through the web Request and its stream costs more than the rest of
 * reading an event, and reading stops at the limit (the server drains what is left). Elsewhere
 * (tests calling app.request) through the web Request.
 */
async function bodyText(c: Context, limit: number): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage) || incoming.readableEnded || incoming.readableDidRead) {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
    return text;
  }
  // The client may have gone while the token was checked: its 'close' has fired already, and
  // listening for it now would wait for ever.
  if (incoming.destroyed || incoming.errored) throw endedEarly();
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(() => reject(tooLarge(limit)));
      else chunks.push(chunk);
    };
    // Decoded as the web Request would (a leading byte-order mark dropped, bad bytes replaced).
    const onEnd = () => settle(() => resolve(utf8.decode(Buffer.concat(chunks, size))));
    const onError = () => settle(() => reject(endedEarly()));
    const onClose = () => settle(() => reject(endedEarly()));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** NUL characters and unpaired surrogates: PostgreSQL text and jsonb cannot store them. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (value or key) PostgreSQL cannot store; iterative, so deep nesting cannot overflow the stack. */
function unstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return path || '(body)';
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (UNSTORABLE.test(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode = 'invalid_payload'): z.output<S> {
  const unstorable = unstorableText(value);
  if (unstorable !== null) {
    throw new AppError(code, `${unstorable}: text must not contain NUL characters or unpaired surrogates`, { field: unstorable });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(body)'),
    message: i.message,
  }));
  const first = issues[0]!;
  throw new AppError(code, `${first.field}: ${first.message}`, { field: first.field, errors: issues });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is simply not found. */
export function idParam(c: Context, what = 'The candidate', name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!UUID.test(id)) throw new AppError('not_found', `${what} was not found.`);
  return id.toLowerCase();
}

/** If-Match: "<version>" (quotes and W/ optional). */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new AppError('invalid_parameter', 'If-Match must be the journey version, e.g. "3".', { field: 'If-Match' });
  return Number(m[1]);
}
