// The import pages: upload a CSV and see its check (the dry run), then confirm the import. The
// same services as /api/imports; the form's file goes through the same row checks.
import { type Context, Hono } from 'hono';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { checkImport, getImport, importRows, listImports, startImport } from '../../services/imports/manage.js';
import { ImportPage, ImportsPage } from '../../ui/pages/imports.js';
import { createCandidateBody } from '../candidates/schemas.js';
import { IMPORT_FORM_BYTES } from '../imports/index.js';
import { readForm, textField } from '../form.js';
import { idParam } from '../input.js';
import { staffOf } from './staff-of.js';

export function importPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const page = async (c: Context<SessionVars>, status: 200 | 400 | 413 = 200, error?: string) => c.html(
    <ImportsPage staff={staffOf(c)} programmes={programmesFor(c.get('staff').role, 'candidates.create')} imports={await listImports(app.db, c.get('staff'))} error={error} />, status);

  r.get('/', async (c) => {
    await authorize(app, c.get('staff'), 'candidates.create');
    return page(c);
  });

  r.post('/', async (c) => {
    await authorize(app, c.get('staff'), 'candidates.create');
    let form: Awaited<ReturnType<typeof readForm>>;
    try {
      form = await readForm(c, { maxBytes: IMPORT_FORM_BYTES, overLimit: () => new AppError('payload_too_large', `A CSV of at most ${Math.floor(IMPORT_FORM_BYTES / 1024 / 1024)} MB: split a larger one`) });
    } catch (err) {
      if (err instanceof AppError && err.status === 413) return page(c, 413, err.message);
      throw err;
    }
    checkCsrf(c.get('session'), textField(form, '_csrf'));
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) return page(c, 400, 'Choose a CSV file to check');
    const programme = textField(form, 'programme') || undefined;
    try {
      const checked = await checkImport(app, c.get('staff'), { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), programme }, createCandidateBody);
      return c.redirect(`/imports/${checked.id}`, 303);
    } catch (err) {
      // A file that cannot be read as a whole: say why on the upload page.
      if (err instanceof AppError && (err.status === 400 || err.status === 413)) return page(c, err.status, err.message.replace(/^file: /, '').replace(/^./, (ch) => ch.toUpperCase()));
      throw err;
    }
  });

  r.get('/:id', async (c) => {
    const id = idParam(c, 'The import');
    const [item, rows] = await Promise.all([getImport(app.db, c.get('staff'), id), importRows(app.db, c.get('staff'), id)]);
    return c.html(<ImportPage staff={staffOf(c)} item={item} names={new Map(rows.map((row) => [row.line, row.fullName]))} />);
  });

  r.post('/:id/start', async (c) => {
    const id = idParam(c, 'The import');
    const form = await readForm(c);
    checkCsrf(c.get('session'), textField(form, '_csrf'));
    await startImport(app, c.get('staff'), id);
    return c.redirect(`/imports/${id}`, 303);
  });
  return r;
}
