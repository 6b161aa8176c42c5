// CSRF protection for form posts: a browser sends Origin on a POST, and it must be this server
// (as the request reached it) or the configured public URL. Where a browser withholds the origin
// ("null"), its Sec-Fetch-Site header still says whether the form came from our own pages.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.js';

export const sameOriginForms = (publicUrl: string) => createMiddleware(async (c, next) => {
  if (c.req.method === 'POST') {
    const origin = c.req.header('origin');
    const allowed = [new URL(c.req.url).origin, new URL(publicUrl).origin];
    const sameSite = origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin';
    if (!sameSite && (!origin || !allowed.includes(origin))) throw new AppError('forbidden', 'This form must be sent from our own pages.');
  }
  await next();
});
