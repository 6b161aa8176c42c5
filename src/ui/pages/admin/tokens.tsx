// API tokens: your own (create, revoke); an administrator sees everyone's and can revoke any.
import { StaffLayout, type StaffContext } from '../../staff-layout.js';
import { type AdminFlash, Flash, PostButton, when } from './shared.js';

export interface TokenRow { id: string; name: string; owner?: string | null; createdAt: string; expiresAt: string | null; revokedAt: string | null; lastUsedAt?: string | null }

export function TokensPage(props: { staff: StaffContext; tokens: TokenRow[]; all: boolean; flash?: AdminFlash }) {
  const { staff } = props;
  return (
    <StaffLayout staff={staff} title="API tokens" current="/tokens">
      <h1>API tokens</h1>
      <p>A token lets a program use the API as you, with your role. Keep it secret; revoke it when it is no longer needed.</p>
      <Flash flash={props.flash} />
      <section class="card" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        <form method="post" action="/tokens">
          <input type="hidden" name="_csrf" value={staff.csrf} />
          <label for="token-name">What it is for<span class="hint">e.g. Rota system import</span></label><input type="text" id="token-name" name="name" maxlength={100} />
          <label for="token-expires">Stops working on<span class="hint">Optional. Leave empty for a token that works until revoked</span></label><input type="date" id="token-expires" name="expiresOn" />
          <button type="submit">Create the token</button>
        </form>
      </section>
      <div class="table-wrap"><table>
        <caption>{props.all ? 'Every token' : 'Your tokens'}</caption>
        <thead><tr><th scope="col">For</th>{props.all ? <th scope="col">Whose</th> : null}<th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col">Action</th></tr></thead>
        <tbody>{props.tokens.map((t) => (
          <tr>
            <th scope="row">{t.name}</th>{props.all ? <td>{t.owner ?? 'Set up at installation'}</td> : null}
            <td>{when(t.createdAt)}</td><td>{t.expiresAt ? when(t.expiresAt) : 'Never'}</td>
            <td>{t.revokedAt ? <span class="tag overdue">Revoked {when(t.revokedAt)}</span> : <span class="tag done">Works</span>}</td>
            <td>{t.revokedAt ? '—' : <PostButton action={`/tokens/${t.id}/revoke`} csrf={staff.csrf} label={`Revoke “${t.name}”`} cls="warning" />}</td>
          </tr>
        ))}</tbody>
      </table></div>
    </StaffLayout>
  );
}
