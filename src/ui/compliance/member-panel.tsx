// A member's compliance on their record, for staff: bookable or not and why, each item with its
// status, who must act, its due date and the evidence that last renewed it, and the history in
// words. Forms to record evidence live on the member's compliance page (/compliance/members/:id).
import type { MembershipView } from '../../services/membership/view.js';
import { optionWords } from '../staff/field-words.js';
import { professionLabel, shortDate } from '../words.js';

const ownerWords: Record<string, string> = { member: 'The member', compliance_team: 'Compliance team', none: '–' };
const evidenceKeys: Record<string, string> = {
  issueDate: 'issued', level: 'level', statusCheckedOn: 'Update Service check', checkedOn: 'checked', permission: 'permission', permissionExpiresOn: 'until',
  body: 'register', number: 'number', renewalDueOn: 'renewal due', revalidationDueOn: 'revalidation due', assessedOn: 'assessed', outcome: 'outcome',
  completedOn: 'completed', provider: 'provider', certificateReference: 'certificate', updateServiceSubscribedOn: 'on the Update Service since',
};

/** The evidence in words: "issued 2026-01-03 · level enhanced adults barred". */
export function evidenceWords(e: Record<string, unknown> | null): string {
  if (!e) return 'None recorded';
  // A choice in its words ("enhanced with both barred lists"), never its key; acronyms keep their capitals.
  const choice = (v: string) => (optionWords[v] ?? v.replace(/_/g, ' ')).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  const value = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? shortDate(v) : choice(v));
  return Object.entries(e).filter(([k, v]) => evidenceKeys[k] && typeof v === 'string').map(([k, v]) => `${evidenceKeys[k]} ${value(String(v))}`).join(' · ') || 'Recorded';
}

export function MemberPanel(props: { view: MembershipView; history: { at: string; words: string }[]; compact?: boolean; linkToPage?: boolean }) {
  const v = props.view;
  const blocking = v.items.filter((i) => (i.status === 'overdue' || i.status === 'suspended') && i.roles.includes(v.role));
  return (
    <section class="card" aria-labelledby="membership">
      <h2 id="membership">Compliance after hire</h2>
      <p class={v.bookable ? 'ok' : 'error'}><strong>{v.bookable ? `Bookable as ${professionLabel(v.role).toLowerCase()}` : `Not bookable as ${professionLabel(v.role).toLowerCase()}`}</strong>
        {v.bookable ? null : <> since {shortDate(v.unbookableSince ?? v.hiredAt)}: {blocking.map((i) => i.title).join(', ')}</>}</p>
      <div class="table-wrap">
        <table class="report">
          <caption>Compliance items</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Who acts</th><th scope="col">In date until</th><th scope="col">Last renewed by</th></tr></thead>
          <tbody>
            {v.items.filter((i) => i.status !== 'not_required' || !props.compact).map((i) => (
              <tr><th scope="row">{i.title}</th><td><span class={`status ${i.status}`}>{i.statusWords}</span></td><td>{ownerWords[i.owner] ?? i.owner}</td>
                <td>{i.dueOn ? shortDate(i.dueOn) : i.status === 'not_required' ? '–' : 'No expiry'}</td><td>{evidenceWords(i.evidence)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>History</h3>
      <ol class="history">{props.history.map((h) => <li><time datetime={h.at}>{shortDate(h.at)}</time> {h.words}</li>)}</ol>
      {props.linkToPage === false ? null : <p><a href={`/compliance/members/${v.candidateId}`}>Record evidence or a review</a></p>}
    </section>
  );
}
