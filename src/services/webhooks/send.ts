// One webhook request, signed to the Standard Webhooks spec: `webhook-id` (the same on every
// attempt, so a receiver can drop a repeat), `webhook-timestamp` (seconds, per attempt) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the bytes the
// secret's base64 after `whsec_` stands for. Made with node:http(s) rather than fetch, so the
// connection goes to the address the guard checked (./addresses.ts), and no redirect is followed.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { WebhookSettings } from '../../context.js';
import { AddressRefusedError, addressAllowed, guardedLookup, literalAddress } from './addresses.js';

export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface WebhookRequest { url: string; secret: string; id: string; body: string; at: Date }
export interface WebhookAnswer { status: number }

/** Sends one delivery; resolves with the receiver's status, rejects on a network failure or a refused address. */
export function sendWebhook(req: WebhookRequest, settings: WebhookSettings): Promise<WebhookAnswer> {
  const url = new URL(req.url);
  const literal = literalAddress(url.hostname);
  if (literal && !addressAllowed(literal, settings.allowedNetworks)) {
    return Promise.reject(new AddressRefusedError(`${literal} is not an address webhooks may reach (private, loopback or reserved); see WEBHOOK_ALLOWED_NETWORKS`));
  }
  const timestamp = Math.floor(req.at.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(req.body)),
    'user-agent': 'Intake-Webhooks/1',
    'webhook-id': req.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(req.secret, req.id, timestamp, req.body),
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const request = client.request(url, { method: 'POST', headers, lookup: guardedLookup(settings.allowedNetworks), agent: false, timeout: settings.timeoutMs }, (res) => {
      // The answer's body is not needed: read it away (up to the timeout) so the socket closes cleanly.
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${settings.timeoutMs / 1000} s`)));
    request.on('error', (err) => reject(err));
    request.end(req.body);
  });
}
