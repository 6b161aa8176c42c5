// Staff routes for the applicant's portal work: open a document (scoped to the staff member's
// programmes, audited), and offer interview times (an event through the front door).
import { Hono } from 'hono';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { fetchDocument } from '../../services/documents/store.js';
import { act } from '../../services/journeys/act.js';
import { readForm, textFields } from '../form.js';
import { idParam } from '../input.js';
import { documentResponse } from '../portal/applications.js';
import { ukLocalToIso } from '../../ui/uk-time.js';

export function staffPortalPages(app: AppContext) {
  const r = new Hono<SessionVars>();

  r.get('/:id/documents/:doc', async (c) => {
    const doc = await fetchDocument(app, c.get('staff'), idParam(c), idParam(c, 'The document', 'doc'));
    return documentResponse(c, doc);
  });

  r.post('/:id/interview-slots', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const slots: { at: string; location: string }[] = [];
    for (const i of [0, 1, 2]) {
      const at = form[`slot-${i}-at`]?.trim() ?? '';
      const location = form[`slot-${i}-location`]?.trim() ?? '';
      if (!at && !location) continue;
      const iso = ukLocalToIso(at);
      if (!iso) throw new AppError('invalid_payload', `slot-${i}-at: give time ${i + 1}'s date and time.`, { field: `slot-${i}-at` });
      if (!location) throw new AppError('invalid_payload', `slot-${i}-location: give time ${i + 1}'s place.`, { field: `slot-${i}-location` });
      slots.push({ at: iso, location });
    }
    const version = Number(form._version);
    try {
      await act(app, c.get('staff'), id, { type: 'interviewSlotsOffered', payload: { slots }, expectedVersion: Number.isInteger(version) ? version : undefined }, c.get('candidate'));
    } catch (e) {
      // Not found and forbidden stay what they are; a refusal of the times is shown on the record.
      if (!(e instanceof AppError) || e.status >= 500 || e.status === 403 || e.status === 404) throw e;
      return c.redirect(`/candidates/${id}?done=${encodeURIComponent(`not done: ${e.message}`.slice(0, 300))}`, 303);
    }
    return c.redirect(`/candidates/${id}?done=interviewSlotsOffered`, 303);
  });
  return r;
}
