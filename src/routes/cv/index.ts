// CV routes, mounted on /api/candidates beside the candidate routes:
//   POST /api/candidates            multipart/form-data: apply with a CV (JSON falls through)
//   POST /api/candidates/:id/cv     multipart/form-data, the PDF in `file` → 202, parsed by a job
//   GET  /api/candidates/:id/cv     status, parsed fields, review decisions, duplicates
//   POST /api/candidates/:id/cv/accept   accept or correct parsed fields
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authorize, authorizeCandidate } from '../../auth/authorize.js';
import type { AuthVars } from '../../auth/bearer.js';
import { actorOf } from '../../auth/principal.js';
import { MAX_CV_BYTES } from '../../cv/limits.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { reviewCvFields } from '../../services/cv/accept.js';
import { applyWithCv } from '../../services/cv/apply.js';
import { acceptBody } from '../../services/cv/schemas.js';
import { type CvFile, uploadCv } from '../../services/cv/upload.js';
import { getCvView } from '../../services/cv/view.js';
import { createCandidateBody } from '../candidates/schemas.js';
import { idParam, parseWith, readJsonObject } from '../input.js';
import { type Form, readForm as readAnyForm } from '../form.js';

const isMultipart = (c: Context) => /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');

// The whole request may carry a little more than the file (boundaries, other form fields); the
// file's own size is checked exactly afterwards. Bigger bodies stop streaming at this limit.
const MAX_UPLOAD_BYTES = MAX_CV_BYTES + 256 * 1024;
const cvTooLarge = () => new AppError('cv_too_large', `The CV must be at most ${MAX_CV_BYTES / 1024 / 1024} MB.`, { field: 'file', maxBytes: MAX_CV_BYTES });
const uploadLimit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw cvTooLarge(); } });

const notMultipart = () => new AppError('unsupported_media_type', 'Send the CV as multipart/form-data, the PDF in the field "file".');

/** The form's parts, through the input boundary. A body that says multipart but cannot be read as it is 415, like any other. */
async function readForm(c: Context): Promise<Form> {
  if (!isMultipart(c)) throw notMultipart();
  return readAnyForm(c, { maxBytes: MAX_UPLOAD_BYTES, overLimit: cvTooLarge });
}

async function fileFrom(form: Form): Promise<CvFile> {
  const file = form.file;
  if (!(file instanceof File)) throw new AppError('invalid_payload', 'file: attach the CV as a file in the field "file".', { field: 'file' });
  return { filename: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function cvRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();

  // Applying with a CV attached: the same fields as the JSON application, as form fields.
  r.post('/', async (c, next) => {
    if (!isMultipart(c)) return next(); // a JSON application: the candidate routes take it
    let response: Response | undefined;
    await uploadLimit(c, async () => {
      const form = await readForm(c);
      if (Object.keys(form).length === 0) {
        throw new AppError('unsupported_media_type', 'Send the application as application/json, or as multipart/form-data with the CV in the field "file".');
      }
      const fields = Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== 'file' && typeof v === 'string' && v.trim() !== ''));
      const body = parseWith(createCandidateBody, fields);
      await authorize(app, c.get('principal'), 'candidates.create', body.programme);
      const file = form.file === undefined ? null : await fileFrom(form);
      if (file) await authorize(app, c.get('principal'), 'cv.upload', body.programme);
      const created = await applyWithCv(app, body, file, actorOf(c.get('principal')));
      c.header('Location', `/api/candidates/${created.id}`);
      response = c.json(created, 201);
    });
    return response!;
  });

  r.post('/:id/cv', uploadLimit, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'cv.upload', id, c.get('candidate'));
    const stored = await uploadCv(app, id, await fileFrom(await readForm(c)), actorOf(c.get('principal')));
    c.header('Location', `/api/candidates/${id}/cv`);
    return c.json(stored, 202);
  });

  r.get('/:id/cv', async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    return c.json(await getCvView(app, id));
  });

  r.post('/:id/cv/accept', async (c) => {
    const id = idParam(c);
    const body = parseWith(acceptBody, await readJsonObject(c));
    await authorizeCandidate(app, c.get('principal'), 'cv.review', id, c.get('candidate'));
    return c.json(await reviewCvFields(app, id, body, actorOf(c.get('principal'))));
  });

  return r;
}
