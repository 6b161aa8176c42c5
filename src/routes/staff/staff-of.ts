import type { Context } from 'hono';
import type { SessionVars } from '../../auth/session.js';

/** The signed-in member of staff with the session's CSRF token, for the layout and forms. */
export const staffOf = (c: Context<SessionVars>) =>
  ({ ...c.get('staff'), csrf: c.get('session').csrf });
