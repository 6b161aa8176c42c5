// Form posts (pages, and the multipart API routes) cross the same boundary as JSON: the body is
// read up to a limit, parsed, and every field name, value and file name is checked by
// checkText (src/routes/input.ts) before any handler sees it — a NUL, a control character, a
// `__proto__` field or a 10,000-character value is a 400 naming the field, never a 500.
import type { Context } from 'hono';
import { AppError } from '../errors.js';
import { bodyBytes, checkText } from './input.js';

export type FormValue = string | File;
/** Field → value; a field sent more than once → its values in order. No prototype. */
export type Form = Record<string, FormValue | FormValue[]>;

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;
/** A page's form: text fields only (the application form, with its CV, sets its own limit). */
const MAX_FORM_BYTES = 64 * 1024;

export interface FormLimits {
  maxBytes?: number;
  /** The error for a body over the limit (default: 413 payload_too_large). */
  overLimit?: (limit: number) => AppError;
}

const unreadable = (type: string) => new AppError('unsupported_media_type', `The form could not be read as ${type}.`);

/** The form a request carries (empty for any other body, as a browser's bodiless post). */
export async function readForm(c: Context, limits: FormLimits = {}): Promise<Form> {
  const header = (c.req.header('content-type') ?? '').trim();
  const form: Form = Object.create(null);
  const type = FORM_TYPE.exec(header)?.[1]?.toLowerCase();
  if (!type) return form;
  const bytes = await bodyBytes(c, limits.maxBytes ?? MAX_FORM_BYTES, limits.overLimit);
  let data: FormData;
  try {
    data = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': header } }).formData();
  } catch {
    throw unreadable(type);
  }
  for (const [key, value] of data) {
    checkText(key, key, true);
    checkText(typeof value === 'string' ? value : value.name, key, false);
    const before = form[key];
    if (before === undefined) form[key] = value;
    else if (Array.isArray(before)) before.push(value);
    else form[key] = [before, value];
  }
  return form;
}

/** A field's one text value: '' when absent, sent as a file, or sent more than once. */
export const textField = (form: Form, name: string): string => {
  const v = form[name];
  return typeof v === 'string' ? v : '';
};

/** The fields sent once as text, for a zod schema (repeats and files left out). */
export const textFields = (form: Form): Record<string, string> =>
  Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));
