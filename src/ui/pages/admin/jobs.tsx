// Jobs that gave up (emails, webhooks, CV parsing): why, and a button to send them again.
import { StaffLayout, type StaffContext } from '../../staff-layout.js';
import { type AdminFlash, Flash, PostButton, when } from './shared.js';

const kindWords: Record<string, string> = { email: 'Email', webhook: 'Webhook delivery', 'cv.parse': 'CV reading', timer: 'Timer', import: 'Import' };

export interface DeadJobRow { id: number; kind: string; attempts: number; lastError: string | null; template: string | null; to: string | null; finishedAt: string | null }

export function JobsPage(props: { staff: StaffContext; jobs: DeadJobRow[]; canRetry: boolean; flash?: AdminFlash }) {
  return (
    <StaffLayout staff={props.staff} title="Failed jobs" current="/admin">
      <p><a href="/admin">Administration</a></p>
      <h1>Failed jobs</h1>
      <p>Work Intake tried and gave up on after its attempts ran out. Sending one again starts its attempts afresh.</p>
      <Flash flash={props.flash} />
      {props.jobs.length ? (
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">What</th><th scope="col">To</th><th scope="col">Attempts</th><th scope="col">Why it failed</th><th scope="col">Gave up</th><th scope="col">Action</th></tr></thead>
          <tbody>{props.jobs.map((j) => (
            <tr><th scope="row">{kindWords[j.kind] ?? 'Background work'}</th><td>{j.to ?? '—'}</td><td>{j.attempts}</td><td>{j.lastError ?? '—'}</td><td>{when(j.finishedAt)}</td>
              <td>{props.canRetry ? <PostButton action={`/admin/jobs/${j.id}/retry`} csrf={props.staff.csrf} label="Send again" /> : '—'}</td></tr>
          ))}</tbody>
        </table></div>
      ) : <p>None: nothing has failed.</p>}
    </StaffLayout>
  );
}
