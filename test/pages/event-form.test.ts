// The staff forms generated from every event's schema: nothing filled in, nothing asking for
// JSON, repeated items as rows that come back as the payload the event takes.
import { describe, expect, it } from 'vitest';
import { type FieldSpec, fieldsFor, payloadFrom } from '../../src/ui/event-form.js';
import { initialContext } from '../../workflows/common.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { jsonSchemaOf } from '../../workflows/inspect.js';

const at = '2026-03-02T09:00:00.000Z';
const context = { ...initialContext({ input: { programme: 'domestic', profession: 'registered_nurse', at } }), referees: [{ name: 'Jane Doe', email: 'jane@example.org', organisation: 'Trust', relationship: 'line_manager', coversFrom: '2024-01-01' }] };
const flat = (fields: FieldSpec[]): FieldSpec[] => fields.flatMap((f) => (f.fields ? [f, ...flat(f.fields)] : [f]));

describe('forms generated from the event catalog', () => {
  it.each(Object.keys(eventCatalog))('%s arrives with every field empty and no JSON', (type) => {
    const example = eventCatalog[type]!.example(context as never, at);
    const fields = flat(fieldsFor(jsonSchemaOf(type), example));
    for (const f of fields) {
      // A checkbox's value is what it sends when ticked; that it arrives unticked is what counts.
      if (f.kind !== 'checkbox') expect(f.value, `${type}.${f.name}`).toBe('');
      expect(f.checked ?? false, `${type}.${f.name} ticked`).toBe(false);
      expect(f.values ?? [], `${type}.${f.name} chosen`).toEqual([]);
      expect(f.label).not.toMatch(/json/i);
    }
    // The example may show as a hint, never as a value.
    expect(JSON.stringify(fields.filter((f) => f.kind !== 'checkbox').map((f) => f.value))).not.toMatch(/[A-Za-z0-9]/);
  });

  it('reads a date and time typed on a staff form as UK time, in summer and in winter', () => {
    const summer = payloadFrom(jsonSchemaOf('interviewScheduled'), { interviewAt: '2026-07-15T10:00', location: 'Room 2' });
    expect(summer.payload.interviewAt).toBe('2026-07-15T09:00:00.000Z');
    const winter = payloadFrom(jsonSchemaOf('interviewScheduled'), { interviewAt: '2026-01-15T10:00', location: 'Room 2' });
    expect(winter.payload.interviewAt).toBe('2026-01-15T10:00:00.000Z');
  });

  it('turns rows of identity documents back into the payload the event takes, leaving empty rows out', () => {
    const form = {
      method: 'in_person',
      'documents.0.kind': 'passport', 'documents.0.use': 'photo', 'documents.0.expiresOn': '2031-01-01', 'documents.0.originalSeen': 'true',
      'documents.1.kind': 'utility_bill', 'documents.1.use': 'address', 'documents.1.issuedOn': '2026-02-10', 'documents.1.issuer': 'Yorkshire Water', 'documents.1.originalSeen': 'true',
      'documents.2.kind': '', 'documents.2.use': '', 'documents.2.issuedOn': '',
    };
    const { payload, errors } = payloadFrom(jsonSchemaOf('identity.cleared'), form);
    expect(errors).toEqual([]);
    expect(payload).toEqual({
      method: 'in_person',
      documents: [
        { kind: 'passport', use: 'photo', expiresOn: '2031-01-01', originalSeen: true },
        { kind: 'utility_bill', use: 'address', issuedOn: '2026-02-10', issuer: 'Yorkshire Water', originalSeen: true },
      ],
    });
  });

  it('reads the six value scores as a group and restrictions as a list of choices', () => {
    const scores = payloadFrom(jsonSchemaOf('interviewPassed'), { 'scores.compassion': '5', 'scores.everyoneCounts': 'four' });
    expect(scores.payload).toEqual({ scores: { compassion: 5 } });
    expect(scores.errors.join()).toMatch(/everyone counts: enter a number/i);
    const oh = payloadFrom(jsonSchemaOf('workHealth.cleared'), { outcome: 'fit_with_restrictions', restrictions: ['no_night_shifts', 'reduced_hours'] });
    expect(oh.payload).toEqual({ outcome: 'fit_with_restrictions', restrictions: ['no_night_shifts', 'reduced_hours'] });
  });
});
