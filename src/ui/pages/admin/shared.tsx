// Pieces every admin page shares: the flash (a notice, or an error naming the field), role words,
// and a small POST form with the session's CSRF token.
import type { Child } from 'hono/jsx';

export type AdminFlash = { kind: 'notice' | 'error'; text: string; secret?: { label: string; value: string }; field?: string } | undefined;

export const roleWords: Record<string, string> = { recruiter: 'Recruiter', coordinator: 'International coordinator', admin: 'Administrator' };

export function Flash(props: { flash: AdminFlash }) {
  const f = props.flash;
  if (!f) return null;
  return (
    <div class={`card ${f.kind}`} role={f.kind === 'error' ? 'alert' : 'status'}>
      {f.field ? <p><a href={`#${f.field}`}>{f.text}</a></p> : <p>{f.text}</p>}
      {f.secret ? <p>{f.secret.label}: <code class="secret">{f.secret.value}</code> <span class="hint">Shown once: copy it now.</span></p> : null}
    </div>
  );
}

export function PostButton(props: { action: string; csrf: string; label: string; cls?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
      <button type="submit" class={props.cls ?? 'hold'}>{props.label}</button>
    </form>
  );
}

export const when = (d: Date | string | null) => (d ? new Date(d).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '—');
