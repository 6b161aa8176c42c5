// The shell of every staff page: navigation by role, who is signed in, sign-out (with CSRF).
import type { Child } from 'hono/jsx';
import { allows } from '../auth/permissions.js';
import type { SessionVars } from '../auth/session.js';
import { Layout } from './layout.js';

export type StaffContext = SessionVars['Variables']['staff'] & { csrf: string };

export function StaffLayout(props: { staff: StaffContext; title: string; current: string; children: Child; narrow?: boolean }) {
  const role = props.staff.role;
  const nav = [
    { href: '/board', label: 'Pipeline' },
    { href: '/find', label: 'Find' },
    ...(allows(role, 'cohorts.read') ? [{ href: '/cohorts', label: 'Cohorts' }] : []),
    { href: '/reports', label: 'Reports' },
    { href: '/compliance', label: 'Compliance' },
    ...(allows(role, 'candidates.create') ? [{ href: '/imports', label: 'Import' }] : []),
    { href: '/mailbox', label: 'Mailbox' },
    ...(allows(role, 'users.manage') ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <Layout title={props.title} nav={nav} current={props.current} signOut={{ action: '/sign-out', csrf: props.staff.csrf }} narrow={props.narrow ?? false}>
      <p class="muted">Signed in as {props.staff.user.name} ({role}) · <a href="/account/password">Change your password</a> · <a href="/tokens">Your API tokens</a></p>
      {props.children}
    </Layout>
  );
}
