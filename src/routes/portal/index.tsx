// The applicant portal. Every page is bound to the signed-in applicant's own candidate: there is
// no candidate id in any URL, so one applicant cannot name another's record.
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

const emailForm = z.object({ email: z.email().max(320) });
const withdrawForm = z.object({ reason: z.string().trim().min(1).max(2000), confirm: z.literal('yes'), _csrf: z.string() });

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
    const parsed = emailForm.safeParse(await c.req.parseBody().catch(() => ({})));
    if (!parsed.success) return c.html(<PortalSignIn error="Enter the email address you applied with." />, 400);
    const result = await requestMagicLink(app, parsed.data.email, clientAddress(c, app.settings.trustProxy));
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
    return c.html(<PortalStatus view={await portalView(app, c.get('applicant').candidateId, c.get('session').csrf)} notice={notice} />);
  });

  r.post('/withdraw', applicantSession(app), async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c.get('session'), body._csrf);
    const parsed = withdrawForm.safeParse(body);
    if (!parsed.success) return c.html(<Message title="Please give a reason" body={<p>Tell us why you are withdrawing and tick the box to confirm. <a href="/portal">Go back</a>.</p>} status="error" />, 400);
    const applicant = c.get('applicant');
    await act(app, applicant, applicant.candidateId, { type: 'withdrawn', payload: { reason: parsed.data.reason } }, c.get('candidate'));
    return c.redirect('/portal?done=withdrawn', 303);
  });

  r.post('/sign-out', applicantSession(app), async (c) => {
    checkCsrf(c.get('session'), (await c.req.parseBody())._csrf);
    await endSession(c, app);
    return c.redirect('/portal/sign-in', 303);
  });
  return r;
}
