// "When it happened", applied everywhere: every event that records something that happened
// carries its day (occurredOn, or the day its own field names), and the rules of every such event
// refuse a day in the future. Checked over the whole catalog, so an event added later without
// the rule fails here.
import { describe, expect, it } from 'vitest';
import { initialContext } from '../../workflows/common.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { defaultPolicy } from '../../workflows/policy.js';
import { eventRules } from '../../workflows/standards/index.js';
import { firstRefusal } from '../../workflows/refusal.js';
import { dayFields } from '../../workflows/when.js';

const rules = eventRules(defaultPolicy);
const at = '2026-03-02T09:00:00.000Z';
const tomorrow = '2026-03-03';
const dated = Object.entries(eventCatalog).filter(([type, spec]) => 'occurredOn' in spec.schema.shape || (type in dayFields && !type.match(/^(ielts|oet|cbt|osce|plab)/i)));

describe('every event that records something that happened', () => {
  it('is found in the catalog (the dated events of all three programmes)', () => {
    expect(dated.length).toBeGreaterThan(50);
  });

  it.each(dated.map(([type]) => [type]))('%s refuses a day in the future', (type) => {
    const context = initialContext({ input: { programme: 'domestic', profession: 'registered_nurse', at: '2026-01-05T09:00:00.000Z' } });
    const field = dayFields[type] ?? 'occurredOn';
    const event = { type, at, [field]: tomorrow };
    // Other rules of the event may refuse first on this bare journey; one of its rules is this one.
    const refusals = (rules[type] ?? []).map((rule) => rule(context, event));
    expect(refusals, `${type} has no rule refusing ${field} in the future`).toContainEqual(expect.objectContaining({ rule: 'when.notInFuture', field }));
    expect(firstRefusal(rules[type] ?? [], context, { ...event, [field]: '2026-03-02' })?.rule).not.toBe('when.notInFuture');
  });
});
