// /account/password: a member of staff changes their own password. A temporary password (a new
// account's, a reset's) leads here at sign-in and opens no other page until it is changed.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import { type SessionVars, checkCsrf, staffSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { changeOwnPassword } from '../../services/users/manage.js';
import { ChangePasswordPage, type PasswordErrors } from '../../ui/pages/account.js';
import { staffOf } from '../staff/staff-of.js';
import { readForm, textFields } from '../form.js';

const passwordForm = z.object({
  current: z.string().min(1, 'Enter your current password.').max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Your new password must be at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, 'Your new password must be at most 200 characters.'),
  confirmPassword: z.string().max(200),
}).refine((f) => f.newPassword === f.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords are not the same.' });

export function accountPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.use('/account/*', staffSession(app), sameOriginForms(app.settings.publicUrl));

  const page = (c: Context<SessionVars>, extra: { errors?: PasswordErrors; done?: boolean } = {}, status: 200 | 400 = 200) =>
    c.html(<ChangePasswordPage staff={staffOf(c)} mustChange={c.get('staff').user.mustChangePassword} minLength={MIN_PASSWORD_LENGTH} {...extra} />, status);

  r.get('/account/password', (c) => page(c, { done: c.req.query('done') === '1' }));

  r.post('/account/password', async (c) => {
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const parsed = passwordForm.safeParse(form);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]).reverse()) as PasswordErrors;
      return page(c, { errors }, 400);
    }
    const staff = c.get('staff');
    const result = await changeOwnPassword(app.db, staff.user.id, parsed.data.current, parsed.data.newPassword, c.get('session').idHash, app.clock.now());
    if (!result.ok) return page(c, { errors: { [result.field]: result.message } }, 400);
    return c.redirect(staff.user.mustChangePassword ? '/board' : '/account/password?done=1', 303);
  });
  return r;
}
