// /api/imports: a CSV of candidates checked (the dry run), then imported as one job.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize } from '../../auth/authorize.js';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { MAX_IMPORT_BYTES } from '../../services/imports/check.js';
import { checkImport, getImport, listImports, startImport } from '../../services/imports/manage.js';
import { createCandidateBody } from '../candidates/schemas.js';
import { bodyBytes, idParam, parseWith } from '../input.js';
import { readForm, textField } from '../form.js';
import { serve } from '../openapi/common.js';
import * as routes from './openapi.js';
import { importQuery } from './openapi.js';

const overLimit = () => new AppError('payload_too_large', `file: a CSV of at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split a larger one`, { field: 'file' });
/** A multipart form carries the CSV and a little more: its boundary and the programme field. */
export const IMPORT_FORM_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

/** The CSV from a multipart form's `file` (and its `programme`), or a text/csv body, read through the input boundary. */
async function readCsv(c: Context): Promise<{ bytes: Uint8Array; filename?: string; programme?: string }> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data\b/i.test(type)) {
    const form = await readForm(c, { maxBytes: IMPORT_FORM_BYTES, overLimit });
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('invalid_payload', 'file: attach the CSV as a file in the field "file"', { field: 'file' });
    const programme = textField(form, 'programme');
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, ...(programme ? { programme } : {}) };
  }
  if (/^(text\/csv|application\/csv)\b/i.test(type)) return { bytes: new Uint8Array(await bodyBytes(c, MAX_IMPORT_BYTES, overLimit)) };
  throw new AppError('unsupported_media_type', 'Send the CSV as text/csv, or as multipart/form-data with the file in the field "file".');
}

export function importRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();
  r.use('*', async (c, next) => { await authorize(app, c.get('principal'), 'candidates.create'); await next(); });
  serve(r, routes.checkImport, async (c) => {
    const query = parseWith(importQuery, c.req.query(), 'invalid_query');
    const csv = await readCsv(c);
    const input = parseWith(importQuery, { programme: csv.programme ?? query.programme, filename: csv.filename ?? query.filename ?? 'import.csv' });
    const checked = await checkImport(app, c.get('principal'), { bytes: csv.bytes, filename: input.filename!, programme: input.programme }, createCandidateBody);
    c.header('Location', `/api/imports/${checked.id}`);
    return c.json(checked, 201);
  });
  serve(r, routes.listImports, async (c) => c.json({ items: await listImports(app.db, c.get('principal')) }));
  serve(r, routes.getImport, async (c) => c.json(await getImport(app.db, c.get('principal'), idParam(c, 'The import'))));
  serve(r, routes.startImport, async (c) => c.json(await startImport(app, c.get('principal'), idParam(c, 'The import')), 202));
  return r;
}
