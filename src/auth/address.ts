// The caller's network address, for rate limits and the audit log. Behind reverse proxies
// (TRUST_PROXY=<hops>) each proxy appends the address it saw to X-Forwarded-For, so the last
// <hops> entries were written by proxies we trust and everything before them by whoever sent the
// request. The address we take is the one the outermost trusted proxy saw: <hops> from the right.
// The leftmost entries are the client's to choose, so they are never used. Without proxies, the
// socket's peer.
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The address `hops` trusted proxies report, or null when the header cannot be from them. */
export function forwardedAddress(header: string | undefined, hops: number): string | null {
  if (hops < 1 || !header) return null;
  const entries = header.split(',').map((e) => e.trim()).filter(Boolean);
  // Fewer entries than proxies: the request skipped the outer proxies, so the header is not all
  // theirs; the furthest entry is the best there is.
  const seen = entries[Math.max(0, entries.length - hops)];
  return seen && isIP(seen) ? seen : null;
}

export function clientAddress(c: Context, trustProxyHops: number): string {
  const forwarded = forwardedAddress(c.req.header('x-forwarded-for'), trustProxyHops);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket (in-process requests in tests)
  }
}
