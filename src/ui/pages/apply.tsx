import { professions, programmes } from '../../../workflows/types.js';
import { Layout } from '../layout.js';
import { professionLabel, programmeWords } from '../words.js';

export interface ApplyValues { programme?: string; profession?: string; fullName?: string; email?: string; phone?: string; postcode?: string }

export function ApplyForm(props: { values?: ApplyValues; errors?: string[] }) {
  const v = props.values ?? {};
  return (
    <Layout title="Apply">
      <h1>Apply to join our staff bank</h1>
      {props.errors?.length ? (
        <div class="card error" role="alert"><p>There is a problem</p><ul>{props.errors.map((e) => <li>{e}</li>)}</ul></div>
      ) : null}
      <form class="card" method="post" action="/apply" enctype="multipart/form-data">
        <label for="programme">What are you applying for?</label>
        <select id="programme" name="programme" required>
          {programmes.map((p) => <option value={p} selected={v.programme === p}>{programmeWords[p]}</option>)}
        </select>
        <span class="hint">Healthcare Support Worker Development is for people without 6 months’ care experience.</span>
        <label for="profession">Your profession</label>
        <select id="profession" name="profession" required>
          {professions.map((p) => <option value={p} selected={v.profession === p}>{professionLabel(p)}</option>)}
        </select>
        <label for="fullName">Full name</label>
        <input type="text" id="fullName" name="fullName" autocomplete="name" required maxlength={200} value={v.fullName ?? ''} />
        <label for="email">Email address</label>
        <input type="email" id="email" name="email" autocomplete="email" required maxlength={320} value={v.email ?? ''} />
        <label for="phone">Phone number<span class="hint">Optional</span></label>
        <input type="tel" id="phone" name="phone" autocomplete="tel" maxlength={20} value={v.phone ?? ''} />
        <label for="postcode">Postcode<span class="hint">Optional; UK addresses only</span></label>
        <input type="text" id="postcode" name="postcode" autocomplete="postal-code" maxlength={8} value={v.postcode ?? ''} />
        <label for="file">Your CV<span class="hint">Optional. A PDF up to 10 MB. We read it to save you typing; a recruiter checks everything.</span></label>
        <input type="file" id="file" name="file" accept="application/pdf,.pdf" />
        <button type="submit">Send application</button>
      </form>
    </Layout>
  );
}

export function Applied(props: { email: string }) {
  return (
    <Layout title="Application sent">
      <h1>Application sent</h1>
      <div class="card notice">
        <p>Thank you. We have emailed {props.email} to confirm, and a recruiter will review your application, usually within three working days.</p>
        <p>You can <a href="/portal/sign-in">follow your application</a> at any time: we will email you a sign-in link.</p>
      </div>
    </Layout>
  );
}
