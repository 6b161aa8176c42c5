// API tokens as a page: your own (create, revoke); an administrator sees and revokes everyone's.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { createPersonalToken, listAllTokens, listPersonalTokens, revokeToken } from '../../services/tokens/personal.js';
import type { AdminFlash } from '../../ui/pages/admin/shared.js';
import { TokensPage } from '../../ui/pages/admin/tokens.js';
import { readForm, textFields } from '../form.js';
import { idParam } from '../input.js';
import { staffOf } from './staff-of.js';

const newToken = z.object({
  name: z.string().trim().min(1, 'Say what the token is for').max(100),
  expiresOn: z.union([z.iso.date('Enter the date it stops working, or leave it empty'), z.literal('')]).optional(),
});

export function tokenPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const render = async (c: Context<SessionVars>, flash?: AdminFlash, status: 200 | 400 | 404 = 200) => {
    const staff = c.get('staff');
    const all = staff.role === 'admin';
    const tokens = all ? await listAllTokens(app.db) : await listPersonalTokens(app.db, staff);
    return c.html(<TokensPage staff={staffOf(c)} tokens={tokens} all={all} {...(flash ? { flash } : {})} />, status);
  };
  r.use('*', async (c, next) => { await authorize(app, c.get('staff'), 'tokens.own'); await next(); });
  r.get('/', (c) => render(c));
  r.post('/', async (c) => {
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const parsed = newToken.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return render(c, { kind: 'error', text: issue.message, field: issue.path[0] === 'name' ? 'token-name' : 'token-expires' }, 400);
    }
    try {
      const expires = parsed.data.expiresOn ? new Date(`${parsed.data.expiresOn}T23:59:59Z`) : null;
      const made = await createPersonalToken(app.db, c.get('staff'), parsed.data.name, app.clock.now(), expires);
      return render(c, { kind: 'notice', text: `Token “${made.name}” created.`, secret: { label: 'The token', value: made.token } });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return render(c, { kind: 'error', text: error.message, field: 'token-expires' }, 400);
    }
  });
  r.post('/:id/revoke', async (c) => {
    checkCsrf(c.get('session'), textFields(await readForm(c))._csrf);
    try {
      await revokeToken(app.db, c.get('staff'), idParam(c), app.clock.now());
      return render(c, { kind: 'notice', text: 'Token revoked: it no longer works.' });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      return render(c, { kind: 'error', text: 'That token is not yours, or was already revoked.' }, 404);
    }
  });
  return r;
}
