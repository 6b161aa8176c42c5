// Staff sign-in and sign-out (session cookie), and the front page.
import { Hono } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../../auth/address.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import { CHANGE_PASSWORD_PATH, type SessionVars, checkCsrf, createSession, endSession, safeNext, setSessionCookie, staffSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { authenticate } from '../../services/users/authenticate.js';
import { Landing, StaffSignIn } from '../../ui/pages/sign-in.js';
import { readForm, textField, textFields } from '../form.js';

const signInForm = z.object({ email: z.string().trim().max(320).default(''), password: z.string().max(200).default(''), next: z.string().max(500).optional() });

export function authPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  // Mounted at the root: guard only this router's own forms, not every path below '/'.
  r.use('/sign-in', sameOriginForms(app.settings.publicUrl));
  r.use('/sign-out', sameOriginForms(app.settings.publicUrl));

  r.get('/', (c) => c.html(<Landing />));

  r.get('/sign-in', (c) => c.html(<StaffSignIn next={safeNext(c.req.query('next'), '/board')} />));

  r.post('/sign-in', async (c) => {
    const form = signInForm.parse(textFields(await readForm(c)));
    const next = safeNext(form.next, '/board');
    const result = await authenticate(app.db, form.email, form.password, clientAddress(c, app.settings.trustProxyHops), app.clock.now());
    if (!result.ok && result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return c.html(<StaffSignIn next={next} email={form.email} error={`Too many sign-in attempts. Wait ${result.retryAfterSeconds} seconds and try again.`} />, 429);
    }
    if (!result.ok) return c.html(<StaffSignIn next={next} email={form.email} error="The email address or password is not right." />, 401);
    const session = await createSession(app.db, { kind: 'staff', userId: result.userId }, app.clock.now());
    setSessionCookie(c, app, session.value, 'staff');
    // A temporary password is changed before anything else.
    return c.redirect(result.mustChangePassword ? CHANGE_PASSWORD_PATH : next, 303);
  });

  r.post('/sign-out', staffSession(app), async (c) => {
    checkCsrf(c.get('session'), textField(await readForm(c), '_csrf'));
    await endSession(c, app);
    return c.redirect('/sign-in', 303);
  });
  return r;
}
