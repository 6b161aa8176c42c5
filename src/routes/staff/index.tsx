// Staff pages (session cookie). Each area is its own router; every page checks the permission
// table on the server, as the API does.
import { Hono } from 'hono';
import { sameOriginForms } from '../../auth/same-origin.js';
import { type SessionVars, staffSession } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { boardPages } from './board.js';
import { candidatePages } from './candidate.js';
import { mailboxPages } from './mailbox.js';
import { cohortPages } from './cohorts.js';
import { reportPages } from './reports.js';
import { importPages } from './imports.js';
import { findPages } from './find.js';
import { adminPages } from './admin.js';
import { tokenPages } from './tokens.js';
import { staffPortalPages } from './portal.js';

export function staffPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  for (const area of ['/board', '/candidates', '/cohorts', '/reports', '/mailbox', '/imports', '/find', '/admin', '/tokens']) {
    r.use(area, staffSession(app), sameOriginForms(app.settings.publicUrl));
    r.use(`${area}/*`, staffSession(app), sameOriginForms(app.settings.publicUrl));
  }
  r.route('/board', boardPages(app));
  r.route('/candidates', candidatePages(app));
  r.route('/candidates', staffPortalPages(app));
  r.route('/mailbox', mailboxPages(app));
  r.route('/cohorts', cohortPages(app));
  r.route('/reports', reportPages(app));
  r.route('/imports', importPages(app));
  r.route('/find', findPages(app));
  r.route('/admin', adminPages(app));
  r.route('/tokens', tokenPages(app));
  return r;
}
