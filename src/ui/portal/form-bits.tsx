// The GOV.UK / NHS form pattern for the portal: an error summary at the top whose links move to
// the fields, and each field with its own message, wired by aria-describedby.
import type { Child } from 'hono/jsx';

export interface FieldError { field: string; message: string }

/** Field paths (`referees.0.email`) as element ids (`referees-0-email`). */
export const fieldId = (path: string) => path.replace(/[^A-Za-z0-9_-]+/g, '-');

export function ErrorSummary(props: { errors: FieldError[] }) {
  if (!props.errors.length) return null;
  return (
    // Focused on load (as GOV.UK's script does), so a keyboard or screen reader user starts here.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>{props.errors.map((e) => <li><a href={`#${fieldId(e.field)}`}>{e.message}</a></li>)}</ul>
    </div>
  );
}

const errorFor = (errors: FieldError[] | undefined, name: string) => errors?.find((e) => fieldId(e.field) === fieldId(name))?.message;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldError[] | undefined;
  value?: string | undefined;
  type?: 'text' | 'email' | 'date' | 'datetime-local' | 'file';
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  accept?: string;
  inputmode?: 'text' | 'numeric';
}

/** The frame every field shares: its label and hint, its error message, and the ids that tie them to the control. */
function FieldFrame(p: { name: string; label: string; hint?: string | undefined; errors?: FieldError[] | undefined; control: (a: { id: string; described: string | undefined; invalid: 'true' | undefined }) => Child }) {
  const id = fieldId(p.name);
  const error = errorFor(p.errors, p.name);
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}{p.hint ? <span class="hint" id={`${id}-hint`}>{p.hint}</span> : null}</label>
      {error ? <span class="error-message" id={`${id}-error`}><span class="sr">Error: </span>{error}</span> : null}
      {p.control({ id, described, invalid: error ? 'true' : undefined })}
    </div>
  );
}

/** A labelled input with its hint and error message; the name is the form field, the id its path. */
export function Field(p: FieldProps) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errors={p.errors} control={({ id, described, invalid }) => (
      <input type={p.type ?? 'text'} id={id} name={p.name} value={p.type === 'file' ? undefined : (p.value ?? '')} autocomplete={p.autocomplete}
        required={p.required} maxlength={p.maxlength} accept={p.accept} inputmode={p.inputmode}
        aria-describedby={described} aria-invalid={invalid} />
    )} />
  );
}

export function TextArea(p: { name: string; label: string; hint?: string; errors?: FieldError[] | undefined; value?: string | undefined; required?: boolean }) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errors={p.errors} control={({ id, described, invalid }) => (
      <textarea id={id} name={p.name} rows={4} maxlength={2000} required={p.required} aria-describedby={described} aria-invalid={invalid}>{p.value ?? ''}</textarea>
    )} />
  );
}

export function Select(p: { name: string; label: string; hint?: string; errors?: FieldError[] | undefined; value?: string | undefined; options: { value: string; label: string; group?: string }[]; required?: boolean }) {
  const groups = [...new Set(p.options.map((o) => o.group ?? ''))];
  const option = (o: { value: string; label: string }) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>;
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errors={p.errors} control={({ id, described, invalid }) => (
      <select id={id} name={p.name} required={p.required} aria-describedby={described} aria-invalid={invalid}>
        <option value="">Choose one</option>
        {groups.length > 1 || groups[0]
          ? groups.map((g) => <optgroup label={g}>{p.options.filter((o) => (o.group ?? '') === g).map(option)}</optgroup>)
          : p.options.map(option)}
      </select>
    )} />
  );
}

/** Radios in a fieldset whose legend is the question; the first radio carries the field's id. */
export function Radios(p: { name: string; legend: string; hint?: string; errors?: FieldError[] | undefined; value?: string | undefined; options: { value: string; label: Child }[] }) {
  const id = fieldId(p.name);
  const error = errorFor(p.errors, p.name);
  return (
    <fieldset class={error ? 'field field-error' : 'field'} aria-describedby={error ? `${id}-error` : p.hint ? `${id}-hint` : undefined}>
      <legend>{p.legend}</legend>
      {p.hint ? <span class="hint" id={`${id}-hint`}>{p.hint}</span> : null}
      {error ? <span class="error-message" id={`${id}-error`}><span class="sr">Error: </span>{error}</span> : null}
      {p.options.map((o, i) => (
        <div class="choice">
          <input type="radio" id={i === 0 ? id : `${id}-${i}`} name={p.name} value={o.value} checked={o.value === p.value} />
          <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
