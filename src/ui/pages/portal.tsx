// The applicant's pages: ask for a sign-in link, continue from it, and the status page.
import { checkSpecs } from '../../../workflows/checks.js';
import type { PortalView } from '../../services/portal/view.js';
import { Layout } from '../layout.js';
import { checkStatusWords, ownerWords, programmeWords, professionLabel, shortDate, stageLabel } from '../words.js';

export function PortalSignIn(props: { error?: string }) {
  return (
    <Layout title="Follow your application">
      <h1>Follow your application</h1>
      {props.error ? <div class="card error" role="alert"><p>{props.error}</p></div> : null}
      <form class="card" method="post" action="/portal/sign-in">
        <p>Enter the email address you applied with. We will email you a link to sign in; it works once and lasts 15 minutes.</p>
        <label for="email">Email address</label>
        <input type="email" id="email" name="email" autocomplete="email" required maxlength={320} />
        <button type="submit">Email me a sign-in link</button>
      </form>
    </Layout>
  );
}

export function PortalLinkSent() {
  return (
    <Layout title="Check your email">
      <h1>Check your email</h1>
      <div class="card notice"><p>If we have an application for that address, we have sent it a sign-in link. It lasts 15 minutes.</p>
        <p>No email? Check your spam folder, or <a href="/portal/sign-in">ask for another link</a>.</p></div>
    </Layout>
  );
}

export function PortalContinue(props: { action: string }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to your application</h1>
      <form class="card" method="post" action={props.action}>
        <p>Press the button to continue. (We ask so that email scanners cannot use your link.)</p>
        <button type="submit">Continue</button>
      </form>
    </Layout>
  );
}

export function PortalStatus(props: { view: PortalView; notice?: string }) {
  const v = props.view;
  const mine = v.checks.filter((c) => c.owner === 'candidate');
  return (
    <Layout title="Your application" signOut={{ action: '/portal/sign-out', csrf: v.csrf }}>
      <h1>Hello {v.firstName}</h1>
      <p class="muted">{programmeWords[v.programme]} · {professionLabel(v.profession)}</p>
      {props.notice ? <div class="card notice" role="status"><p>{props.notice}</p></div> : null}
      <section class="card" aria-labelledby="where">
        <h2 id="where">Where you are</h2>
        <ol class="steps">
          {v.steps.map((s) => (
            <li class={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
              {stageLabel(s.stage)}<span class="sr">{s.state === 'done' ? ' (done)' : s.state === 'current' ? ' (you are here)' : ''}</span>
            </li>
          ))}
        </ol>
        <h3>{v.applicantStatus.title}</h3>
        <p>{v.applicantStatus.detail}</p>
      </section>
      <section class="card" aria-labelledby="todo">
        <h2 id="todo">What you need to do</h2>
        {v.applicantStatus.owner === 'candidate' || mine.length ? (
          <ul>
            {v.applicantStatus.owner === 'candidate' && !mine.length ? <li>{v.applicantStatus.detail}</li> : null}
            {mine.map((c) => <li><strong>{checkSpecs[c.name].title}:</strong> {c.status === 'query_raised' ? 'we have a question for you: see our email.' : checkSpecs[c.name].candidateTask}</li>)}
          </ul>
        ) : (
          <p>Nothing right now. {v.status === 'in_progress' ? `Waiting for: ${ownerWords[v.applicantStatus.owner] ?? 'us'}. We will email you when you need to act.` : ''}</p>
        )}
      </section>
      {v.checks.length ? (
        <section class="card" aria-labelledby="checks">
          <h2 id="checks">Your pre-employment checks</h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Who acts</th></tr></thead>
            <tbody>{v.checks.map((c) => <tr><td>{checkSpecs[c.name].title}</td><td>{checkStatusWords[c.status] ?? c.status}</td><td>{ownerWords[c.owner]}</td></tr>)}</tbody>
          </table></div>
        </section>
      ) : null}
      <section class="card" aria-labelledby="documents">
        <h2 id="documents">Your documents</h2>
        {v.cv ? <p>CV: {v.cv.filename}, uploaded {shortDate(v.cv.uploadedAt)}.</p> : <p>You have not uploaded a CV.</p>}
      </section>
      <section class="card" aria-labelledby="emails">
        <h2 id="emails">Emails we have sent you</h2>
        {v.emails.length ? <ul>{v.emails.map((e) => <li>{shortDate(e.sentAt ?? e.createdAt)}: {e.subject}</li>)}</ul> : <p>None yet.</p>}
      </section>
      {v.canWithdraw ? (
        <section class="card" aria-labelledby="withdraw">
          <h2 id="withdraw">Withdraw your application</h2>
          <form method="post" action="/portal/withdraw">
            <input type="hidden" name="_csrf" value={v.csrf} />
            <label for="reason">Why are you withdrawing?<span class="hint">This helps us improve. It will not affect future applications.</span></label>
            <textarea id="reason" name="reason" rows={3} maxlength={2000} required></textarea>
            <div class="choice"><input type="checkbox" id="confirm" name="confirm" value="yes" required /><label for="confirm">I want to withdraw my application</label></div>
            <button class="warning" type="submit">Withdraw application</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
