// One application in the portal, with the steps that are the applicant's now: the offer, an
// interview time, a question on a check, referees, right to work and documents. Every form works
// without script, at 320 px and by keyboard; a refused form comes back with its values, a summary
// of what to fix linked to the fields, and each field's own message.
import { checkSpecs } from '../../../workflows/checks.js';
import type { CheckName } from '../../../workflows/types.js';
import { dateTime, longDate } from '../../email/templates/format.js';
import type { ApplicationPage } from '../../services/portal/application.js';
import { documentKinds, kindsFor } from '../../services/documents/kinds.js';
import { Layout } from '../layout.js';
import { checkStatusWords, ownerWords, programmeWords, professionLabel, shortDate, stageLabel } from '../words.js';
import { ErrorSummary, Field, type FieldError, Radios, Select, TextArea } from './form-bits.js';

/** A form that was refused: which one, what to fix, and what was typed. */
export interface Problem { form: string; errors: FieldError[]; values: Record<string, string> }

const base = (id: string) => `/portal/applications/${id}`;

function Hidden(props: { csrf: string; version: number }) {
  return <><input type="hidden" name="_csrf" value={props.csrf} /><input type="hidden" name="_version" value={String(props.version)} /></>;
}

export function PortalApplication(props: { page: ApplicationPage; csrf: string; problem?: Problem | undefined; notice?: string | undefined }) {
  const { page: p, csrf } = props;
  const a = p.application;
  const problem = props.problem;
  const errs = (form: string) => (problem?.form === form ? problem.errors : undefined);
  const val = (form: string, name: string) => (problem?.form === form ? problem.values[name] : undefined);
  const h = { csrf, version: p.version };
  const url = base(a.id);
  const uploadable = p.documentChecks.filter((ch) => kindsFor(ch).length);
  const awaiting = new Set(a.checks.filter((ch) => ch.status === 'awaiting_candidate').map((ch) => ch.name));
  return (
    <Layout title={`${programmeWords[a.programme]} · ${professionLabel(a.profession)}`} signOut={{ action: '/portal/sign-out', csrf }}>
      <p><a href="/portal">All your applications</a></p>
      <h1>{programmeWords[a.programme]} · {professionLabel(a.profession)}</h1>
      <p class="muted">Applied {shortDate(a.appliedAt)} as {a.fullName}</p>
      {problem ? <ErrorSummary errors={problem.errors} /> : null}
      {props.notice ? <div class="card notice" role="status"><p>{props.notice}</p></div> : null}

      <section class="card" aria-labelledby="where">
        <h2 id="where">Where you are</h2>
        <ol class="steps">
          {a.steps.map((s) => <li class={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>{stageLabel(s.stage)}<span class="sr">{s.state === 'done' ? ' (done)' : s.state === 'current' ? ' (you are here)' : ''}</span></li>)}
        </ol>
        <h3>{a.applicantStatus.title}</h3>
        <p>{a.applicantStatus.detail}</p>
        {p.interviewSlots.length ? <p><strong>Your part now:</strong> choose one of the interview times below.</p>
          : a.status === 'in_progress' && a.applicantStatus.owner !== 'candidate' ? <p class="muted">Waiting for: {ownerWords[a.applicantStatus.owner] ?? 'us'}.</p> : null}
      </section>

      {p.canAnswerOffer ? (
        <section class="card" aria-labelledby="offer">
          <h2 id="offer">Your conditional offer</h2>
          {p.offer ? <p>We have offered you a place on the staff bank{p.offer.band ? ` (${p.offer.band})` : ''}, subject to the pre-employment checks. Please answer by {longDate(p.offer.expiresAt)}.</p> : null}
          <form method="post" action={`${url}/offer`} novalidate>
            <Hidden {...h} />
            <Radios name="decision" legend="Do you accept the offer?" errors={errs('offer')} value={val('offer', 'decision')}
              options={[{ value: 'accept', label: 'Yes, I accept the offer' }, { value: 'decline', label: 'No, I decline the offer' }]} />
            <TextArea name="reason" label="If you decline, please tell us why" hint="This helps us improve. It will not affect future applications." errors={errs('offer')} value={val('offer', 'reason')} />
            <button type="submit">Send my answer</button>
          </form>
        </section>
      ) : null}

      {p.interviewSlots.length ? (
        <section class="card" aria-labelledby="interview">
          <h2 id="interview">Choose your interview time</h2>
          <form method="post" action={`${url}/interview`} novalidate>
            <Hidden {...h} />
            <Radios name="interviewAt" legend="Which time suits you?" hint="We will email you a calendar invitation." errors={errs('interview')} value={val('interview', 'interviewAt')}
              options={p.interviewSlots.map((s) => ({ value: s.at, label: `${dateTime(s.at)}, at ${s.location}` }))} />
            <button type="submit">Book this time</button>
          </form>
        </section>
      ) : p.interview && a.steps.some((s) => s.stage === 'interview' && s.state === 'current') ? (
        <section class="card" aria-labelledby="interview">
          <h2 id="interview">Your interview</h2>
          <p>{dateTime(p.interview.at)}, at {p.interview.location}.</p>
        </section>
      ) : null}

      {p.queries.map((q) => (
        <section class="card" aria-labelledby={`query-${q.check}`}>
          <h2 id={`query-${q.check}`}>{checkSpecs[q.check].title}: we have a question</h2>
          <blockquote><p>{q.question}</p></blockquote>
          <p class="muted">Asked {shortDate(q.raisedAt)}</p>
          <form method="post" action={`${url}/queries/${q.check}`} enctype="multipart/form-data" novalidate>
            <Hidden {...h} />
            <TextArea name="answer" label="Your answer" errors={errs(`query-${q.check}`)} value={val(`query-${q.check}`, 'answer')} />
            <Field type="file" name="file" label="A document, if you have one (optional)" hint="PDF, JPEG or PNG, up to 10 MB." accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" errors={errs(`query-${q.check}`)} />
            <button type="submit">Send my answer</button>
          </form>
        </section>
      ))}

      {p.canGiveReferees || p.referees.length ? (
        <section class="card" aria-labelledby="referees">
          <h2 id="referees">Your referees</h2>
          {p.referees.length ? (
            <ul>{p.referees.map((r) => <li>{r.name}, {r.organisation}{r.coversFrom ? ` (${longDate(r.coversFrom)} to ${r.coversTo ? longDate(r.coversTo) : 'now'})` : ''}</li>)}</ul>
          ) : null}
          {p.canGiveReferees ? (
            <>
              <p>We need {p.referencesRequired} referees who together cover the last 3 years, including your two most recent employers. We will ask them straight away.</p>
              <a class="button" href={`${url}/referees`}>Give your referees</a>
            </>
          ) : <p>We have asked your referees. Status: {(checkStatusWords[a.checks.find((c) => c.name === 'references')?.status ?? ''] ?? 'in progress').toLowerCase()}.</p>}
        </section>
      ) : null}

      {p.canGiveRightToWork ? (
        <section class="card" aria-labelledby="rtw">
          <h2 id="rtw">Your right to work</h2>
          <p>If you have a Home Office share code, give it with your date of birth and we will check it online. Otherwise, upload your passport or other document below and bring the original.</p>
          <form method="post" action={`${url}/right-to-work`} novalidate>
            <Hidden {...h} />
            <Radios name="route" legend="How will you prove your right to work?" errors={errs('rtw')} value={val('rtw', 'route')}
              options={[{ value: 'share_code', label: 'With a share code' }, { value: 'documents', label: 'With my documents (British or Irish passport, birth certificate, or another document)' }]} />
            <Field name="shareCode" label="Share code" hint="9 letters and numbers, for example W9K 4X2 P7Q. Get one at gov.uk/prove-right-to-work." errors={errs('rtw')} value={val('rtw', 'shareCode')} maxlength={20} autocomplete="off" />
            <Field type="date" name="dateOfBirth" label="Date of birth" hint="Needed with a share code." errors={errs('rtw')} value={val('rtw', 'dateOfBirth')} autocomplete="bday" />
            <button type="submit">Send</button>
          </form>
        </section>
      ) : null}

      {uploadable.length || p.documents.length ? (
        <section class="card" aria-labelledby="documents">
          <h2 id="documents">Your documents</h2>
          {p.documents.length ? (
            <div class="table-wrap"><table>
              <caption>Documents you have sent us</caption>
              <thead><tr><th scope="col">Document</th><th scope="col">For</th><th scope="col">Sent</th></tr></thead>
              <tbody>{p.documents.map((d) => <tr><td><a href={`${url}/documents/${d.id}`}>{d.kindLabel}<span class="sr"> ({d.filename})</span></a></td><td>{checkSpecs[d.check].title}</td><td>{shortDate(d.createdAt)}</td></tr>)}</tbody>
            </table></div>
          ) : <p>You have not sent any documents yet.</p>}
          {uploadable.length ? (
            <form method="post" action={`${url}/documents`} enctype="multipart/form-data" novalidate>
              <Hidden {...h} />
              <h3>Send a document</h3>
              <p class="hint">We never need a copy of a DBS certificate: show the original to your recruiter.</p>
              <Select name="document" label="What is it?" errors={errs('documents')} value={val('documents', 'document')}
                options={uploadable.flatMap((ch) => kindsFor(ch).map((k) => ({ value: `${ch}/${k}`, label: documentKinds[k].label, group: checkSpecs[ch].title })))} />
              <Field type="file" name="file" label="The file" hint="A PDF, or a photo (JPEG or PNG), up to 10 MB. Make sure every corner is in the picture." accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" errors={errs('documents')} />
              <button type="submit">Upload</button>
            </form>
          ) : null}
          {uploadable.filter((ch) => awaiting.has(ch) && p.documents.some((d) => d.check === ch)).map((ch: CheckName) => (
            <form method="post" action={`${url}/documents/done`}>
              <Hidden {...h} />
              <input type="hidden" name="check" value={ch} />
              <button class="secondary" type="submit">I have sent all my documents for the {checkSpecs[ch].title.toLowerCase()}</button>
            </form>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
