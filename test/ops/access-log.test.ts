// The built server's logs: one JSON object per line; an access log line per request with the
// request id it also sends back (X-Request-Id, the caller's own when it is a plain token), the
// route pattern and the status; and never personal data, tokens or search terms, whatever the
// request carried. LOG_LEVEL=warn silences the access log. On PGlite or TEST_DATABASE_URL's server.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant } from '../support/intake.js';
import { type IntakeProcess, TOKEN, sleep, startIntakeProcess } from '../faults/support/intake-process.js';
import { type ProcessDatabase, processDatabase } from '../faults/support/process-database.js';

let database: ProcessDatabase;
let server: IntakeProcess | null = null;

beforeAll(async () => { database = await processDatabase('access-log'); });
afterAll(async () => {
  await server?.kill('SIGKILL');
  await database?.drop();
});

const person = applicant({ fullName: 'Philippa Quartermaine', email: 'philippa.quartermaine@example.com', phone: '+447700900987', postcode: 'YO31 7QZ' });
const secrets = {
  referenceToken: 'reftok_9f8e7d6c5b4a39281706',
  feedToken: 'feedtok_0a1b2c3d4e5f60718293',
  injected: 'bad id"\n{"level":"info","msg":"forged"}',
};

interface Sent { name: string; requestId: string | null; status: number }

async function send(url: string, name: string, path: string, init: RequestInit = {}): Promise<Sent> {
  const res = await fetch(`${url}${path}`, init);
  await res.arrayBuffer();
  return { name, requestId: res.headers.get('x-request-id'), status: res.status };
}

const logLines = (output: string) => output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the access log', () => {
  it('has a line per request with its id and route, and no personal data or token', async () => {
    server = await startIntakeProcess({ ...database.env, WORKER: 'on', LOG_LEVEL: 'info' });
    const url = server.url;
    const api = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const sent = [
      await send(url, 'create', '/api/candidates', { method: 'POST', headers: api, body: JSON.stringify(person) }),
      await send(url, 'invalid', '/api/candidates', { method: 'POST', headers: api, body: JSON.stringify({ ...person, email: `${person.email} (home)` }) }),
      await send(url, 'search', `/api/candidates?q=${encodeURIComponent('Quartermaine')}`, { headers: api }),
      await send(url, 'reference', `/references/${secrets.referenceToken}`),
      await send(url, 'feed', `/feeds/cohorts/${randomUUID()}/osce.ics?token=${secrets.feedToken}`),
      await send(url, 'portal', '/portal/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: new URLSearchParams({ email: person.email as string }) }),
      await send(url, 'proxied', '/healthz', { headers: { 'x-request-id': 'lb-7f3a9c21e5' } }),
      await send(url, 'forged', '/healthz', { headers: { 'x-request-id': encodeURIComponent(secrets.injected) } }),
    ];
    await sleep(200);
    const output = server.output();
    const lines = logLines(output);
    const requests = lines.filter((l) => l.msg === 'request');

    // Every answer carries its id, and exactly one access line has it, with the route pattern.
    for (const s of sent) {
      expect(s.requestId, s.name).toBeTruthy();
      const mine = requests.filter((l) => l.requestId === s.requestId);
      expect(mine.map((l) => l.status), s.name).toEqual([s.status]);
    }
    const routeOf = (name: string) => requests.find((l) => l.requestId === sent.find((s) => s.name === name)!.requestId)?.route;
    expect(routeOf('create')).toBe('/api/candidates');
    expect(routeOf('reference')).toBe('/references/:token');
    expect(routeOf('feed')).toBe('/feeds/cohorts/:id/osce.ics');
    expect(sent.find((s) => s.name === 'create')!.status).toBe(201);
    expect(sent.find((s) => s.name === 'invalid')!.status).toBe(400);
    // A proxy's plain id is kept; anything else is replaced.
    expect(sent.find((s) => s.name === 'proxied')!.requestId).toBe('lb-7f3a9c21e5');
    expect(sent.find((s) => s.name === 'forged')!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Structured: level, time and message on every line; the caller by id only.
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['level', 'time', 'msg', 'pid']));
    expect(requests.find((l) => l.requestId === sent[0]!.requestId)).toMatchObject({ method: 'POST', actorType: 'user' });

    // Nothing that identifies the applicant, nor any token or search term, in any line.
    const forbidden = [
      'Philippa', 'Quartermaine', person.email, 'philippa.quartermaine%40example.com', '7700900987', 'YO31',
      secrets.referenceToken, secrets.feedToken, 'forged', TOKEN, 'q=',
    ];
    for (const text of forbidden) expect(output, `the log contains ${text}`).not.toContain(text);
  });

  it('is silent at LOG_LEVEL=warn', async () => {
    await server?.kill('SIGTERM');
    server = await startIntakeProcess({ ...database.env, WORKER: 'off', LOG_LEVEL: 'warn' });
    const res = await send(server.url, 'health', '/healthz');
    expect(res.status).toBe(200);
    await sleep(200);
    const levels = logLines(server.output()).map((l) => l.level);
    expect(levels.filter((l) => l === 'info' || l === 'debug')).toEqual([]);
    expect(server.output()).not.toContain(res.requestId!);
  });
});
