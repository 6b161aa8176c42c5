// An event's form on the record: every field EMPTY (examples are hints), repeated items as rows,
// nested scores as a group, a list of choices as checkboxes. A refused form comes back open
// with what was typed.
import type { AllowedEvent } from '../../../../workflows/inspect.js';
import { type FieldSpec, fieldsFor, refill, rowName } from '../../event-form.js';
import { optionLabel } from '../field-words.js';

export type Typed = Record<string, string | string[]>;

const singular: Record<string, string> = { documents: 'Document', referees: 'Referee', gaps: 'Gap' };

const idOf = (slug: string, name: string) => `${slug}-${name.replace(/\./g, '-')}`;

function Hint(props: { f: FieldSpec }) {
  const { f } = props;
  const text = [f.required ? null : 'Optional', f.hint ?? null].filter(Boolean).join('. ');
  return text ? <span class="hint">{text}</span> : null;
}

export type Choices = Record<string, { value: string; label: string }[]>;

export function Field(props: { f: FieldSpec; slug: string; row?: number; choices?: Choices | undefined }) {
  const { slug } = props;
  const f = props.row === undefined ? props.f : { ...props.f, name: rowName(props.f.name, props.row) };
  const id = idOf(slug, f.name);
  if (f.kind === 'checkbox') {
    return <div class="choice"><input type="checkbox" id={id} name={f.name} value="true" checked={f.checked} /><label for={id}>{f.label}</label></div>;
  }
  if (f.kind === 'checkboxes') {
    return (
      <fieldset><legend>{f.label}</legend><Hint f={f} />
        {f.options!.map((o) => <div class="choice"><input type="checkbox" id={`${id}-${o}`} name={f.name} value={o} checked={f.values?.includes(o)} /><label for={`${id}-${o}`}>{optionLabel(o)}</label></div>)}
      </fieldset>
    );
  }
  if (f.kind === 'group') {
    return <fieldset class="group"><legend>{f.label}</legend><div class="group-fields">{f.fields!.map((g) => <Field f={g} slug={slug} />)}</div></fieldset>;
  }
  if (f.kind === 'rows') {
    const one = singular[f.name.split('.').pop()!] ?? 'Item';
    return (
      <fieldset class="rows"><legend>{f.label}</legend>
        <span class="hint">Fill in one row each; leave a row empty if it is not needed.</span>
        {Array.from({ length: f.rows ?? 1 }, (_, i) => (
          <fieldset class="row"><legend>{`${one} ${i + 1}`}</legend>
            <div class="row-fields">{f.fields!.map((g) => <Field f={{ ...g, name: g.name.replace('#', String(i)) }} slug={slug} />)}</div>
          </fieldset>
        ))}
      </fieldset>
    );
  }
  const choices = props.choices?.[f.name];
  return (
    <div class="field">
      <label for={id}>{f.label}<Hint f={f} /></label>
      {choices ? (
        <select id={id} name={f.name}><option value="">Choose…</option>{choices.map((o) => <option value={o.value} selected={o.value === f.value}>{o.label}</option>)}</select>
      ) : f.kind === 'select' ? (
        <select id={id} name={f.name}><option value="">{f.required ? 'Choose…' : '—'}</option>{f.options!.map((o) => <option value={o} selected={o === f.value}>{optionLabel(o)}</option>)}</select>
      ) : f.kind === 'textarea' ? (
        <textarea id={id} name={f.name} rows={3}>{f.value}</textarea>
      ) : (
        <input id={id} name={f.name} value={f.value}
          type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : 'text'} step={f.kind === 'number' ? 'any' : undefined} />
      )}
    </div>
  );
}

export interface EventFormProps {
  event: AllowedEvent; candidateId: string; version: number; csrf: string;
  retry?: Typed | undefined;
  /** Fields not shown (e.g. literacy for a nurse). */
  omit?: string[];
  /** Form values known already (from an earlier step), never made up. */
  known?: Typed;
  /** Shown as a disabled button with the reason, when a rule already says no. */
  blocked?: string | undefined;
  label?: string;
  /** Text fields offered as a choice of known values (e.g. the referees asked). */
  choices?: Choices;
  /** Inside a check's panel: the label without the check's name ("Clear", not "Identity check: clear"). */
  short?: boolean;
  open?: boolean;
}

export function EventForm(props: EventFormProps) {
  const e = props.event;
  const label = props.label ?? (props.short ? e.label.replace(/^[^:]+: /, '').replace(/^./, (c) => c.toUpperCase()) : e.label);
  const raw = fieldsFor(e.schema, e.example).filter((f) => !props.omit?.includes(f.name));
  const typed = props.retry ?? props.known;
  const fields = typed ? refill(raw, typed) : raw;
  const cls = e.intent === 'advance' ? '' : e.intent === 'exit' ? 'warning' : 'hold';
  const slug = e.type.replace(/\W/g, '-');
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="_type" value={e.type} />
      <input type="hidden" name="_version" value={String(props.version)} />
    </>
  );
  if (props.blocked) {
    return <div class="blocked"><button type="button" class={cls} disabled>{label}</button><p class="hint">{props.blocked}</p></div>;
  }
  if (!fields.length && e.intent !== 'exit') {
    return <form method="post" action={`/candidates/${props.candidateId}/events`} class="inline">{hidden}<button class={cls} type="submit">{label}</button></form>;
  }
  const onlyOptional = fields.every((f) => f.name === 'occurredOn' || f.name === 'note');
  if (onlyOptional && e.intent !== 'exit' && !props.open) {
    return (
      <details class="event quick">
        <summary>{label}</summary>
        <form method="post" action={`/candidates/${props.candidateId}/events`}>{hidden}{fields.map((f) => <Field f={f} slug={slug} choices={props.choices} />)}<button class={cls} type="submit">{label}</button></form>
      </details>
    );
  }
  return (
    <details class="event" open={props.retry || props.open ? true : undefined}>
      <summary>{label}</summary>
      <form method="post" action={`/candidates/${props.candidateId}/events`} novalidate>
        {hidden}
        {fields.map((f) => <Field f={f} slug={slug} choices={props.choices} />)}
        {e.intent === 'exit' ? (
          <div class="choice"><input type="checkbox" id={`${slug}-confirm`} name="_confirm" value="yes" required /><label for={`${slug}-confirm`}>I confirm: this ends or changes the application</label></div>
        ) : null}
        <button class={cls} type="submit">{label}</button>
      </form>
    </details>
  );
}
