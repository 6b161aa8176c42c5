// A member of staff's own password: the page that changes it (and the only page a temporary
// password opens).
import { StaffLayout, type StaffContext } from '../staff-layout.js';

export interface PasswordErrors { current?: string; newPassword?: string; confirmPassword?: string }

export function ChangePasswordPage(props: { staff: StaffContext; mustChange: boolean; errors?: PasswordErrors; done?: boolean; minLength: number }) {
  const e = props.errors ?? {};
  const errors = Object.entries(e).filter(([, v]) => v) as [string, string][];
  return (
    <StaffLayout staff={props.staff} title="Change your password" current="/account/password" narrow>
      <h1>Change your password</h1>
      {props.mustChange ? <div class="card notice" role="status"><p>You signed in with a temporary password. Choose your own password to continue.</p></div> : null}
      {props.done ? <div class="card notice" role="status"><p>Your password has been changed. Your other sessions have been signed out.</p></div> : null}
      {errors.length ? (
        <div class="card error" role="alert"><p>There is a problem</p>
          <ul>{errors.map(([field, message]) => <li><a href={`#${field}`}>{message}</a></li>)}</ul></div>
      ) : null}
      <form class="card" method="post" action="/account/password">
        <input type="hidden" name="_csrf" value={props.staff.csrf} />
        <label for="current">Current password</label>
        {e.current ? <span class="error-message">{e.current}</span> : null}
        <input type="password" id="current" name="current" autocomplete="current-password" required maxlength={200} />
        <label for="newPassword">New password<span class="hint">At least {props.minLength} characters. A few unrelated words are easy to remember and hard to guess.</span></label>
        {e.newPassword ? <span class="error-message">{e.newPassword}</span> : null}
        <input type="password" id="newPassword" name="newPassword" autocomplete="new-password" required minlength={props.minLength} maxlength={200} />
        <label for="confirmPassword">New password again</label>
        {e.confirmPassword ? <span class="error-message">{e.confirmPassword}</span> : null}
        <input type="password" id="confirmPassword" name="confirmPassword" autocomplete="new-password" required minlength={props.minLength} maxlength={200} />
        <button type="submit">Change password</button>
      </form>
    </StaffLayout>
  );
}
