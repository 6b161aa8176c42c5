// Forms generated from an event's JSON Schema (from the machine's allowedEvents): the pages never
// hard-code what may happen next or what it needs. A posted form is turned back into a payload
// by the same schema, then validated by the event's zod schema as any API call is.

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'datetime' | 'month' | 'number' | 'select' | 'checkbox' | 'json';
  required: boolean;
  options?: string[];
  value: string;
  checked?: boolean;
}

type Schema = { type?: string; format?: string; enum?: unknown[]; const?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; pattern?: string; maxLength?: number };

const label = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/\bOh\b/, 'OH');
const longText = new Set(['note', 'reason', 'question', 'concerns', 'restrictions']);

/** JSON inputs for date-times want local "YYYY-MM-DDTHH:mm". */
const toLocal = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 16) : '');

export function fieldsFor(schema: unknown, example: Record<string, unknown>): FieldSpec[] {
  const s = schema as Schema;
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]): FieldSpec => {
    const p = prop.anyOf?.find((a) => a.type !== 'null') ?? prop;
    const ex = example[name];
    const base = { name, label: label(name), required: required.has(name) };
    if (p.enum) return { ...base, kind: 'select', options: p.enum.map(String), value: ex === undefined ? '' : String(ex) };
    if (p.const !== undefined && typeof p.const === 'boolean') return { ...base, kind: 'checkbox', value: 'true', checked: true };
    if (p.type === 'boolean') return { ...base, kind: 'checkbox', value: 'true', checked: ex === true };
    if (p.type === 'number' || p.type === 'integer') return { ...base, kind: 'number', value: ex === undefined ? '' : String(ex) };
    if (p.type === 'string' && p.format === 'date') return { ...base, kind: 'date', value: typeof ex === 'string' ? ex : '' };
    if (p.type === 'string' && p.format === 'date-time') return { ...base, kind: 'datetime', value: toLocal(ex) };
    if (p.type === 'string') return { ...base, kind: longText.has(name) ? 'textarea' : 'text', value: typeof ex === 'string' ? ex : '' };
    return { ...base, kind: 'json', value: ex === undefined ? '' : JSON.stringify(ex, null, 1) };
  });
}

/** Form values → payload, typed by the schema. Empty optional fields are left out. */
export function payloadFrom(schema: unknown, form: Record<string, string | File | (string | File)[]>): { payload: Record<string, unknown>; errors: string[] } {
  const s = schema as Schema;
  const payload: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const p = prop.anyOf?.find((a) => a.type !== 'null') ?? prop;
    const raw = form[name];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (p.type === 'boolean' || (typeof p.const === 'boolean')) {
      if (value !== '' || (s.required ?? []).includes(name)) payload[name] = value === 'true' || value === 'on';
      continue;
    }
    if (value === '') continue;
    if (p.enum || p.type === 'string') {
      payload[name] = p.format === 'date-time' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(`${value}:00Z`).toISOString() : value;
    } else if (p.type === 'number' || p.type === 'integer') {
      const n = Number(value);
      if (Number.isNaN(n)) errors.push(`${label(name)}: enter a number`);
      else payload[name] = n;
    } else {
      try {
        payload[name] = JSON.parse(value);
      } catch {
        errors.push(`${label(name)}: not valid JSON`);
      }
    }
  }
  return { payload, errors };
}
