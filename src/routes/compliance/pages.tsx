// /compliance: the compliance lead's dashboard and CSV, and a member's compliance page where
// evidence and reviews are recorded through the membership's front door. Staff session pages,
// scoped like the reports (`reports.read`) and the record (`candidates.read`, `journey.act`).
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize, authorizedCandidate } from '../../auth/authorize.js';
import { allows, programmesFor } from '../../auth/permissions.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import { type SessionVars, checkCsrf, staffSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { toCsv } from '../../services/csv.js';
import { actOnMembership } from '../../services/membership/act.js';
import { dueItems, expiringCounts, lapsedByItemAndOwner, membersByStatus } from '../../services/membership/dashboard.js';
import { membershipHistory, membershipView } from '../../services/membership/view.js';
import { ComplianceDashboard, MemberCompliancePage } from '../../ui/compliance/pages.js';
import { formKey } from '../../ui/compliance/forms.js';
import { type ComplianceItem, itemWords, statusWords } from '../../../workflows/membership/items.js';
import { ukDateOf } from '../../../workflows/when.js';
import { idParam, parseWith } from '../input.js';
import { readForm, textFields } from '../form.js';
import { staffOf } from '../staff/staff-of.js';

const daysQuery = z.object({ days: z.enum(['30', '60', '90']).default('30').transform(Number) });

export function compliancePages(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.use('*', staffSession(app), sameOriginForms(app.settings.publicUrl));

  const scope = async (c: Context<SessionVars>) => {
    await authorize(app, c.get('staff'), 'reports.read');
    return { programmes: programmesFor(c.get('staff').role, 'reports.read'), now: app.clock.now() };
  };

  r.get('/', async (c) => {
    const p = await scope(c);
    const { days } = parseWith(daysQuery, c.req.query(), 'invalid_query');
    const [byStatus, expiring, lapsed, due] = await Promise.all([
      membersByStatus(app, p), expiringCounts(app, p), lapsedByItemAndOwner(app, p), dueItems(app, { ...p, days, limit: 200 }),
    ]);
    return c.html(<ComplianceDashboard staff={staffOf(c)} data={{ byStatus, expiring, lapsed, due, days }} />);
  });

  r.get('/items.csv', async (c) => {
    const p = await scope(c);
    const { days } = parseWith(daysQuery, c.req.query(), 'invalid_query');
    const rows = await dueItems(app, { ...p, days, limit: 100_000 });
    const csv = toCsv(['Member', 'Member id', 'Item', 'Status', 'Who acts', 'In date until'],
      rows.map((r) => [r.fullName, r.candidateId, itemWords[r.item as ComplianceItem] ?? r.item, statusWords[r.status as 'overdue'] ?? r.status, r.owner.replace('_', ' '), r.dueOn]));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
      'content-disposition': `attachment; filename="intake-compliance-${ukDateOf(p.now)}-${days}-days.csv"`,
    });
  });

  const render = async (c: Context<SessionVars>, id: string, extra: { done?: string; error?: { form: string; field: string; message: string }; retryType?: string; values?: Record<string, string> } = {}, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) => {
    const { candidate, journey } = await authorizedCandidate(app, c.get('staff'), 'candidates.read', id);
    const view = await membershipView(app, id);
    if (!view) throw notFound('The membership (this candidate is not a bank member yet)');
    const history = await membershipHistory(app, view.id);
    const canAct = allows(c.get('staff').role, 'journey.act', journey.programme);
    return c.html(<MemberCompliancePage staff={staffOf(c)} fullName={candidate.fullName} view={view} history={history} canAct={canAct} {...extra} />, status);
  };

  r.get('/members/:id', (c) => render(c, idParam(c), c.req.query('done') ? { done: '1' } : {}));

  r.post('/members/:id/events', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const type = form._type ?? '';
    // Empty fields were left blank: not sent. A ticked box is true.
    const payload: Record<string, unknown> = Object.fromEntries(Object.entries(form).filter(([k, v]) => !k.startsWith('_') && v.trim() !== '').map(([k, v]) => [k, k === 'consent' ? v === 'true' : v.trim()]));
    try {
      await actOnMembership(app, c.get('staff'), id, { type, payload });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const field = typeof error.extra.field === 'string' ? error.extra.field : 'item';
      const message = error.message.replace(/^[\w.]+: /, '');
      return render(c, id, { error: { form: formKey(type, type === 'itemRenewed' ? String(form.item) : undefined), field, message: `${field}: ${message}` }, retryType: type, values: Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_'))) }, error.status as 400);
    }
    return c.redirect(`/compliance/members/${id}?done=1`, 303);
  });

  return r;
}
