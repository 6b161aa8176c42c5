// The applicant portal. The session is bound to the email address a sign-in link was used from:
// the pages show every application made with that address, and an action names one of them,
// which the front door refuses (404) unless it was made with that address.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../../auth/address.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import { type SessionVars, applicantSession, checkCsrf, endSession, setSessionCookie } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { act } from '../../services/journeys/act.js';
import { findMagicLink, redeemMagicLink, requestMagicLink } from '../../services/portal/magic-link.js';
import { portalView } from '../../services/portal/view.js';
import { Message } from '../../ui/layout.js';
import { PortalContinue, PortalLinkSent, PortalSignIn, PortalStatus } from '../../ui/pages/portal.js';
import { readForm, textField, textFields } from '../form.js';
import { applicationRoutes } from './applications.js';

const emailForm = z.object({ email: z.email().max(320) });
const withdrawForm = z.object({ application: z.uuid(), reason: z.string().trim().min(1).max(2000), confirm: z.literal('yes'), _csrf: z.string() });

const linkPages = {
  not_found: { title: 'This link is not valid', body: 'Please use the whole link from our email, or ask for a new one.' },
  used: { title: 'This link has been used', body: 'Each sign-in link works once. Ask for a new one to sign in again.' },
  expired: { title: 'This link has expired', body: 'Sign-in links last 15 minutes. Ask for a new one.' },
} as const;

export function portalRoutes(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.use('*', sameOriginForms(app.settings.publicUrl));

  r.get('/sign-in', (c) => c.html(<PortalSignIn />));
  r.post('/sign-in', async (c) => {
    const parsed = emailForm.safeParse(textFields(await readForm(c)));
    if (!parsed.success) return c.html(<PortalSignIn error="Enter the email address you applied with." />, 400);
    const result = await requestMagicLink(app, parsed.data.email, clientAddress(c, app.settings.trustProxyHops));
    if (result.outcome === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return c.html(<PortalSignIn error={`Too many requests. Wait ${Math.ceil(result.retryAfterSeconds / 60)} minutes and try again.`} />, 429);
    }
    return c.html(<PortalLinkSent />);
  });

  const linkProblem = (c: Context, outcome: keyof typeof linkPages) =>
    c.html(<Message title={linkPages[outcome].title} body={<p>{linkPages[outcome].body} <a href="/portal/sign-in">Get a new link</a>.</p>} status="error" />, outcome === 'not_found' ? 404 : 410);

  r.get('/link/:token', async (c) => {
    const state = await findMagicLink(app, c.req.param('token'));
    return state === 'valid' ? c.html(<PortalContinue action={c.req.path} />) : linkProblem(c, state);
  });
  r.post('/link/:token', async (c) => {
    const result = await redeemMagicLink(app, c.req.param('token'));
    if (result.outcome !== 'signed_in') return linkProblem(c, result.outcome);
    setSessionCookie(c, app, result.cookie, 'applicant');
    return c.redirect('/portal', 303);
  });

  r.get('/', applicantSession(app), async (c) => {
    const notice = c.req.query('done') === 'withdrawn' ? 'Your application has been withdrawn. We have emailed you to confirm.' : undefined;
    return c.html(<PortalStatus view={await portalView(app, c.get('applicant').email, c.get('session').csrf)} notice={notice} />);
  });

  r.post('/withdraw', applicantSession(app), async (c) => {
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    const parsed = withdrawForm.safeParse(body);
    if (!parsed.success) return c.html(<Message title="Please give a reason" body={<p>Tell us why you are withdrawing and tick the box to confirm. <a href="/portal">Go back</a>.</p>} status="error" />, 400);
    const applicant = c.get('applicant');
    await act(app, applicant, parsed.data.application, { type: 'withdrawn', payload: { reason: parsed.data.reason } });
    return c.redirect('/portal?done=withdrawn', 303);
  });

  r.route('/applications', applicationRoutes(app));

  r.post('/sign-out', applicantSession(app), async (c) => {
    checkCsrf(c.get('session'), textField(await readForm(c), '_csrf'));
    await endSession(c, app);
    return c.redirect('/portal/sign-in', 303);
  });
  return r;
}
