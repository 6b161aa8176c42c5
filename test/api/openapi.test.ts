// Acceptance (issue 17): the OpenAPI document is valid OpenAPI 3.1, covers every /api route the
// app serves (a route missing from it fails here), describes errors as problem+json, and says
// what the API really answers (replies checked against the documented schemas).
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSchema, historyEntry } from '../../src/routes/candidates/openapi.js';
import { problemSchema } from '../../src/routes/openapi/common.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let doc: any;
beforeAll(async () => {
  t = await startTestIntake();
  const res = await t.get('/api/openapi.json', { authorization: '' });
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => { await t?.close(); });

const served = () => [...new Set(t.intake.http.routes
  .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
  .map((r) => `${r.method.toLowerCase()} ${r.path.replaceAll(/:(\w+)/g, '{$1}')}`))];

describe('the OpenAPI document', () => {
  it('is served without a token, and passes an OpenAPI 3.1 validator', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every /api route the app serves, and no route it does not', () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const routes = served();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !documented.includes(r)), 'routes missing from the document').toEqual([]);
    expect(documented.filter((d) => !routes.includes(d)), 'documented routes the app does not serve').toEqual([]);
  });

  it('describes every error answer as application/problem+json with the Problem schema', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/api/openapi.json' || path === '/api/docs') continue;
        expect(op.responses['401'], `${method} ${path}`).toBeDefined();
        for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
          if (status.startsWith('2')) continue;
          expect(response.content['application/problem+json'].schema.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Problem');
        }
      }
    }
    expect(doc.components.schemas.Problem.properties.code.enum).toContain('idempotency_key_reused');
  });

  it('offers an Idempotency-Key on every POST and bearer authentication everywhere but itself', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/openapi.json'].get.security).toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      if (!ops.post) continue;
      expect(ops.post.parameters?.some((p: any) => p.in === 'header' && p.name === 'Idempotency-Key'), path).toBe(true);
    }
  });

  it('lists the webhooks Intake sends, with the Standard Webhooks headers', () => {
    expect(Object.keys(doc.webhooks)).toEqual(expect.arrayContaining(['candidate.created', 'stage.changed', 'check.cleared', 'hired', 'withdrawn', 'candidate.erased']));
    expect(doc.webhooks.hired.post.parameters.map((p: any) => p.name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  });

  it('says what the API answers: replies parse with the documented schemas', async () => {
    const created = await t.post('/api/candidates', applicant({ registrationNumber: '71A2998E' }));
    expect(created.status).toBe(201);
    expect(() => candidateSchema.parse(created.body)).not.toThrow();
    const moved = await t.post(`/api/candidates/${created.body.id}/events`, { type: 'screeningStarted' });
    expect(() => candidateSchema.parse(moved.body)).not.toThrow();
    const history = await t.get(`/api/candidates/${created.body.id}/history`);
    for (const item of history.body.items) expect(() => historyEntry.parse(item)).not.toThrow();
    const refused = await t.post(`/api/candidates/${created.body.id}/events`, { type: 'hired' });
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(() => problemSchema.parse(refused.body)).not.toThrow();
  });
});

describe('the interactive reference at /api/docs', () => {
  it('is a page of this server\'s own scripts and styles, served without a token under the strict CSP', async () => {
    const page = await t.intake.http.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const url of assets.filter((u) => u.startsWith('/assets'))) {
      const res = await t.intake.http.request(url);
      expect(res.status, url).toBe(200);
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
    expect(assets.every((u) => u.startsWith('/')), 'nothing from another origin').toBe(true);
    expect(html).not.toMatch(/<script>|<style|style="/);
  });
});
