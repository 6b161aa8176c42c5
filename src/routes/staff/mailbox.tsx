// The local development mailbox for staff: what the mailbox transport "sent" about candidates the
// reader may see, as the recipient saw it but with every one-time link redacted.
import { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { SessionVars } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { mailbox, mailboxMessage } from '../../services/emails/list.js';
import { MailboxMessagePage, MailboxPage } from '../../ui/pages/mailbox.js';
import { idParam, parseWith } from '../input.js';
import { staffOf } from './staff-of.js';

const query = z.object({ to: z.union([z.email(), z.literal('')]).optional().transform((v) => v || undefined) });

export function mailboxPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.get('/', async (c) => {
    await authorize(app, c.get('staff'), 'mailbox.read');
    const { to } = parseWith(query, c.req.query(), 'invalid_query');
    return c.html(<MailboxPage staff={staffOf(c)} to={to} items={await mailbox(app.db, { to, limit: 100, programmes: programmesFor(c.get('staff').role, 'mailbox.read') })} />);
  });
  r.get('/:id', async (c) => {
    await authorize(app, c.get('staff'), 'mailbox.read');
    return c.html(<MailboxMessagePage staff={staffOf(c)} message={await mailboxMessage(app.db, idParam(c, 'The email'), programmesFor(c.get('staff').role, 'mailbox.read'))} />);
  });
  return r;
}
