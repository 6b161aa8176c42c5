import { createHash, createHmac } from 'node:crypto';

/**
 * A referee's one-time link token is derived from the request's id with the install secret, so
 * any email about that request (the request, each chaser, a retry) carries the same link while
 * the database stores only its SHA-256.
 */
export const referenceToken = (secret: string, requestId: string) =>
  createHmac('sha256', secret).update(`reference:${requestId}`).digest('base64url');

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
