// Where rendered emails go: Resend when RESEND_API_KEY is set, otherwise the local mailbox.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resend } from 'resend';
import type { Attachment } from './templates/index.js';

export interface OutgoingEmail { from: string; to: string; subject: string; text: string; html: string; attachments: Attachment[] }
export interface EmailTransport { name: 'resend' | 'mailbox'; send(email: OutgoingEmail, idempotencyKey: string): Promise<{ providerId: string }> }

/** 429, 5xx and network failures are worth retrying; other 4xx (validation) are not. */
class RetryableSendError extends Error {}
/** The provider refused the message itself (e.g. an invalid address): sending it again cannot help. */
export class RejectedSendError extends Error {}

export function resendTransport(apiKey: string, baseUrl?: string): EmailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email, idempotencyKey) {
      const { data, error } = await client.emails.send({
        from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html,
        ...(email.attachments.length ? { attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
      }, { idempotencyKey });
      if (data?.id) return { providerId: data.id };
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      const message = `Resend ${status ?? 'network error'}: ${error?.message ?? 'no id returned'}`;
      if (status === null || status === 429 || status >= 500) throw new RetryableSendError(message);
      throw new RejectedSendError(message);
    },
  };
}

/**
 * The local development mailbox: the stored row is the message staff read at /mailbox, with its
 * one-time links redacted. The message as delivered, live links included, is written only to
 * `dir` (DATA_DIR/mailbox, on the server's own disk) for the developer playing the applicant or
 * the referee; with no directory (in-memory tests) it goes nowhere.
 */
export function mailboxTransport(dir: string | null): EmailTransport {
  return {
    name: 'mailbox',
    async send(email, idempotencyKey) {
      if (dir) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const headers = [`From: ${email.from}`, `To: ${email.to}`, `Subject: ${email.subject}`, 'Content-Type: text/plain; charset=utf-8'];
        await writeFile(join(dir, `${idempotencyKey}.eml`), `${headers.join('\r\n')}\r\n\r\n${email.text.replace(/\r?\n/g, '\r\n')}`, { mode: 0o600 });
      }
      return { providerId: `mailbox:${idempotencyKey}` };
    },
  };
}
