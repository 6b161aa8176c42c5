// Forms generated from an event's JSON Schema (from the machine's allowedEvents): the pages never
// hard-code what may happen next or what it needs. A posted form is turned back into a payload
// by the same schema, then validated by the event's zod schema as any API call is.
//
// Every field starts EMPTY: the catalog's example payload is shown only as a hint ("e.g."),
// never as a value, so nothing is recorded that nobody typed. Repeated items (documents,
// referees, gaps) are rows of fields named `documents.0.kind`; nested objects (the six value
// scores) are groups named `scores.compassion`; a list of choices is a set of checkboxes.
import { ukLocalToIso } from './uk-time.js';
import { fieldHints, labelOf } from './staff/field-words.js';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'select' | 'checkbox' | 'checkboxes' | 'group' | 'rows';
  required: boolean;
  options?: string[];
  value: string;
  checked?: boolean;
  hint?: string;
  /** checkboxes: the values ticked. */
  values?: string[];
  /** group: its fields; rows: one row's fields (named `${name}.${i}.${field}` per row). */
  fields?: FieldSpec[];
  /** rows: how many rows to show. */
  rows?: number;
}

type Schema = { type?: string; format?: string; enum?: unknown[]; const?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; pattern?: string; maxLength?: number; minItems?: number; minimum?: number; maximum?: number };

const longText = new Set(['note', 'reason', 'question', 'concerns', 'restrictions', 'explanation', 'restrictionDetails']);
/** How many empty rows a repeated item offers: enough for what the standard usually needs. */
const defaultRows: Record<string, number> = { documents: 3, referees: 2, gaps: 1 };

const plain = (prop: Schema): Schema => prop.anyOf?.find((a) => a.type !== 'null') ?? prop;

/** A short "e.g." hint from an example value (never used as a value). */
function exampleHint(name: string, ex: unknown): string | undefined {
  if (fieldHints[name]) return fieldHints[name];
  if (typeof ex === 'string' && ex.length <= 60 && !ex.includes('@') && !/^\d{4}-\d{2}-\d{2}/.test(ex)) return `e.g. ${ex}`;
  return undefined;
}

function fieldOf(name: string, prop: Schema, required: boolean, ex: unknown, path: string): FieldSpec {
  const p = plain(prop);
  const base = { name: path, label: labelOf(name), required, value: '' };
  const hint = exampleHint(name, ex);
  const withHint = hint ? { hint } : {};
  if (p.enum) return { ...base, kind: 'select', options: p.enum.map(String) };
  if (typeof p.const === 'boolean' || p.type === 'boolean') return { ...base, kind: 'checkbox', checked: false, value: 'true' };
  if (p.type === 'number' || p.type === 'integer') return { ...base, ...withHint, kind: 'number' };
  if (p.type === 'string' && p.format === 'date') return { ...base, ...withHint, kind: 'date' };
  if (p.type === 'string' && p.format === 'date-time') return { ...base, ...withHint, kind: 'datetime' };
  if (p.type === 'array' && p.items && plain(p.items).enum) return { ...base, kind: 'checkboxes', options: plain(p.items).enum!.map(String), values: [] };
  if (p.type === 'array' && p.items) {
    const item = plain(p.items);
    const rowEx = Array.isArray(ex) && ex[0] && typeof ex[0] === 'object' ? ex[0] as Record<string, unknown> : {};
    return { ...base, kind: 'rows', rows: Math.max(defaultRows[name] ?? 1, p.minItems ?? 0), fields: objectFields(item, rowEx, `${path}.#`) };
  }
  if (p.type === 'object' && p.properties) {
    return { ...base, kind: 'group', fields: objectFields(p, (ex && typeof ex === 'object' ? ex : {}) as Record<string, unknown>, path) };
  }
  return { ...base, ...withHint, kind: longText.has(name) ? 'textarea' : 'text' };
}

function objectFields(s: Schema, example: Record<string, unknown>, prefix: string): FieldSpec[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => fieldOf(name, prop, required.has(name), example[name], prefix ? `${prefix}.${name}` : name));
}

export function fieldsFor(schema: unknown, example: Record<string, unknown>): FieldSpec[] {
  return objectFields(schema as Schema, example, '');
}

type Typed = Record<string, string | string[]>;

/** The fields with what was typed put back (a refused form comes back as it was sent). */
export function refill(fields: FieldSpec[], typed: Typed): FieldSpec[] {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');
  return fields.map((f) => {
    if (f.kind === 'group') return { ...f, fields: refill(f.fields!, typed) };
    if (f.kind === 'rows') {
      const typedRows = Object.keys(typed).filter((k) => k.startsWith(`${f.name}.`)).map((k) => Number(k.slice(f.name.length + 1).split('.')[0]));
      return { ...f, rows: Math.min(6, Math.max(f.rows ?? 1, ...typedRows.filter(Number.isInteger).map((n) => n + 1))) };
    }
    if (f.kind === 'checkboxes') { const v = typed[f.name]; return { ...f, values: Array.isArray(v) ? v : v ? [v] : [] }; }
    if (f.kind === 'checkbox') return { ...f, checked: one(typed[f.name]) === 'true' };
    return { ...f, value: one(typed[f.name]) };
  });
}

/** A row's field named for row i. */
export const rowName = (name: string, i: number) => name.replace('#', String(i));

type FormIn = Record<string, string | File | (string | File)[]>;
const text = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0].trim() : '');

/** The value of one property from the form (undefined: left empty). */
function valueFrom(prop: Schema, path: string, form: FormIn, required: boolean, errors: string[], label: string): unknown {
  const p = plain(prop);
  if (p.type === 'boolean' || typeof p.const === 'boolean') {
    const v = text(form[path]);
    return v !== '' || required ? v === 'true' || v === 'on' : undefined;
  }
  if (p.type === 'array' && p.items && plain(p.items).enum) {
    const raw = form[path];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
    return list.length ? list : undefined;
  }
  if (p.type === 'array' && p.items) {
    const item = plain(p.items);
    const indices = [...new Set(Object.keys(form).filter((k) => k.startsWith(`${path}.`)).map((k) => Number(k.slice(path.length + 1).split('.')[0])))]
      .filter((n) => Number.isInteger(n) && n >= 0 && n < 20).sort((a, b) => a - b);
    const rows = indices.map((i) => objectFrom(item, `${path}.${i}`, form, errors, `${label} ${i + 1}`)).filter((r) => Object.values(r).some((v) => v !== undefined && v !== false));
    return rows.length ? rows : undefined;
  }
  if (p.type === 'object' && p.properties) {
    const o = objectFrom(p, path, form, errors, label);
    return Object.keys(o).length ? o : undefined;
  }
  const value = text(form[path]);
  if (value === '') return undefined;
  if (p.type === 'number' || p.type === 'integer') {
    const n = Number(value);
    if (Number.isNaN(n)) { errors.push(`${label}: enter a number`); return undefined; }
    return n;
  }
  return p.format === 'date-time' ? (ukLocalToIso(value) ?? value) : value;
}

function objectFrom(s: Schema, prefix: string, form: FormIn, errors: string[], label: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const v = valueFrom(prop, prefix ? `${prefix}.${name}` : name, form, required.has(name), errors, prefix && label ? `${label}, ${labelOf(name).toLowerCase()}` : labelOf(name));
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Form values → payload, typed by the schema. Empty optional fields and empty rows are left out. */
export function payloadFrom(schema: unknown, form: FormIn): { payload: Record<string, unknown>; errors: string[] } {
  const errors: string[] = [];
  const payload = objectFrom(schema as Schema, '', form, errors, '');
  return { payload, errors };
}
