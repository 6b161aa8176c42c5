// Parsing at the edge: every body, query and parameter goes through zod here, and every failure
// leaves as a 4xx problem with a stable code naming the field. Before any schema sees it, the
// input boundary (checkInput) refuses what no field of ours takes, for JSON, queries and forms
// (src/routes/form.ts) alike; test/architecture/boundary.test.ts keeps bodies read only here.
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

/** The body as text, at most `limit` bytes (decoded as the web Request would: a leading byte-order mark dropped, bad bytes replaced). */
const bodyText = async (c: Context, limit: number) => utf8.decode(await bodyBytes(c, limit));

/**
 * The body, at most `limit` bytes (else `overLimit`). Under @hono/node-server it is read straight
 * from Node's request: going through the web Request and its stream costs more than the rest of
 * reading an event, and reading stops at the limit (the server drains what is left). Elsewhere
 * (tests calling app.request) through the web Request.
 */
export async function bodyBytes(c: Context, limit: number, overLimit: (limit: number) => AppError = tooLarge): Promise<Buffer> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage) || incoming.readableEnded || incoming.readableDidRead) {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length > limit) throw overLimit(limit);
    return bytes;
  }
  // The client may have gone while the token was checked: its 'close' has fired already, and
  // listening for it now would wait for ever.
  if (incoming.destroyed || incoming.errored) throw endedEarly();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(() => reject(overLimit(limit)));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size)));
    const onError = () => settle(() => reject(endedEarly()));
    const onClose = () => settle(() => reject(endedEarly()));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/**
 * Text the boundary refuses, in values and keys alike: NUL and unpaired surrogates (PostgreSQL text
 * and jsonb cannot store them) and control characters (they reach headers, logs and CSVs); tab,
 * line feed and carriage return stay allowed in values, for text areas.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_IN_VALUE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_IN_KEY = /[\u0001-\u001f\u007f-\u009f]/;
/** The longest text any field takes (the longest free text, a note, is 4,000 characters). */
export const MAX_TEXT = 5_000;
const MAX_KEY = 200;
/** `__proto__`, `constructor`, `toString`…: names that find Object.prototype's members, never a field of ours. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A field's name fit for a message: printable, short. */
const printable = (name: string) => {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
};

/** What is wrong with one key or string value, or null. */
function textProblem(text: string, isKey: boolean): string | null {
  if (UNSTORABLE.test(text) || (isKey ? CONTROL_IN_KEY : CONTROL_IN_VALUE).test(text)) return 'must not contain NUL or other control characters';
  if (isKey && RESERVED_KEYS.has(text)) return 'is not a field we take';
  const max = isKey ? MAX_KEY : MAX_TEXT;
  if (text.length > max) return `is too long: at most ${max.toLocaleString('en-GB')} characters`;
  return null;
}

/** Refuses `text` (a value at `field`, or the key `field` itself) with 400 naming the field. */
export function checkText(text: string, field: string, isKey: boolean, code: ErrorCode = 'invalid_payload'): void {
  const problem = textProblem(text, isKey);
  if (problem !== null) throw new AppError(code, `${printable(field) || '(body)'}: ${isKey ? 'this field name' : 'the text'} ${problem}`, { field });
}

/**
 * The input boundary, for JSON bodies, queries and forms alike: every key and string anywhere in
 * `value` is checked (iteratively, so deep nesting cannot overflow the stack).
 */
export function checkInput(value: unknown, code: ErrorCode = 'invalid_payload'): void {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') checkText(v, path || '(body)', false, code);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        checkText(k, at, true, code);
        stack.push([child, at]);
      }
    }
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode = 'invalid_payload'): z.output<S> {
  checkInput(value, code);
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

/** RFC 7240 `Prefer: return=minimal`: the client wants the outcome, not the whole resource. */
export const prefersMinimal = (c: Context): boolean => /(?:^|[\s,;])return\s*=\s*"?minimal"?(?:$|[\s,;])/i.test(c.req.header('prefer') ?? '');
