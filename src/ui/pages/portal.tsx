// The applicant's pages: ask for a sign-in link, continue from it, and the status page.
import { checkSpecs } from '../../../workflows/checks.js';
import type { ApplicationView, PortalView } from '../../services/portal/view.js';
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

/** Every application made with the applicant's address, newest first, each with its own withdraw form. */
export function PortalStatus(props: { view: PortalView; notice?: string }) {
  const v = props.view;
  const several = v.applications.length > 1;
  return (
    <Layout title="Your applications" signOut={{ action: '/portal/sign-out', csrf: v.csrf }}>
      <h1>{v.firstName ? `Hello ${v.firstName}` : 'Your applications'}</h1>
      {props.notice ? <div class="card notice" role="status"><p>{props.notice}</p></div> : null}
      {several ? <p>We have {v.applications.length} applications made with your email address. If one of them is not yours, withdraw it and tell us why.</p> : null}
      {v.applications.length ? v.applications.map((a) => <Application a={a} csrf={v.csrf} several={several} />) : <div class="card"><p>There are no applications with your email address any more.</p></div>}
    </Layout>
  );
}

function Application(props: { a: ApplicationView; csrf: string; several: boolean }) {
  const { a } = props;
  const mine = a.checks.filter((c) => c.owner === 'candidate');
  const id = (name: string) => `${name}-${a.id}`;
  return (
    <article class="application" aria-labelledby={id('title')}>
      <h2 id={id('title')}>{programmeWords[a.programme]} · {professionLabel(a.profession)}</h2>
      <p class="muted">Applied {shortDate(a.appliedAt)}{props.several ? ` as ${a.fullName}` : ''}</p>
      <p><a class="button" href={`/portal/applications/${a.id}`}>Open this application<span class="sr">: {programmeWords[a.programme]}, {professionLabel(a.profession)}</span></a></p>
      <section class="card" aria-labelledby={id('where')}>
        <h3 id={id('where')}>Where you are</h3>
        <ol class="steps">
          {a.steps.map((s) => (
            <li class={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
              {stageLabel(s.stage)}<span class="sr">{s.state === 'done' ? ' (done)' : s.state === 'current' ? ' (you are here)' : ''}</span>
            </li>
          ))}
        </ol>
        <h4>{a.applicantStatus.title}</h4>
        <p>{a.applicantStatus.detail}</p>
      </section>
      <section class="card" aria-labelledby={id('todo')}>
        <h3 id={id('todo')}>What you need to do</h3>
        {a.applicantStatus.owner === 'candidate' || mine.length ? (
          <ul>
            {a.applicantStatus.owner === 'candidate' && !mine.length ? <li>{a.applicantStatus.detail}</li> : null}
            {mine.map((c) => <li><strong>{checkSpecs[c.name].title}:</strong> {c.status === 'query_raised' ? 'we have a question for you: open this application to answer it.' : checkSpecs[c.name].candidateTask}</li>)}
          </ul>
        ) : (
          <p>Nothing right now. {a.status === 'in_progress' ? `Waiting for: ${ownerWords[a.applicantStatus.owner] ?? 'us'}. We will email you when you need to act.` : ''}</p>
        )}
      </section>
      {a.checks.length ? (
        <section class="card" aria-labelledby={id('checks')}>
          <h3 id={id('checks')}>Your pre-employment checks</h3>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Who acts</th></tr></thead>
            <tbody>{a.checks.map((c) => <tr><td>{checkSpecs[c.name].title}</td><td>{checkStatusWords[c.status] ?? c.status}</td><td>{ownerWords[c.owner]}</td></tr>)}</tbody>
          </table></div>
        </section>
      ) : null}
      <section class="card" aria-labelledby={id('documents')}>
        <h3 id={id('documents')}>Your documents</h3>
        {a.cv ? <p>CV: {a.cv.filename}, uploaded {shortDate(a.cv.uploadedAt)}.</p> : <p>You have not uploaded a CV.</p>}
      </section>
      <section class="card" aria-labelledby={id('emails')}>
        <h3 id={id('emails')}>Emails we have sent you</h3>
        {a.emails.length ? <ul>{a.emails.map((e) => <li>{shortDate(e.sentAt ?? e.createdAt)}: {e.subject}</li>)}</ul> : <p>None yet.</p>}
      </section>
      {a.canWithdraw ? (
        <section class="card" aria-labelledby={id('withdraw')}>
          <h3 id={id('withdraw')}>Withdraw this application</h3>
          <form method="post" action="/portal/withdraw">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <input type="hidden" name="application" value={a.id} />
            <label for={id('reason')}>Why are you withdrawing?<span class="hint">This helps us improve. It will not affect future applications.</span></label>
            <textarea id={id('reason')} name="reason" rows={3} maxlength={2000} required></textarea>
            <div class="choice"><input type="checkbox" id={id('confirm')} name="confirm" value="yes" required /><label for={id('confirm')}>I want to withdraw this application</label></div>
            <button class="warning" type="submit">Withdraw application</button>
          </form>
        </section>
      ) : null}
    </article>
  );
}
