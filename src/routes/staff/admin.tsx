// Administration pages: thin handlers over services/users, emails/dead-letters, audit and the
// policy. Each checks the permission table; each post checks the session's CSRF token.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { allows, roles } from '../../auth/permissions.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { audit } from '../../services/audit/record.js';
import { auditLines } from '../../services/audit/list.js';
import { deadJobs, retryJob } from '../../services/emails/dead-letters.js';
import { createUser, disableUser, listUsers, resetPassword, setRole } from '../../services/users/manage.js';
import { AuditPage } from '../../ui/pages/admin/audit.js';
import { AdminIndexPage } from '../../ui/pages/admin/index.js';
import { JobsPage } from '../../ui/pages/admin/jobs.js';
import { PolicyPage } from '../../ui/pages/admin/policy.js';
import type { AdminFlash } from '../../ui/pages/admin/shared.js';
import { UsersPage } from '../../ui/pages/admin/users.js';
import { readForm, textFields } from '../form.js';
import { idParam, parseWith } from '../input.js';
import { staffOf } from './staff-of.js';

const newUser = z.object({
  name: z.string().trim().min(1, 'Enter their full name').max(200),
  email: z.email('Enter an email address, like name@nhs.net').max(320),
  role: z.enum(roles, 'Choose a role'),
});

async function postForm(c: Context<SessionVars>) {
  const form = textFields(await readForm(c));
  checkCsrf(c.get('session'), form._csrf);
  return form;
}

export function adminPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const actorId = (c: Context<SessionVars>) => c.get('staff').userId;

  const users = async (c: Context<SessionVars>, flash?: AdminFlash, status: 200 | 400 | 403 | 404 | 409 = 200, typed?: Record<string, string>) =>
    c.html(<UsersPage staff={staffOf(c)} users={await listUsers(app.db)} {...(flash ? { flash } : {})} {...(typed ? { typed } : {})} />, status);
  const failed = (c: Context<SessionVars>, error: unknown) => {
    if (!(error instanceof AppError) || error.status >= 500 || error.status === 401) throw error;
    return users(c, { kind: 'error', text: error.message }, error.status as 400);
  };

  r.get('/', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    return c.html(<AdminIndexPage staff={staffOf(c)} />);
  });

  r.get('/users', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    return users(c);
  });

  r.post('/users', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    const form = await postForm(c);
    const parsed = newUser.safeParse(form);
    const typed = { name: form.name ?? '', email: form.email ?? '', role: form.role ?? '' };
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return users(c, { kind: 'error', text: issue.message, field: `user-${String(issue.path[0])}` }, 400, typed);
    }
    try {
      const { user, temporaryPassword } = await createUser(app.db, parsed.data, actorId(c), app.clock.now());
      return users(c, { kind: 'notice', text: `${user.name} can now sign in with their email address and this temporary password.`, secret: { label: 'Temporary password', value: temporaryPassword ?? '' } });
    } catch (error) {
      if (error instanceof AppError && error.code === 'version_conflict') return users(c, { kind: 'error', text: error.message, field: 'user-email' }, 409, typed);
      return failed(c, error);
    }
  });

  r.post('/users/:id/role', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    const form = await postForm(c);
    const role = parseWith(z.object({ role: z.enum(roles, 'Choose the new role') }), form).role;
    try {
      const user = await setRole(app.db, idParam(c), role, actorId(c), app.clock.now());
      return users(c, { kind: 'notice', text: `${user.name} is now ${role === 'admin' ? 'an administrator' : `a ${role}`}; they sign in again.` });
    } catch (error) { return failed(c, error); }
  });

  r.post('/users/:id/reset', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    await postForm(c);
    try {
      const { temporaryPassword } = await resetPassword(app.db, idParam(c), actorId(c), app.clock.now());
      const name = (await listUsers(app.db)).find((u) => u.id === idParam(c))?.name ?? 'The account';
      return users(c, { kind: 'notice', text: `${name}’s password is reset: their sessions and API tokens have stopped working. Give them this temporary password; they choose their own at sign-in.`, secret: { label: 'Temporary password', value: temporaryPassword } });
    } catch (error) { return failed(c, error); }
  });

  r.post('/users/:id/disable', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    await postForm(c);
    try {
      if (idParam(c) === actorId(c)) throw new AppError('forbidden', 'You cannot disable your own account.');
      const user = await disableUser(app.db, idParam(c), actorId(c), app.clock.now());
      return users(c, { kind: 'notice', text: `${user.name}’s account is disabled.` });
    } catch (error) { return failed(c, error); }
  });

  const jobs = async (c: Context<SessionVars>, flash?: AdminFlash, status: 200 | 404 | 409 = 200) => {
    const { items } = await deadJobs(app.db, { limit: 100 });
    return c.html(<JobsPage staff={staffOf(c)} jobs={items} canRetry={allows(c.get('staff').role, 'jobs.retry')} {...(flash ? { flash } : {})} />, status);
  };
  r.get('/jobs', async (c) => {
    await authorize(app, c.get('staff'), 'jobs.read');
    return jobs(c);
  });
  r.post('/jobs/:id/retry', async (c) => {
    await authorize(app, c.get('staff'), 'jobs.retry');
    await postForm(c);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) throw new AppError('not_found', 'The job was not found.');
    try {
      await retryJob(app.db, id, app.clock.now());
      await audit(app.db, { kind: 'job_retried', actorType: 'user', actorId: actorId(c), subjectId: String(id), at: app.clock.now() });
      return jobs(c, { kind: 'notice', text: 'Sent again: it will be tried shortly.' });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return jobs(c, { kind: 'error', text: error.message }, error.status as 404);
    }
  });

  r.get('/policy', async (c) => {
    await authorize(app, c.get('staff'), 'workflows.read');
    return c.html(<PolicyPage staff={staffOf(c)} policy={app.policy} />);
  });

  r.get('/audit', async (c) => {
    await authorize(app, c.get('staff'), 'users.manage');
    const q = parseWith(z.object({ kind: z.string().regex(/^[a-z_]{0,40}$/).optional(), before: z.coerce.number().int().positive().optional() }), c.req.query(), 'invalid_query');
    const lines = await auditLines(app.db, { kind: q.kind || undefined, before: q.before, limit: 100 });
    return c.html(<AuditPage staff={staffOf(c)} lines={lines} kind={q.kind || undefined} next={lines.length === 100 ? lines.at(-1)!.id : undefined} />);
  });
  return r;
}
