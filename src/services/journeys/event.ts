// An event's payload, checked against its schema in the event catalog: 400 naming the field,
// before anything is read. The front door (act.ts) parses every event it is given; the engine
// takes payloads as parsed.
import { eventCatalog } from '../../../workflows/events/index.js';
import { AppError } from '../../errors.js';

export function parseEvent(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const spec = Object.hasOwn(eventCatalog, type) ? eventCatalog[type] : undefined;
  if (!spec) throw new AppError('unknown_event', `There is no event called "${type}".`, { knownEvents: Object.keys(eventCatalog).length });
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)');
    // An unknown field is said plainly, with the fields the event does take.
    const message = issue.code === 'unrecognized_keys' && issue.path.length === 0
      ? `"${type}" has no such field; it takes ${Object.keys(spec.schema.shape).join(', ')}`
      : issue.message;
    throw new AppError('invalid_payload', `${field}: ${message}`, {
      field,
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''), message: i.message })),
    });
  }
  return parsed.data as Record<string, unknown>;
}
