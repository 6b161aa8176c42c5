import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { shortDate } from '../words.js';

/** A template's name in words ("referenceRequest" → "Reference request"): staff never read keys. */
const templateWords = (t: string) => t.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());

type Item = { id: string; to: string; subject: string; template: string; status: string; createdAt: string; sentAt: string | null };

export function MailboxPage(props: { staff: StaffContext; to: string | undefined; items: Item[] }) {
  return (
    <StaffLayout staff={props.staff} title="Mailbox" current="/mailbox">
      <h1>Development mailbox</h1>
      <div class="card notice"><p>This mailbox is for development and demonstrations. With no email provider configured
        (RESEND_API_KEY), emails are kept here instead of being sent. One-time links (sign-in and reference links) are hidden:
        staff may send a candidate a new sign-in link from their record, never read one.</p></div>
      <form class="filters" method="get" action="/mailbox" role="search">
        <div><label for="to">Recipient</label><input type="email" id="to" name="to" value={props.to ?? ''} /></div>
        <button type="submit">Show</button>
      </form>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Kind of email</th></tr></thead>
        <tbody>{props.items.length ? null : <tr><td colspan={4}>{props.to ? 'No emails to this address.' : 'No emails yet.'}</td></tr>}{props.items.map((m) => <tr><td>{shortDate(m.sentAt ?? m.createdAt)}</td><td>{m.to}</td><td><a href={`/mailbox/${m.id}`}>{m.subject}</a></td><td>{templateWords(m.template)}</td></tr>)}</tbody>
      </table></div>
    </StaffLayout>
  );
}

/** The plain-text part: the HTML part would need the email's inline styles, which the CSP forbids. */
export function MailboxMessagePage(props: { staff: StaffContext; message: Item & { text: string; attachments: { filename: string }[] } }) {
  const m = props.message;
  return (
    <StaffLayout staff={props.staff} title={m.subject} current="/mailbox" narrow>
      <p><a href="/mailbox">Back to the mailbox</a></p>
      <h1>{m.subject}</h1>
      <p class="muted">Development mailbox: one-time links in this message are hidden.</p>
      <dl class="summary card"><dt>To</dt><dd>{m.to}</dd><dt>Sent</dt><dd>{shortDate(m.sentAt ?? m.createdAt)}</dd><dt>Kind of email</dt><dd>{templateWords(m.template)}</dd>
        {m.attachments.length ? <><dt>Attachments</dt><dd>{m.attachments.map((a) => a.filename).join(', ')}</dd></> : null}</dl>
      <pre class="card mail">{m.text}</pre>
    </StaffLayout>
  );
}
