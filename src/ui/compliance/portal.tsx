// The member's own compliance page in the portal, for a phone: what is due and by when, and forms
// for what they may record themselves — a refresher's completion date (with the certificate's
// details) and consent to DBS Update Service status checks. Documents go through the application
// page's uploads; everything else the compliance team records from the evidence.
import type { MemberPortalView } from '../../services/membership/portal.js';
import { type ComplianceItem, isTraining, itemWords } from '../../../workflows/membership/items.js';
import { Layout } from '../layout.js';
import { shortDate } from '../words.js';

const memberWords: Record<string, string> = {
  compliant: 'In date', due_soon: 'Due soon: please renew', overdue: 'Run out: we cannot book you for shifts that need it', suspended: 'Under review by the compliance team', not_required: 'Not needed for your role',
};
export interface PortalError { field: string; message: string; values: Record<string, string> }

export function MemberCompliance(props: { members: MemberPortalView[]; csrf: string; saved?: boolean; error?: PortalError | undefined }) {
  const e = props.error;
  const v = (name: string) => e?.values[name] ?? '';
  return (
    <Layout title="Your compliance" signOut={{ action: '/portal/sign-out', csrf: props.csrf }} narrow>
      <p><a href="/portal">Your applications</a></p>
      <h1>Keeping your bank membership up to date</h1>
      {e ? <div class="card error" role="alert"><p>There is a problem</p><ul><li><a href={`#${e.field}`}>{e.message}</a></li></ul></div> : null}
      {props.saved ? <div class="card notice" role="status"><p>Thank you: saved.</p></div> : null}
      {props.members.length === 0 ? <div class="card"><p>You are not a bank member yet. Once you have worked your first shift, what you need to keep up to date shows here.</p></div> : null}
      {props.members.map((m) => {
        const due = m.view.items.filter((i) => i.status !== 'compliant' && i.status !== 'not_required');
        const training = m.view.items.filter((i) => isTraining(i.item));
        return (
          <section class="card">
            <h2>{m.view.bookable ? 'You can book shifts' : 'We cannot book you for shifts right now'}</h2>
            {due.length ? <ul>{due.map((i) => <li><strong>{i.title}</strong>: {memberWords[i.status]}{i.dueOn ? ` (${i.status === 'overdue' ? 'last day in date' : 'in date until'} ${shortDate(i.dueOn)})` : ''}</li>)}</ul> : <p>Everything is in date.</p>}
            <p>To send us a certificate or another document, use the upload on your applications page. Your DBS, right to work, registration and occupational health are renewed by the compliance team from what you send.</p>
            <details><summary>Everything we keep in date for you</summary>
              <ul>{m.view.items.filter((i) => i.status !== 'not_required').map((i) => <li>{i.title}: {memberWords[i.status]}{i.dueOn ? `, until ${shortDate(i.dueOn)}` : ''}</li>)}</ul>
            </details>
            <form method="post" action="/portal/compliance/events">
              <h3>I have completed training</h3>
              <input type="hidden" name="_csrf" value={props.csrf} /><input type="hidden" name="_type" value="itemRenewed" /><input type="hidden" name="candidateId" value={m.candidateId} />
              <div class="field"><label for="item">Which training</label>
                <select id="item" name="item"><option value="">Choose…</option>{training.map((i) => <option value={i.item} selected={v('item') === i.item}>{itemWords[i.item as ComplianceItem]}</option>)}</select></div>
              <div class="field"><label for="completedOn">Date you completed it<span class="hint">As on your certificate</span></label>
                {e?.field === 'completedOn' ? <span class="error-message">{e.message}</span> : null}<input type="date" id="completedOn" name="completedOn" value={v('completedOn')} /></div>
              <div class="field"><label for="provider">Who provided it (optional)</label><input type="text" id="provider" name="provider" value={v('provider')} /></div>
              <div class="field"><label for="certificateReference">Certificate number or reference (optional)</label><input type="text" id="certificateReference" name="certificateReference" value={v('certificateReference')} /></div>
              <button type="submit">Send</button>
            </form>
            <form method="post" action="/portal/compliance/events">
              <h3>DBS Update Service</h3>
              <p>If your DBS certificate is on the Update Service, we can check its status online each year instead of asking you for a new check.</p>
              <input type="hidden" name="_csrf" value={props.csrf} /><input type="hidden" name="_type" value="updateServiceConsented" /><input type="hidden" name="candidateId" value={m.candidateId} />
              <div class="field"><label for="subscribedOn">Date you joined the Update Service</label>
                {e?.field === 'subscribedOn' ? <span class="error-message">{e.message}</span> : null}<input type="date" id="subscribedOn" name="subscribedOn" value={v('subscribedOn')} /></div>
              <div class="field"><label><input type="checkbox" id="consent" name="consent" value="true" /> I agree that you may check my certificate’s status on the Update Service</label></div>
              <button type="submit">Give consent</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
