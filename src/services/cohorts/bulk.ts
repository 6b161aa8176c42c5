// Bulk events: one event type with one payload applied to several members of a cohort, e.g. the
// whole flight marked arrived at once. Each candidate goes through the front door (act.ts) on its
// own, so one refusal (a candidate not at that step) never undoes the others; every outcome is
// reported, per candidate.
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { act } from '../journeys/act.js';
import { parseEvent } from '../journeys/event.js';
import { AppError } from '../../errors.js';
import { memberIds } from './manage.js';

export interface BulkField { name: string; label: string; input: 'date' | 'text' | 'select'; options?: { value: string; label: string }[]; hint?: string; optional?: boolean }
export interface BulkAction { type: string; title: string; button: string; hint: string; fields: BulkField[] }

const note: BulkField = { name: 'note', label: 'Note', input: 'text', optional: true };

/**
 * The events a coordinator applies to a group. Their fields are the event's payload (checked by
 * the event catalog's own schema); the form names them `<type>.<field>`.
 */
export const bulkActions: BulkAction[] = [
  {
    type: 'travelBooked', title: 'Travel booked', button: 'Mark travel booked', hint: 'For candidates whose visa is granted.',
    fields: [
      { name: 'flightDate', label: 'Flight date', input: 'date' },
      { name: 'arrivalAirport', label: 'Arrival airport', input: 'text' },
      { name: 'accommodation', label: 'Accommodation', input: 'text' },
      note,
    ],
  },
  {
    type: 'arrivedInUk', title: 'Arrived in the UK', button: 'Mark arrived',
    hint: 'The OSCE target and the sponsorship limit count from the day of arrival: today unless you give it.',
    fields: [{ name: 'occurredOn', label: 'Arrival date', input: 'date', optional: true, hint: 'Today if left blank; not before the flight' }, note],
  },
  {
    type: 'preRegistrationStarted', title: 'Pre-registration posts', button: 'Start pre-registration posts', hint: 'For nurses and midwives whose arrival checks are complete.',
    fields: [
      { name: 'band', label: 'Band', input: 'select', options: [{ value: '3', label: 'Band 3' }, { value: '4', label: 'Band 4' }] },
      { name: 'startDate', label: 'Start date', input: 'date' },
      note,
    ],
  },
  {
    type: 'osceBooked', title: 'OSCE booking', button: 'Book OSCE', hint: 'At least 14 days ahead, once the NMC decision letter exists.',
    fields: [
      { name: 'date', label: 'OSCE date', input: 'date' },
      { name: 'centre', label: 'Test centre', input: 'text' },
      note,
    ],
  },
  {
    type: 'movedToBand5', title: 'Band 5', button: 'Move to Band 5', hint: 'For nurses and midwives with their NMC PIN.',
    fields: [{ name: 'effectiveFrom', label: 'Effective from', input: 'date' }, note],
  },
];

export const bulkTypes = bulkActions.map((a) => a.type) as [string, ...string[]];
const bulkAction = (type: string) => bulkActions.find((a) => a.type === type);

/**
 * The payload of `type` from a submitted form (fields `<type>.<name>`; blank ones left out),
 * checked against the event's schema: 400 naming the field in words on the page.
 */
export function bulkPayload(type: string, form: Record<string, unknown>): Record<string, unknown> {
  const action = bulkAction(type);
  if (!action) throw new AppError('unknown_event', `"${type}" cannot be applied to a group.`);
  const payload: Record<string, unknown> = {};
  for (const f of action.fields) {
    const raw = form[`${type}.${f.name}`];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string' && value.trim() !== '') payload[f.name] = value.trim();
  }
  try {
    return parseEvent(type, payload);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_payload') throw err;
    const name = String(err.extra.field ?? '');
    const field = action.fields.find((f) => f.name === name);
    if (!field) throw err;
    const message = payload[name] === undefined ? `enter the ${field.label.toLowerCase()}` : err.message.replace(`${name}: `, '');
    throw new AppError('invalid_payload', `${action.title}: ${field.label}: ${message}.`, { field: `${type}.${name}` });
  }
}

export type BulkOutcome = { candidateId: string; ok: true } | { candidateId: string; ok: false; message: string };

/** Applies one event to each selected member, in the order given; ids outside the cohort are refused. */
export async function applyBulkEvent(
  app: AppContext, staff: StaffPrincipal, cohortId: string, type: string, payload: Record<string, unknown>, candidateIds: string[],
): Promise<BulkOutcome[]> {
  const members = new Set(await memberIds(app, cohortId));
  const outcomes: BulkOutcome[] = [];
  for (const candidateId of [...new Set(candidateIds.map((id) => id.toLowerCase()))]) {
    if (!members.has(candidateId)) {
      outcomes.push({ candidateId, ok: false, message: 'Not a member of this cohort.' });
      continue;
    }
    try {
      await act(app, staff, candidateId, { type, payload });
      outcomes.push({ candidateId, ok: true });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      // The engine names the event by its type; the page names it as the button did.
      outcomes.push({ candidateId, ok: false, message: err.message.replace(`"${type}"`, `"${bulkAction(type)?.button ?? type}"`) });
    }
  }
  return outcomes;
}
