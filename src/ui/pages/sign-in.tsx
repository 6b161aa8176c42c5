import { Layout } from '../layout.js';

export function StaffSignIn(props: { next: string; error?: string; email?: string }) {
  return (
    <Layout title="Staff sign in">
      <h1>Staff sign in</h1>
      {props.error ? <div class="card error" role="alert"><p>{props.error}</p></div> : null}
      <form class="card" method="post" action="/sign-in">
        <input type="hidden" name="next" value={props.next} />
        <label for="email">Email address</label>
        <input type="email" id="email" name="email" autocomplete="username" required maxlength={320} value={props.email ?? ''} />
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required maxlength={200} />
        <button type="submit">Sign in</button>
      </form>
      <p>Applying or following your application? <a href="/portal/sign-in">Sign in as an applicant</a>.</p>
    </Layout>
  );
}

export function Landing() {
  return (
    <Layout title="Join our staff bank">
      <h1>Join our NHS staff bank</h1>
      <div class="card">
        <p class="lede">Nurses, midwives, healthcare assistants, allied health professionals, doctors and support staff: work flexible shifts in our hospitals.</p>
        <a class="button" href="/apply">Apply now</a>
        <a class="button secondary" href="/portal/sign-in">Follow your application</a>
      </div>
      <p><a href="/sign-in">Staff sign in</a></p>
    </Layout>
  );
}
