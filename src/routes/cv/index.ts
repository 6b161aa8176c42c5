// CV routes, mounted on /api/candidates beside the candidate routes:
//   POST /api/candidates            multipart/form-data: apply with a CV (JSON falls through)
//   POST /api/candidates/:id/cv     multipart/form-data, the PDF in `file` → 202, parsed by a job
//   GET  /api/candidates/:id/cv     status, parsed fields, review decisions, duplicates
//   POST /api/candidates/:id/cv/accept   accept or correct parsed fields
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
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
import { candidateIdParam, json, jsonBody, problems, serve } from '../openapi/common.js';
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

const tags = ['CVs'];
const cvView = z.object({
  id: z.uuid(), candidateId: z.uuid(), filename: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.iso.datetime(), parsedAt: z.iso.datetime().nullable(),
  status: z.string().describe('pending, parsed or failed'), error: z.object({ code: z.string(), detail: z.string() }).optional(),
  pages: z.number().int().nullable(), truncated: z.boolean(), notes: z.array(z.string()),
  fields: z.record(z.string(), z.object({ value: z.unknown(), confidence: z.number(), source: z.unknown() })).describe('Each parsed field with its confidence and where it was found'),
  reviewed: z.record(z.string(), z.object({ decision: z.enum(['accepted', 'corrected']), value: z.unknown(), by: z.string().nullable(), at: z.iso.datetime() })),
  candidate: z.object({ fullName: z.string(), email: z.string(), phone: z.string().nullable(), postcode: z.string().nullable(), profession: z.string() }),
  duplicates: z.array(z.object({ candidateId: z.uuid(), matchedOn: z.enum(['email', 'phone', 'registration']), value: z.string() })),
  references: z.unknown().nullable().describe('What the employment history and its gaps mean for the references check'),
}).meta({ id: 'CvView' });

const uploadRoute = createRoute({
  method: 'post', path: '/{id}/cv', tags, summary: 'Upload a CV (PDF, up to 10 MB): parsed by a job', request: {
    params: candidateIdParam,
    body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }) }) } } },
  },
  responses: {
    202: json(z.object({ id: z.uuid(), status: z.literal('pending'), filename: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.iso.datetime() }), 'Stored; GET the CV for the parse'),
    ...problems(400, 403, 404, 413, 415),
  },
});
const viewRoute = createRoute({
  method: 'get', path: '/{id}/cv', tags, summary: 'The latest CV: status, parsed fields with confidence, decisions, duplicates', request: { params: candidateIdParam },
  responses: { 200: json(cvView, 'The CV'), ...problems(404) },
});
const acceptRoute = createRoute({
  method: 'post', path: '/{id}/cv/accept', tags, summary: 'Accept (true) or correct (a value) parsed fields', request: { params: candidateIdParam, body: jsonBody(acceptBody) },
  responses: { 200: json(cvView, 'The CV with the decisions'), ...problems(400, 403, 404, 409, 415) },
});

export function cvRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();

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

  serve(r, uploadRoute, uploadLimit, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'cv.upload', id, c.get('candidate'));
    const stored = await uploadCv(app, id, await fileFrom(await readForm(c)), actorOf(c.get('principal')));
    c.header('Location', `/api/candidates/${id}/cv`);
    return c.json(stored, 202);
  });

  serve(r, viewRoute, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    return c.json(await getCvView(app, id));
  });

  serve(r, acceptRoute, async (c) => {
    const id = idParam(c);
    const body = parseWith(acceptBody, await readJsonObject(c));
    await authorizeCandidate(app, c.get('principal'), 'cv.review', id, c.get('candidate'));
    return c.json(await reviewCvFields(app, id, body, actorOf(c.get('principal'))));
  });

  return r;
}
