// Administration: links to each admin page.
import { StaffLayout, type StaffContext } from '../../staff-layout.js';

export function AdminIndexPage(props: { staff: StaffContext }) {
  return (
    <StaffLayout staff={props.staff} title="Administration" current="/admin">
      <h1>Administration</h1>
      <ul class="links">
        <li><a href="/admin/users">Staff accounts</a>: add, change a role, reset a password, disable</li>
        <li><a href="/tokens">API tokens</a>: everyone’s, and revoke any</li>
        <li><a href="/admin/jobs">Failed jobs</a>: emails and deliveries that gave up, sent again</li>
        <li><a href="/admin/policy">Policy in force</a></li>
        <li><a href="/admin/audit">Audit log</a> of staff actions</li>
        <li>Subject access and erasure: from each candidate’s record (<a href="/find">find them</a>)</li>
      </ul>
    </StaffLayout>
  );
}
