// The audit log of staff actions and security events, newest first, in words.
import type { AuditLine } from '../../../services/audit/list.js';
import { StaffLayout, type StaffContext } from '../../staff-layout.js';
import { when } from './shared.js';

export const auditWords: Record<string, string> = {
  sign_in: 'Signed in', sign_in_failed: 'Failed sign-in', sign_in_throttled: 'Sign-in slowed down (too many tries)', sign_out: 'Signed out',
  permission_denied: 'Refused: not allowed', user_created: 'Staff account added', password_reset: 'Password reset', password_changed: 'Changed own password',
  user_disabled: 'Staff account disabled', role_changed: 'Role changed', token_created: 'API token created', token_revoked: 'API token revoked',
  magic_link_sent: 'Sign-in link sent to an applicant', applicant_sign_in: 'Applicant signed in', subject_access_export: 'Personal data downloaded (subject access)',
  erasure: 'Personal data erased', retention: 'Old records erased (retention)', dbs_details_viewed: 'DBS details viewed', cv_viewed: 'CV opened',
  webhook_created: 'Webhook added', webhook_deleted: 'Webhook removed', import_started: 'Import started', job_retried: 'Failed job sent again',
};

export function AuditPage(props: { staff: StaffContext; lines: AuditLine[]; kind?: string | undefined; next?: number | undefined }) {
  return (
    <StaffLayout staff={props.staff} title="Audit log" current="/admin">
      <p><a href="/admin">Administration</a></p>
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" class="filters">
        <div><label for="audit-kind">What happened</label>
          <select id="audit-kind" name="kind"><option value="">Everything</option>{Object.entries(auditWords).map(([v, l]) => <option value={v} selected={props.kind === v}>{l}</option>)}</select></div>
        <button type="submit">Show</button>
      </form>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">About</th></tr></thead>
        <tbody>{props.lines.map((l) => (
          <tr><td>{when(l.at)}</td><th scope="row">{auditWords[l.kind] ?? 'Other'}</th>
            <td>{l.actorName ?? (l.actorType === 'anonymous' ? 'Someone not signed in' : l.actorType === 'system' ? 'Intake, automatically' : l.actorType === 'token' ? 'A program using an API token' : 'A member of staff')}</td>
            <td>{l.subjectName ?? (l.subjectId ? <a href={`/candidates/${l.subjectId}`}>Record</a> : '—')}</td></tr>
        ))}</tbody>
      </table></div>
      {props.next ? <p><a href={`/admin/audit?${new URLSearchParams({ ...(props.kind ? { kind: props.kind } : {}), before: String(props.next) })}`}>Older entries</a></p> : null}
    </StaffLayout>
  );
}
