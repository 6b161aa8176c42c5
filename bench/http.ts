// A small keep-alive HTTP client: one socket per concurrent caller, no retries, the body read in
// full (as a real client would).
import { Agent, request } from 'node:http';

export interface HttpReply { status: number; body: string; ms: number }

export function httpClient(baseUrl: string, token: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  const base = new URL(baseUrl);
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => new Promise<HttpReply>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = request({
      agent, host: base.hostname, port: base.port, method, path,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        ...headers,
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown, headers?: Record<string, string>) => send('POST', path, body, headers),
    close: () => agent.destroy(),
  };
}
