// The import routes as the OpenAPI document declares them (served in ./index.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { programmes } from '../../../workflows/types.js';
import { json, problems, uuidParam } from '../openapi/common.js';

const tags = ['Imports'];
const time = z.iso.datetime();

export const importQuery = z.strictObject({
  programme: z.enum(programmes).optional().describe('The programme of rows that name none'),
  filename: z.string().trim().min(1).max(200).optional().describe('text/csv only: the file\'s name, to recognise the import by'),
});

export const importSchema = z.object({
  id: z.uuid(), filename: z.string(), status: z.enum(['checked', 'queued', 'running', 'done', 'failed']),
  createdAt: time, startedAt: time.nullable(), finishedAt: time.nullable(),
  report: z.object({
    rows: z.number().int().describe('Rows under the header'), ready: z.number().int().describe('Rows that will be imported'),
    defaultProgramme: z.string().nullable(),
    columns: z.object({ mapped: z.record(z.string(), z.string()).describe('Header → field'), ignored: z.array(z.string()) }),
    problems: z.array(z.object({
      line: z.number().int().describe('The line of the file the row starts on (the header is line 1)'),
      field: z.string().nullable(), kind: z.enum(['error', 'duplicate']), message: z.string(),
      candidateId: z.uuid().optional().describe('A duplicate of this existing candidate'),
      sameAsLine: z.number().int().optional().describe('A duplicate of the row on this line'),
    })),
  }).describe('The dry run: every row that will not be imported, and why'),
  progress: z.number().int().describe('Ready rows handled so far'),
  result: z.object({
    created: z.array(z.object({ line: z.number().int(), candidateId: z.uuid() })),
    skipped: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string(), candidateId: z.uuid().optional() })),
  }).nullable(),
}).meta({ id: 'Import' });

const importId = uuidParam('id', 'The import\'s id');

export const checkImport = createRoute({
  method: 'post', path: '/', tags, summary: 'Check a CSV of candidates (the dry run)',
  description: 'Columns as NHS Jobs or TRAC export them: name (or forename and surname), email, phone, postcode, profession (or staff group, job title), programme, registration. '
    + 'Nothing is created yet: the answer reports each row\'s errors and duplicates by line. Start it with POST /api/imports/{id}/start.',
  request: {
    query: importQuery,
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string() },
        'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }), programme: z.enum(programmes).optional() }) },
      },
    },
  },
  responses: { 201: json(importSchema, 'The checked import'), ...problems(400, 403, 413, 415) },
});

export const listImports = createRoute({
  method: 'get', path: '/', tags, summary: 'Your recent imports (an admin sees everyone\'s)',
  responses: { 200: json(z.object({ items: z.array(importSchema) }), 'The latest 20'), ...problems(403) },
});

export const getImport = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'An import: its dry run, progress and result', request: { params: importId },
  responses: { 200: json(importSchema, 'The import'), ...problems(404) },
});

export const startImport = createRoute({
  method: 'post', path: '/{id}/start', tags, summary: 'Import the ready rows, as one job', request: { params: importId },
  responses: { 202: json(importSchema, 'Queued: poll GET /api/imports/{id}'), ...problems(403, 404, 409) },
});
