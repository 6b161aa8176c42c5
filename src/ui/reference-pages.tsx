// The referee's pages: the form behind the one-time link, and clear pages for every other case.
import { Layout } from './layout.js';
import type { OpenRequest, LinkState } from '../services/references/answer.js';

export function ReferenceForm(props: { request: OpenRequest; action: string; errors?: string[] }) {
  const { request } = props;
  const yesNo = (name: string, legend: string) => (
    <fieldset>
      <legend>{legend}</legend>
      <div class="choice"><input type="radio" id={`${name}-yes`} name={name} value="yes" required /><label for={`${name}-yes`}>Yes</label></div>
      <div class="choice"><input type="radio" id={`${name}-no`} name={name} value="no" /><label for={`${name}-no`}>No</label></div>
    </fieldset>
  );
  return (
    <Layout title="Give a reference">
      <h1>Reference for {request.candidateName}</h1>
      <div class="card">
        <p>Dear {request.refereeName}, {request.candidateName} has applied to join our NHS staff bank as a {request.profession.replace(/_/g, ' ')} and named you as a referee. Please answer these factual questions. This link works once.</p>
      </div>
      {props.errors?.length ? <div class="card error" role="alert"><p>Please check: {props.errors.join('; ')}</p></div> : null}
      <form class="card" method="post" action={props.action}>
        <label for="refereeName">Your name</label>
        <input type="text" id="refereeName" name="refereeName" value={request.refereeName} required maxlength={200} autocomplete="name" />
        <label for="refereePosition">Your job title<span class="hint">and how you know the candidate</span></label>
        <input type="text" id="refereePosition" name="refereePosition" required maxlength={200} />
        <label for="jobTitle">The candidate’s job title with you</label>
        <input type="text" id="jobTitle" name="jobTitle" required maxlength={200} />
        <label for="employedFrom">Employed from<span class="hint">month and year</span></label>
        <input type="month" id="employedFrom" name="employedFrom" required />
        <label for="employedTo">Employed until<span class="hint">leave empty if they still work for you</span></label>
        <input type="month" id="employedTo" name="employedTo" />
        {yesNo('datesConfirmed', 'Are the dates above from your organisation’s records, not from memory?')}
        {yesNo('roleConfirmed', 'Is the job title above the one your records show?')}
        <fieldset>
          <legend>Would you employ them again?</legend>
          {(['yes', 'no', 'unsure'] as const).map((v) => (
            <div class="choice"><input type="radio" id={`reemploy-${v}`} name="reemploy" value={v} required /><label for={`reemploy-${v}`}>{v === 'unsure' ? 'Not sure' : v[0]!.toUpperCase() + v.slice(1)}</label></div>
          ))}
        </fieldset>
        <label for="concerns">Are you aware of any concerns about conduct, capability or safeguarding?<span class="hint">Leave empty if none</span></label>
        <textarea id="concerns" name="concerns" rows={4} maxlength={2000}></textarea>
        <div class="choice"><input type="checkbox" id="declaration" name="declaration" value="yes" required /><label for="declaration">The information I have given is accurate to the best of my knowledge.</label></div>
        <button type="submit">Send reference</button>
      </form>
    </Layout>
  );
}

const messages: Record<LinkState | 'accepted' | 'not_needed', { title: string; body: string }> = {
  accepted: { title: 'Thank you', body: 'Your reference has been received. You do not need to do anything else.' },
  not_needed: { title: 'Thank you', body: 'We have kept your answers, but this reference is no longer needed for the application. You do not need to do anything else.' },
  used: { title: 'Reference already given', body: 'This link has already been used, so your reference is with us. Thank you. If you need to change something, reply to our email.' },
  expired: { title: 'This link has expired', body: 'Reference links last three weeks. If you would still like to give a reference, reply to our email and we will send you a new link.' },
  not_found: { title: 'This link is not valid', body: 'Please check you used the whole link from our email. If it still does not work, reply to our email.' },
};

export function ReferenceOutcome(props: { outcome: keyof typeof messages }) {
  const m = messages[props.outcome];
  return (
    <Layout title={m.title}>
      <h1>{m.title}</h1>
      <div class="card"><p>{m.body}</p></div>
    </Layout>
  );
}
