// /portal/compliance: a member's own compliance, signed in with their portal session (bound to
// their email). They record their training and Update Service consent through the membership's
// front door, which refuses anything a reviewer must verify.
import { Hono } from 'hono';
import { z } from 'zod';
import { sameOriginForms } from '../../auth/same-origin.js';
import { type SessionVars, applicantSession, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { actOnMembership } from '../../services/membership/act.js';
import { memberPortalView } from '../../services/membership/portal.js';
import { MemberCompliance } from '../../ui/compliance/portal.js';
import { readForm, textFields } from '../form.js';

const target = z.object({ candidateId: z.uuid(), _type: z.enum(['itemRenewed', 'updateServiceConsented']) });

export function memberPortalRoutes(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.use('*', sameOriginForms(app.settings.publicUrl), applicantSession(app));

  r.get('/', async (c) => c.html(<MemberCompliance members={await memberPortalView(app, c.get('applicant').email)} csrf={c.get('session').csrf} saved={c.req.query('done') === '1'} />));

  r.post('/events', async (c) => {
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const values = Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_')));
    const again = async (field: string, message: string) =>
      c.html(<MemberCompliance members={await memberPortalView(app, c.get('applicant').email)} csrf={c.get('session').csrf} error={{ field, message, values }} />, 400);
    const t = target.safeParse(form);
    if (!t.success) return again('item', 'Choose what you are telling us about.');
    const { candidateId: _c, ...fields } = values;
    const payload: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, k === 'consent' ? v === 'true' : v.trim()]));
    if (t.data._type === 'updateServiceConsented' && payload.consent !== true) return again('consent', 'Tick the box to agree to status checks.');
    try {
      await actOnMembership(app, c.get('applicant'), t.data.candidateId, { type: t.data._type, payload });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const field = typeof error.extra.field === 'string' ? error.extra.field : 'item';
      const friendly = error.code === 'forbidden' ? error.message : field === 'item' ? 'Choose which training you completed.' : field === 'completedOn' || field === 'subscribedOn' ? 'Give the date as day, month and year, today or earlier.' : error.message;
      return again(field, friendly);
    }
    return c.redirect('/portal/compliance?done=1', 303);
  });
  return r;
}
