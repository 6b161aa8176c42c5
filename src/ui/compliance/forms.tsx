// The forms a compliance lead records evidence and reviews with: one per kind of evidence, each
// field labelled, empty unless truly known, with hints for the format. Fields are named as the
// event's payload; ids are unique per form so the error summary can link to them.
import type { ComplianceItem } from '../../../workflows/membership/items.js';
import { isTraining, itemWords } from '../../../workflows/membership/items.js';
import { registrationBodies } from '../../../workflows/rules.js';
import { professions } from '../../../workflows/types.js';
import { dbsLevels } from '../../../workflows/vocabulary.js';
import { optionLabel } from '../staff/field-words.js';
import { professionLabel } from '../words.js';

export interface FormError { form: string; field: string; message: string }
type Values = Record<string, string>;
interface FieldProps { form: string; name: string; label: string; hint?: string; values?: Values | undefined; error?: FormError | undefined }

export const fieldId = (form: string, name: string) => `f-${form.replace(/[^\w-]/g, '-')}-${name}`;

function Err(p: FieldProps) {
  return p.error?.form === p.form && p.error.field === p.name ? <span class="error-message" id={`${fieldId(p.form, p.name)}-error`}>{p.error.message}</span> : null;
}
function DateField(p: FieldProps) {
  return <div class="field"><label for={fieldId(p.form, p.name)}>{p.label}{p.hint ? <span class="hint">{p.hint}</span> : null}</label><Err {...p} />
    <input type="date" id={fieldId(p.form, p.name)} name={p.name} value={p.values?.[p.name] ?? ''} /></div>;
}
function TextField(p: FieldProps) {
  return <div class="field"><label for={fieldId(p.form, p.name)}>{p.label}{p.hint ? <span class="hint">{p.hint}</span> : null}</label><Err {...p} />
    <input type="text" id={fieldId(p.form, p.name)} name={p.name} value={p.values?.[p.name] ?? ''} /></div>;
}
function Select(p: FieldProps & { options: readonly string[]; label2?: (o: string) => string }) {
  return <div class="field"><label for={fieldId(p.form, p.name)}>{p.label}</label><Err {...p} />
    <select id={fieldId(p.form, p.name)} name={p.name}><option value="">Choose…</option>
      {p.options.map((o) => <option value={o} selected={p.values?.[p.name] === o}>{p.label2 ? p.label2(o) : optionLabel(o)}</option>)}</select></div>;
}

function Form(props: { action: string; csrf: string; type: string; item?: string; title: string; children: unknown }) {
  return (
    <form method="post" action={props.action} class="card">
      <h3>{props.title}</h3>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="_type" value={props.type} />
      {props.item ? <input type="hidden" name="item" value={props.item} /> : null}
      {props.children as never}
      <button type="submit">Save</button>
    </form>
  );
}

export const formKey = (type: string, item?: string) => (item ? `${type}-${item}` : type);

/** The renewal form for one item: the evidence that item needs. */
export function RenewalForm(props: { item: ComplianceItem; action: string; csrf: string; values?: Values | undefined; error?: FormError | undefined }) {
  const form = formKey('itemRenewed', props.item);
  const f = { form, values: props.values, error: props.error };
  const item = props.item;
  return (
    <Form action={props.action} csrf={props.csrf} type="itemRenewed" item={item} title={`Renew: ${itemWords[item]}`}>
      {isTraining(item) ? <>
        <DateField {...f} name="completedOn" label="Date completed" hint="As on the certificate" />
        <TextField {...f} name="provider" label="Training provider (optional)" hint="For example, e-Learning for Healthcare" />
        <TextField {...f} name="certificateReference" label="Certificate reference (optional)" />
      </> : item === 'dbs' ? <>
        <DateField {...f} name="issueDate" label="Issue date of the new certificate" />
        <Select {...f} name="level" label="Level" options={dbsLevels} />
      </> : item === 'rightToWork' ? <>
        <DateField {...f} name="checkedOn" label="Date of the follow-up check" />
        <Select {...f} name="method" label="How it was checked" options={['share_code', 'manual_document', 'idvt']} />
        <Select {...f} name="permission" label="Permission to work" options={['unlimited', 'time_limited']} />
        <DateField {...f} name="permissionExpiresOn" label="Permission ends on" hint="Only for a time-limited permission" />
      </> : item === 'registration' ? <>
        <Select {...f} name="body" label="Regulator" options={registrationBodies} label2={(o) => (o === 'overseas' ? 'An overseas regulator' : o)} />
        <TextField {...f} name="number" label="Registration number" />
        <DateField {...f} name="checkedOn" label="Date the register was checked" />
        <DateField {...f} name="renewalDueOn" label="Next renewal due" hint="From the register: the annual fee or renewal date" />
        <DateField {...f} name="revalidationDueOn" label="Revalidation due (optional)" hint="NMC: every 3 years; GMC: every 5" />
      </> : <>
        <DateField {...f} name="assessedOn" label="Date of the reassessment" />
        <Select {...f} name="outcome" label="Outcome" options={['fit', 'fit_with_restrictions']} />
        <TextField {...f} name="restrictions" label="Restrictions (if any)" />
      </>}
    </Form>
  );
}

export function ReviewForms(props: { action: string; csrf: string; items: ComplianceItem[]; values?: Values | undefined; error?: FormError | undefined; type?: string | undefined }) {
  const v = (type: string) => (props.type === type ? props.values : undefined);
  const f = (type: string) => ({ form: type, values: v(type), error: props.error });
  const itemLabel = (o: string) => itemWords[o as ComplianceItem];
  return (
    <>
      <Form action={props.action} csrf={props.csrf} type="dbsStatusChecked" title="DBS Update Service: record a status check">
        <DateField {...f('dbsStatusChecked')} name="checkedOn" label="Date of the status check" />
        <Select {...f('dbsStatusChecked')} name="result" label="Result" options={['no_new_information', 'new_information']} label2={(o) => (o === 'new_information' ? 'New information: review it' : 'No new information')} />
      </Form>
      <Form action={props.action} csrf={props.csrf} type="updateServiceConsented" title="DBS Update Service: the member's consent to status checks">
        <DateField {...f('updateServiceConsented')} name="subscribedOn" label="Date they joined the Update Service" />
        <div class="field"><label><input type="checkbox" name="consent" value="true" /> The member consents to status checks</label></div>
      </Form>
      <Form action={props.action} csrf={props.csrf} type="itemSuspended" title="Suspend an item for review">
        <Select {...f('itemSuspended')} name="item" label="Item" options={props.items} label2={itemLabel} />
        <TextField {...f('itemSuspended')} name="reason" label="Why" hint="For example, the register shows a new condition" />
      </Form>
      <Form action={props.action} csrf={props.csrf} type="itemReinstated" title="Reinstate an item after review">
        <Select {...f('itemReinstated')} name="item" label="Item" options={props.items} label2={itemLabel} />
      </Form>
      <Form action={props.action} csrf={props.csrf} type="roleChanged" title="Change of role (occupational health is reassessed)">
        <Select {...f('roleChanged')} name="role" label="New role" options={professions} label2={professionLabel} />
        <DateField {...f('roleChanged')} name="effectiveOn" label="From" />
      </Form>
    </>
  );
}
