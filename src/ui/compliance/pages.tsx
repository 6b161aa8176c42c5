// The compliance lead's pages: the dashboard (members by status, what expires in the next 30/60/90
// days, overdue by item and owner, the items that need someone, CSV), and a member's compliance
// page with the forms that record evidence and reviews.
import type { DueRow, LapsedCount } from '../../services/membership/dashboard.js';
import type { MembershipView } from '../../services/membership/view.js';
import { type ComplianceItem, complianceItems, itemWords, statusWords } from '../../../workflows/membership/items.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { shortDate } from '../words.js';
import { type FormError, RenewalForm, ReviewForms, fieldId, formKey } from './forms.js';
import { MemberPanel } from './member-panel.js';

const ownerWords: Record<string, string> = { member: 'The member', compliance_team: 'Compliance team', none: '–' };
const memberStatus: Record<string, string> = { compliant: 'Compliant', due_soon: 'Due soon', overdue: 'Overdue', suspended: 'Suspended' };

export interface DashboardData {
  byStatus: Record<string, number>; expiring: Record<30 | 60 | 90, number>; lapsed: LapsedCount[]; due: DueRow[]; days: number;
}

export function ComplianceDashboard(props: { staff: StaffContext; data: DashboardData }) {
  const d = props.data;
  return (
    <StaffLayout staff={props.staff} title="Compliance" current="/compliance">
      <h1>Bank members’ compliance</h1>
      <section class="card" aria-labelledby="by-status">
        <h2 id="by-status">Members by status</h2>
        <ul class="counts">{Object.entries(memberStatus).map(([k, label]) => <li><strong>{d.byStatus[k] ?? 0}</strong> {label}</li>)}</ul>
      </section>
      <section class="card" aria-labelledby="expiring">
        <h2 id="expiring">Running out soon</h2>
        <ul class="counts">{([30, 60, 90] as const).map((n) => <li><a href={`/compliance?days=${n}#due`}><strong>{d.expiring[n]}</strong> items in the next {n} days</a></li>)}</ul>
      </section>
      <section class="card" aria-labelledby="overdue">
        <h2 id="overdue">Overdue and suspended, by item and who must act</h2>
        <div class="table-wrap"><table class="report">
          <thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Who acts</th><th scope="col" class="num">Members</th></tr></thead>
          <tbody>
            {d.lapsed.length === 0 ? <tr><td colspan={4}>Nothing overdue or suspended.</td></tr> : null}
            {d.lapsed.map((r) => <tr><th scope="row">{itemWords[r.item as ComplianceItem] ?? r.item}</th><td>{statusWords[r.status as 'overdue']}</td><td>{ownerWords[r.owner] ?? r.owner}</td><td class="num">{r.n}</td></tr>)}
          </tbody>
        </table></div>
      </section>
      <section class="card" aria-labelledby="due">
        <h2 id="due">Items overdue or running out in the next {d.days} days</h2>
        <p class="download"><a href={`/compliance/items.csv?days=${d.days}`} download>Download these items (CSV)</a></p>
        <div class="table-wrap"><table class="report">
          <thead><tr><th scope="col">Member</th><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Who acts</th><th scope="col">In date until</th></tr></thead>
          <tbody>
            {d.due.length === 0 ? <tr><td colspan={5}>Nothing runs out in this time.</td></tr> : null}
            {d.due.map((r) => <tr><th scope="row"><a href={`/compliance/members/${r.candidateId}`}>{r.fullName}</a></th><td>{itemWords[r.item as ComplianceItem] ?? r.item}</td>
              <td>{statusWords[r.status as 'overdue'] ?? r.status}</td><td>{ownerWords[r.owner] ?? r.owner}</td><td>{r.dueOn ? shortDate(r.dueOn) : '–'}</td></tr>)}
          </tbody>
        </table></div>
      </section>
    </StaffLayout>
  );
}

export function MemberCompliancePage(props: {
  staff: StaffContext; fullName: string; view: MembershipView; history: { at: string; words: string }[]; canAct: boolean;
  done?: string | undefined; error?: FormError | undefined; retryType?: string | undefined; values?: Record<string, string> | undefined;
}) {
  const action = `/compliance/members/${props.view.candidateId}/events`;
  const v = props.view;
  const retryItem = props.values?.item;
  return (
    <StaffLayout staff={props.staff} title={`${props.fullName}: compliance`} current="/compliance">
      <p><a href={`/candidates/${v.candidateId}`}>{props.fullName}’s record</a> · <a href="/compliance">All members</a></p>
      <h1>{props.fullName}: compliance after hire</h1>
      {props.error ? <div class="card error" role="alert"><p>There is a problem</p><ul><li><a href={`#${fieldId(props.error.form, props.error.field)}`}>{props.error.message}</a></li></ul></div> : null}
      {props.done ? <div class="card notice" role="status"><p>Saved.</p></div> : null}
      <MemberPanel view={v} history={props.history} linkToPage={false} />
      {props.canAct ? <>
        <h2>Record renewal evidence</h2>
        {v.items.filter((i) => i.status !== 'not_required').map((i) => (
          <details open={props.retryType === 'itemRenewed' && retryItem === i.item}>
            <summary>{i.title} ({i.statusWords.toLowerCase()})</summary>
            <RenewalForm item={i.item} action={action} csrf={props.staff.csrf}
              values={props.retryType === 'itemRenewed' && retryItem === i.item ? props.values : undefined}
              error={props.error?.form === formKey('itemRenewed', i.item) ? props.error : undefined} />
          </details>
        ))}
        <h2>Reviews</h2>
        <ReviewForms action={action} csrf={props.staff.csrf} items={[...complianceItems]} values={props.values} error={props.error} type={props.retryType} />
      </> : <p>You can read this member’s compliance but not record evidence.</p>}
    </StaffLayout>
  );
}
