// CSRF protection for form posts: a browser always sends Origin on a POST; it must be this
// server (as the request reached it) or the configured public URL.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.js';

export const sameOriginForms = (publicUrl: string) => createMiddleware(async (c, next) => {
  if (c.req.method === 'POST') {
    const origin = c.req.header('origin');
    const allowed = [new URL(c.req.url).origin, new URL(publicUrl).origin];
    if (!origin || !allowed.includes(origin)) throw new AppError(403, 'forbidden', 'This form must be sent from our own pages.');
  }
  await next();
});
