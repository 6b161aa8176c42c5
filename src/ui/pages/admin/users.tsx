// Staff accounts (admin): create one, change a role, reset a password (a temporary one, shown
// once), disable an account.
import type { UserView } from '../../../services/users/manage.js';
import { StaffLayout, type StaffContext } from '../../staff-layout.js';
import { type AdminFlash, Flash, PostButton, roleWords, when } from './shared.js';

export function UsersPage(props: { staff: StaffContext; users: UserView[]; flash?: AdminFlash; typed?: Record<string, string> }) {
  const { staff } = props;
  const t = props.typed ?? {};
  return (
    <StaffLayout staff={staff} title="Staff accounts" current="/admin">
      <p><a href="/admin">Administration</a></p>
      <h1>Staff accounts</h1>
      <Flash flash={props.flash} />
      <section class="card" aria-labelledby="new-account">
        <h2 id="new-account">Add a member of staff</h2>
        <form method="post" action="/admin/users">
          <input type="hidden" name="_csrf" value={staff.csrf} />
          <label for="user-name">Full name</label><input type="text" id="user-name" name="name" value={t.name ?? ''} autocomplete="off" />
          <label for="user-email">Email address<span class="hint">Their work address, e.g. firstname.lastname@nhs.net</span></label><input type="email" id="user-email" name="email" value={t.email ?? ''} autocomplete="off" />
          <label for="user-role">Role</label>
          <select id="user-role" name="role"><option value="">Choose…</option>{Object.entries(roleWords).map(([v, l]) => <option value={v} selected={t.role === v}>{l}</option>)}</select>
          <p class="hint">A temporary password is made and shown once; they choose their own at first sign-in.</p>
          <button type="submit">Add the account</button>
        </form>
      </section>
      <div class="table-wrap"><table>
        <caption>Accounts</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Added</th><th scope="col">Actions</th></tr></thead>
        <tbody>{props.users.map((u) => (
          <tr>
            <th scope="row">{u.name}<span class="sub">{u.email}</span></th>
            <td>{roleWords[u.role] ?? u.role}</td>
            <td>{u.disabledAt ? <span class="tag overdue">Disabled {when(u.disabledAt)}</span> : <span class="tag done">Active</span>}</td>
            <td>{when(u.createdAt)}</td>
            <td>{u.disabledAt || u.id === staff.userId ? '—' : (
              <div class="row-actions">
                <PostButton action={`/admin/users/${u.id}/role`} csrf={staff.csrf} label="Change role">
                  <label for={`role-${u.id}`} class="visually-hidden">New role for {u.name}</label>
                  <select id={`role-${u.id}`} name="role"><option value="">Choose…</option>{Object.entries(roleWords).filter(([v]) => v !== u.role).map(([v, l]) => <option value={v}>{l}</option>)}</select>
                </PostButton>
                <PostButton action={`/admin/users/${u.id}/reset`} csrf={staff.csrf} label={`Reset ${u.name}’s password`} />
                <PostButton action={`/admin/users/${u.id}/disable`} csrf={staff.csrf} label={`Disable ${u.name}`} cls="warning" />
              </div>
            )}</td>
          </tr>
        ))}</tbody>
      </table></div>
    </StaffLayout>
  );
}
