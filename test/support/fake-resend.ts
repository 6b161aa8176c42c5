// A fake Resend HTTP API on loopback. It answers POST /emails from a script of statuses, and,
// like Resend, treats a repeated Idempotency-Key that already succeeded as the same message.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest { key: string | undefined; body: { from: string; to: string | string[]; subject: string; html?: string; text?: string; attachments?: unknown[] } }

export interface FakeResend {
  url: string;
  requests: FakeRequest[];
  /** Distinct messages accepted (what a recipient would receive). */
  delivered: FakeRequest[];
  /** Statuses to answer with, in order; when empty, 200. */
  script: number[];
  /** Milliseconds to wait before answering (a slow provider keeps sends in flight). */
  delayMs: number;
  /** Requests received and not yet answered. */
  inFlight: number;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const accepted = new Map<string, string>();
  const fake: Omit<FakeResend, 'url' | 'close'> = { requests: [], delivered: [], script: [], delayMs: 0, inFlight: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    fake.inFlight++;
    req.on('end', () => setTimeout(() => {
      fake.inFlight--;
      const key = req.headers['idempotency-key'] as string | undefined;
      const body = JSON.parse(raw || '{}');
      fake.requests.push({ key, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (key && accepted.has(key)) return send(200, { id: accepted.get(key) });
      const status = fake.script.shift() ?? 200;
      if (status === 200) {
        const id = `re_${fake.delivered.length + 1}`;
        if (key) accepted.set(key, id);
        fake.delivered.push({ key, body });
        return send(200, { id });
      }
      const name = status === 429 ? 'rate_limit_exceeded' : status === 422 ? 'validation_error' : 'internal_server_error';
      return send(status, { statusCode: status, name, message: `scripted ${status}` });
    }, fake.delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  }) as FakeResend;
}
