// A webhook receiver on loopback for the tests: it verifies nothing itself, records every request
// as it arrived, and answers each message id with the statuses it is given (then 204).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { id: string; timestamp: string; signature: string; body: string; status: number }

export async function startReceiver(failFirst = 0) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const earlier = received.filter((r) => r.id === id).length;
      const status = earlier < failFirst ? 500 : 204;
      received.push({ id, timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']), body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/intake-events`,
    received,
    accepted: () => received.filter((r) => r.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
