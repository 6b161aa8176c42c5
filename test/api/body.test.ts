// Acceptance: JSON bodies over a real connection (@hono/node-server reads them straight from
// Node's request): too large is 413, a byte-order mark is fine, and a client that goes away
// before or while its body is read leaves no request hanging and no 500 behind.
import { type AddressInfo, connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let server: ReturnType<typeof serve>;
let base: string;
let inFlight = 0;
let errors: string[] = [];

beforeAll(async () => {
  t = await startTestIntake();
  server = serve({
    hostname: '127.0.0.1', port: 0,
    // Counts requests still being handled: one that never finishes shows here. X-Hold-Ms holds a
    // request back before the app sees it, as a slow token check would.
    fetch: async (req, env) => {
      inFlight++;
      try {
        const hold = Number(req.headers.get('x-hold-ms') ?? 0);
        if (hold) await new Promise((resolve) => setTimeout(resolve, hold));
        const res = await t.intake.http.fetch(req, env);
        if (res.status >= 500) errors.push(`${req.method} ${new URL(req.url).pathname}: ${res.status}`);
        return res;
      } finally {
        inFlight--;
      }
    },
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const post = (path: string, body: string) => fetch(`${base}${path}`, {
  method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body,
});

/** Sends the head of a POST and part of its body, then goes away after `ms`. */
async function abandon(path: string, sentBytes: number, ms: number, holdMs = 0) {
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nX-Hold-Ms: ${holdMs}\r\n\r\n${'{'.padEnd(sentBytes, ' ')}`);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.destroy();
}

async function settled(deadlineMs = 5_000) {
  const until = Date.now() + deadlineMs;
  while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return inFlight;
}

describe('JSON bodies over a real connection', () => {
  it('refuses a body over 256 KiB with 413 problem+json', async () => {
    const res = await post('/api/candidates', JSON.stringify({ ...applicant(), note: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('reads a body that starts with a byte-order mark, as a browser’s fetch would send it', async () => {
    const res = await post('/api/candidates', `\ufeff${JSON.stringify(applicant())}`);
    expect(res.status).toBe(201);
  });

  it('finishes a request whose client went away while its token was being checked, with no 500', async () => {
    errors = [];
    const created = await (await post('/api/candidates', JSON.stringify(applicant()))).json() as { id: string };
    for (let i = 0; i < 3; i++) await abandon(`/api/candidates/${created.id}/events`, 0, 5, 100);
    expect(await settled()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('finishes a request whose client went away half-way through its body, with no 500', async () => {
    errors = [];
    for (let i = 0; i < 5; i++) await abandon('/api/candidates', 100, 30);
    expect(await settled()).toBe(0);
    expect(errors).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
