// The API's own description: GET /api/openapi.json (OpenAPI 3.1, generated from the routes' zod
// schemas) and GET /api/docs, the interactive reference (Swagger UI). Both are open without a
// token: they describe the API and show no data. Swagger UI's files are served by Intake from its
// own dependency (swagger-ui-dist), with a start-up script of our own, so the strict CSP holds:
// nothing inline, nothing from another origin.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { json, serve } from '../openapi/common.js';
import { registerWebhookEvents } from './webhooks.js';

const swaggerDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Starts Swagger UI on the page; a file, because the CSP allows no inline script. */
const initScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });
});
`;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Intake API reference</title>
<link rel="stylesheet" href="/assets/api-docs/swagger-ui.css">
<script src="/assets/api-docs/swagger-ui-bundle.js" defer></script>
<script src="/assets/api-docs/init.js" defer></script>
</head>
<body>
<noscript>The interactive reference needs JavaScript. The document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
</body>
</html>
`;

const assets: Record<string, { type: string; body: () => Promise<string | Buffer> }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: () => readFile(join(swaggerDir(), 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', body: () => readFile(join(swaggerDir(), 'swagger-ui-bundle.js')) },
  'init.js': { type: 'text/javascript; charset=utf-8', body: async () => initScript },
};

const tags = ['Documentation'];
const openapiJson = createRoute({
  method: 'get', path: '/openapi.json', tags, security: [], summary: 'This document (OpenAPI 3.1)',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI document') },
});
const docsPage = createRoute({
  method: 'get', path: '/docs', tags, security: [], summary: 'The interactive API reference',
  responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } } },
});

/** Mounted on the root app before the /api routes, so no token is asked for. */
export function apiDocs<E extends Env>(root: OpenAPIHono<E>, app: AppContext) {
  root.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API token: the bootstrap admin token, or a personal one from POST /api/tokens' });
  registerWebhookEvents(root.openAPIRegistry);
  let document: unknown;
  const docs = new OpenAPIHono();
  serve(docs, openapiJson, (c) => {
    document ??= root.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Intake API', version: '1',
        description: 'The applicant-tracking pipeline of an NHS staff bank. Every route takes `Authorization: Bearer <token>`. '
          + 'Errors are `application/problem+json` with a stable `code`. Every POST takes an `Idempotency-Key`. '
          + 'Changes are also pushed as webhooks (see `webhooks`; signed to the Standard Webhooks spec).',
      },
      servers: [{ url: app.settings.publicUrl }],
      tags: ['Candidates', 'CVs', 'Imports', 'Webhooks', 'Pipeline', 'Workflows', 'Jobs', 'Mailbox', 'Staff accounts', 'Tokens', 'Data protection', 'Documentation'].map((name) => ({ name })),
      security: [{ bearer: [] }],
    });
    return c.json(document);
  });
  serve(docs, docsPage, (c) => c.html(page));
  root.route('/api', docs);
  const cache = new Map<string, string | Buffer>();
  root.get('/assets/api-docs/:file', async (c) => {
    const name = c.req.param('file');
    const asset = Object.hasOwn(assets, name) ? assets[name]! : null;
    if (!asset) throw notFound('The file');
    if (!cache.has(name)) cache.set(name, await asset.body());
    return c.body(cache.get(name)! as string, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  });
}
