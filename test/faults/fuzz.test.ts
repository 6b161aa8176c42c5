// Property-based fuzzing (fast-check) of every JSON endpoint and every form: path parameters,
// query strings, headers and bodies drawn from valid-looking, hostile and random values. Whatever
// arrives, the answer is never a 500, always comes within a deadline, and every API error is
// problem+json; the log carries no personal data, token or form content; the server still works
// afterwards. The routes are read from the app itself, so an endpoint or form added later is
// fuzzed too. In process (startTestIntake), on PGlite or TEST_DATABASE_URL's server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventCatalog } from '../../workflows/events/index.js';
import { professions, programmes } from '../../workflows/types.js';
import { TOKEN, applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { type FormFuzz, encodeForm, formCase, formFuzzSetup, formPath, formRoutes } from './support/form-fuzz.js';

let t: TestIntake;
const ids: string[] = [];
const people: Record<string, unknown>[] = [];
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const DEADLINE_MS = 5_000;
/** Everything the server logs while fuzzed (LOG_LEVEL=info here: the errors would be logged). */
const logged: string[] = [];
let forms: FormFuzz;

beforeAll(async () => {
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const line = String(chunk);
    if (line.startsWith('{"level"')) { logged.push(line); return true; }
    return write(chunk, ...rest);
  }) as typeof process.stderr.write);
  t = await startTestIntake({ env: { LOG_LEVEL: 'info' } });
  for (const programme of ['domestic', 'international', 'hcswd'] as const) {
    const person = applicant({ programme, profession: programme === 'hcswd' ? 'healthcare_assistant' : 'registered_nurse' });
    const res = await t.post('/api/candidates', person);
    expect(res.status).toBe(201);
    ids.push(res.body.id);
    people.push(person);
  }
  forms = await formFuzzSetup(t, ids[0]!);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const routes = () => {
  const seen = new Set<string>();
  return t.intake.http.routes
    .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && (r.path.startsWith('/api/') || r.path === '/healthz'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
};

// --- values -------------------------------------------------------------------------------

const hostileStrings = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '__proto__', 'constructor', 'toString',
  '\u0000', 'a\u0000b', '\ud800', '\udfff', '😀', 'é', '../../etc/passwd', '%00', '%', '%zz', "' or 1=1 --", '<script>',
  'x'.repeat(5_000), '9'.repeat(40), '2026-02-30', '2026-13-01T00:00:00Z', '0000-01-01', '+275760-09-13T00:00:00.000Z',
];
const text = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(text, scalar, { maxKeys: 4 }), fc.jsonValue({ maxDepth: 3 }));

/** Percent-encodes, writing a lone surrogate as the invalid UTF-8 a hostile client could send. */
const enc = (s: string) => [...s].map((ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

const idParam = fc.oneof(
  fc.constantFrom(...['0', '-1', 'null', 'undefined', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '%2e%2e', 'x'.repeat(300), '9007199254740993', '1.5', '1e3']),
  fc.uuid(),
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
  fc.string({ minLength: 1, maxLength: 30 }).map(enc),
  fc.constantFrom('%', '%zz', '%C3%28', '%ED%A0%80', 'a%2Fb', '%2e'),
  fc.constant('REAL'),
);

const eventTypes = Object.keys(eventCatalog);
/** A body a client might send: a real shape with fuzzed values, or anything at all. */
const body = fc.oneof(
  fc.record({ type: fc.oneof(fc.constantFrom(...eventTypes), text) }, { requiredKeys: ['type'] }).chain((b) => fc.dictionary(text, value, { maxKeys: 5 }).map((rest) => ({ ...rest, ...b }))),
  fc.record({
    programme: fc.oneof(fc.constantFrom(...programmes), text), profession: fc.oneof(fc.constantFrom(...professions), text),
    fullName: text, email: fc.oneof(fc.emailAddress(), text), phone: fc.oneof(text, fc.integer()), postcode: text,
  }, { requiredKeys: [] }),
  fc.dictionary(text, value, { maxKeys: 6 }),
  value,
);
const rawBody = fc.oneof(
  body.map((b) => JSON.stringify(b)),
  fc.constantFrom('', '{', '{"type":', 'null', '[]', '"x"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"x":1}}', '{"type":"screeningStarted","constructor":{"prototype":{}}}', `{"a":"${'x'.repeat(300_000)}"}`),
  fc.string({ maxLength: 200 }),
);

const headerValue = fc.string({ maxLength: 60 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s));
const headers = fc.record({
  authorization: fc.oneof({ weight: 8, arbitrary: fc.constant(`Bearer ${TOKEN}`) }, { weight: 1, arbitrary: headerValue }, { weight: 1, arbitrary: headerValue.map((h) => `Bearer ${h}`) }),
  'content-type': fc.oneof(fc.constant('application/json'), fc.constantFrom('application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''), headerValue),
  'if-match': fc.oneof(fc.constantFrom('"1"', '1', 'W/"2"', '*', '"-1"', '"99999999999"', '""'), headerValue),
  accept: fc.constantFrom('application/json', '*/*', 'text/html', ''),
  'x-forwarded-for': fc.oneof(fc.ipV4(), headerValue),
}, { requiredKeys: ['authorization'] });

const queryKeys = ['programme', 'stage', 'status', 'q', 'limit', 'cursor', 'to', 'before', 'kind', 'from', 'until', 'format', 'page'];
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), text), fc.oneof(text, fc.integer().map(String), fc.constantFrom(...programmes, 'checks', 'in_progress', 'dead', 'email'))), { maxLength: 5 })
  .chain((pairs) => fc.constantFrom('', '&%', '&%zz', '&q=%C3%28', '&limit=%00', '&&&=', '&q', '&limit=1&limit=2', '&programme[]=domestic')
    .map((raw) => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') + raw));

// --- the property --------------------------------------------------------------------------

interface Case { params: string[]; query: string; headers: Record<string, string>; body: string | undefined }

function pathFor(template: string, params: string[]): string {
  let i = 0;
  return template.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, () => {
    const p = params[i++ % params.length] ?? 'REAL';
    return p === 'REAL' ? ids[i % ids.length]! : p;
  });
}

async function send(method: string, path: string, c: Case): Promise<Response> {
  const init: RequestInit = { method, headers: c.headers };
  if (c.body !== undefined && method !== 'GET') init.body = c.body;
  const url = `${path}${c.query ? `?${c.query}` : ''}`;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer in ${DEADLINE_MS} ms: ${method} ${url}`)), DEADLINE_MS); });
  try {
    return await Promise.race([t.intake.http.request(url, init), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing every JSON endpoint', () => {
  it('finds the endpoints to fuzz in the app itself', () => {
    const found = routes().map((r) => `${r.method} ${r.path}`);
    expect(found).toEqual(expect.arrayContaining([
      'GET /healthz', 'POST /api/candidates', 'GET /api/candidates', 'GET /api/candidates/:id', 'POST /api/candidates/:id/events',
      'GET /api/candidates/:id/history', 'GET /api/pipeline', 'GET /api/workflows/:programme', 'GET /api/jobs', 'POST /api/jobs/:id/retry',
    ]));
  });

  it('never answers 500, never hangs, and answers every error as problem+json', async () => {
    const cases = fc.record({
      params: fc.array(idParam, { minLength: 1, maxLength: 3 }),
      query,
      headers,
      body: fc.option(rawBody, { nil: undefined }),
    });
    let requests = 0;
    for (const route of routes()) {
      await fc.assert(fc.asyncProperty(cases, async (c) => {
        requests++;
        const path = pathFor(route.path, c.params);
        const res = await send(route.method, path, c);
        const text = await res.text();
        const where = `${route.method} ${path}?${c.query} → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400 && (path.startsWith('/api/') || path === '/healthz')) {
          expect(res.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
          expect(JSON.parse(text), where).toMatchObject({ status: res.status, code: expect.any(String) });
        }
      }), { numRuns: RUNS, endOnFailure: true });
    }
    expect(requests).toBeGreaterThan(RUNS * 10);
    console.info(`fuzz: ${requests} requests over ${routes().length} endpoints`);
  }, 240_000);

  it('still works afterwards', async () => {
    expect((await t.get('/healthz')).status).toBe(200);
    const created = await t.post('/api/candidates', applicant());
    expect(created.status).toBe(201);
    const next = created.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    expect((await t.post(`/api/candidates/${created.body.id}/events`, { type: next.type, ...next.example })).status).toBe(200);
  });
});

describe('fuzzing every form', () => {
  it('finds the forms to fuzz in the app itself', () => {
    expect(formRoutes(t)).toEqual(expect.arrayContaining([
      '/apply', '/references/:token', '/portal/sign-in', '/portal/withdraw', '/sign-in', '/candidates/:id/events', '/candidates/:id/notes',
      '/candidates/:id/cv/accept', '/cohorts', '/cohorts/:id/members', '/cohorts/:id/events', '/account/password',
    ]));
  });

  it('never answers 500 or hangs, urlencoded or multipart, whatever the fields hold', async () => {
    let requests = 0;
    for (const route of formRoutes(t)) {
      const kind = route.startsWith('/portal') ? 'applicant' : 'staff';
      await fc.assert(fc.asyncProperty(formCase, async (c) => {
        requests++;
        const as = route.endsWith('/sign-out') ? await forms.fresh(kind) : forms[kind];
        const fields: [string, string][] = [['_csrf', c.csrf === 'valid' ? as.csrf : '\u0000'], ...c.fields];
        for (const [, v] of fields) if (v.length >= 12) forms.secrets.add(v);
        const { body, type } = encodeForm(fields, c.multipart);
        const path = formPath(route, forms, ids[0]!);
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer in ${DEADLINE_MS} ms: POST ${route}`)), DEADLINE_MS); });
        const res = await Promise.race([
          t.intake.http.request(path, { method: 'POST', body, headers: { cookie: as.cookie, origin: 'http://localhost', 'content-type': type } }),
          deadline,
        ]).finally(() => clearTimeout(timer));
        const text = await res.text();
        expect(res.status, `POST ${route} (${c.multipart ? 'multipart' : 'urlencoded'}) ${JSON.stringify(c.fields).slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
      }), { numRuns: RUNS, endOnFailure: true });
    }
    expect(requests).toBeGreaterThan(RUNS * 10);
  }, 240_000);

  it('names the field a form cannot take: a NUL, a control character, a property name, a 10,000-character value', async () => {
    const post = async (fields: [string, string][], multipart: boolean) => {
      const { body, type } = encodeForm([['_csrf', forms.staff.csrf], ...fields], multipart);
      const res = await t.intake.http.request(`/candidates/${ids[0]}/notes`, { method: 'POST', body, headers: { cookie: forms.staff.cookie, origin: 'http://localhost', 'content-type': type } });
      return { status: res.status, text: await res.text() };
    };
    for (const multipart of [false, true]) {
      for (const [fields, named] of [
        [[['text', 'a\u0000b']], 'text'], [[['text', 'bell\u0007']], 'text'], [[['text', 'x'.repeat(10_000)]], 'text'],
        [[['__proto__', 'x']], '__proto__'], [[['constructor', 'x']], 'constructor'], [[['toString', 'x']], 'toString'],
      ] as [[string, string][], string][]) {
        const res = await post(fields, multipart);
        expect(res.status, `${named} ${multipart}`).toBe(400);
        expect(res.text).toContain(`${named}:`);
      }
    }
    const events = await t.intake.http.request(`/candidates/${ids[0]}/events`, {
      method: 'POST', body: new URLSearchParams({ _csrf: forms.staff.csrf, _type: 'constructor' }),
      headers: { cookie: forms.staff.cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(events.status).toBe(400);
    expect(await events.text()).toMatch(/_type: there is no event called/i);
  });

  it('logs an unexpected error by id and route only: no values, no token in a path, no form contents', async () => {
    const person = applicant({ fullName: 'Theodora Quillfeather' });
    // A failure whose message quotes the values, as a failed query's does.
    vi.spyOn(t.intake.app.db, 'transaction').mockRejectedValueOnce(new Error(`Failed query: insert into "candidates" params: ${person.fullName},${person.email}`));
    const res = await t.intake.http.request('/apply', {
      method: 'POST', body: new URLSearchParams(person as Record<string, string>), headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(500);
    const errorId = /error id ([0-9a-f-]{36})/.exec(await res.text())?.[1];
    const line = logged.find((l) => errorId && l.includes(errorId));
    expect(line, 'the 500 is logged with its errorId').toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 'error', errorId, route: '/apply', error: { name: 'Error', frames: expect.any(Array) } });
    expect(line).not.toContain('Theodora');
    expect(line).not.toContain(person.email as string);
  });

  it('never logged personal data, a token or a form value', () => {
    const all = logged.join('\n');
    expect(logged.length, 'the log was captured').toBeGreaterThan(0);
    for (const person of people) for (const v of [person.fullName, person.email, person.phone]) expect(all).not.toContain(v as string);
    for (const secret of forms.secrets) expect(all.includes(secret), `the log holds ${JSON.stringify(secret.slice(0, 60))}`).toBe(false);
  });
});
