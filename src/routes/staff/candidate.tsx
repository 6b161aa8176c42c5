// The candidate record page and its forms: events (generated from allowedEvents), notes, CV
// review. Every post checks the session's CSRF token and the permission table.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorizeCandidate, authorizedCandidate } from '../../auth/authorize.js';
import { allows } from '../../auth/permissions.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { act } from '../../services/journeys/act.js';
import { AppError } from '../../errors.js';
import { candidateWithJourney } from '../../services/candidates/get.js';
import { candidateHistory } from '../../services/candidates/history.js';
import { reviewCvFields } from '../../services/cv/accept.js';
import { getCvView } from '../../services/cv/view.js';
import { candidateEmails } from '../../services/emails/list.js';
import { addNote, candidateNotes } from '../../services/notes/notes.js';
import { sendMagicLinkFor } from '../../services/portal/magic-link.js';
import { payloadFrom } from '../../ui/event-form.js';
import { CandidatePage, type CvSummary } from '../../ui/pages/candidate.js';
import { jsonSchemaOf, stageOrder } from '../../../workflows/inspect.js';
import { eventCatalog } from '../../../workflows/events/index.js';
import { actorOf } from '../../auth/principal.js';
import { idParam } from '../input.js';
import { readForm, textFields } from '../form.js';
import { staffOf } from './staff-of.js';
import { memberSection } from '../compliance/member-section.js';

type Flash = { kind: 'error' | 'notice'; text: string };

type Retry = { type: string; values: Record<string, string> };

/** The record page. After a failed post it reads the candidate afresh (a lost race shows the latest state). */
async function renderRecord(app: AppContext, c: Context<SessionVars>, id: string, flash?: Flash, status: 200 | 400 | 403 | 409 | 422 | 429 = 200, retry?: Retry) {
  const staff = c.get('staff');
  const row = await authorizedCandidate(app, staff, 'candidates.read', id, status === 200 ? c.get('candidate') : undefined);
  const programme = row.journey.programme;
  const candidate = candidateWithJourney(app, row.candidate, row.journey);
  const history = await candidateHistory(app.db, id);
  const cv = await getCvView(app, id).then((v): CvSummary => ({
    status: v.status, filename: v.filename, documentId: v.id, error: v.error ?? null,
    fields: v.fields as CvSummary['fields'], reviewed: v.reviewed as CvSummary['reviewed'], duplicates: v.duplicates,
  })).catch((e) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)));
  const current = history.filter((h) => h.journeyId === candidate.journey.id);
  return c.html(
    <CandidatePage
      staff={staffOf(c)} candidate={candidate} history={history} cv={cv} membership={await memberSection(app, id)}
      stages={stageOrder(app.machines[candidate.journey.programme as 'domestic'])}
      passedStages={[...new Set(current.map((h) => h.fromStage).filter((s): s is string => !!s))]}
      emails={await candidateEmails(app.db, id)} notes={await candidateNotes(app.db, id)}
      canAct={allows(staff.role, 'journey.act', programme)} canNote={allows(staff.role, 'notes.write', programme)}
      canReviewCv={allows(staff.role, 'cv.review', programme)} {...(flash ? { flash } : {})} {...(retry ? { retry } : {})}
    />,
    status,
  );
}

const noteForm = z.object({ text: z.string().trim().min(1, 'write something').max(4000) });
const cvForm = z.object({ field: z.enum(['fullName', 'email', 'phone', 'postcode', 'profession', 'registrations', 'englishTest', 'employment', 'gapsOverThreeMonths']), value: z.string().max(400).optional(), documentId: z.uuid().optional() });

export function candidatePages(app: AppContext) {
  const r = new Hono<SessionVars>();

  r.get('/:id', async (c) => {
    const done = c.req.query('done');
    const label = done ? eventCatalog[done]?.label ?? done.slice(0, 100) : undefined;
    return renderRecord(app, c, idParam(c), label ? { kind: 'notice', text: `Done: ${label}.` } : undefined);
  });

  r.post('/:id/events', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    const type = form._type ?? '';
    const version = Number(form._version);
    const retry: Retry = { type, values: Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_'))) };
    try {
      // Own keys only: a type of "constructor" or "__proto__" is unknown, not Object.prototype's.
      if (!Object.hasOwn(eventCatalog, type)) throw new AppError('unknown_event', `_type: there is no event called "${type.slice(0, 100)}".`, { field: '_type' });
      const { payload, errors } = payloadFrom(jsonSchemaOf(type), form);
      if (errors.length) return renderRecord(app, c, id, { kind: 'error', text: errors.join('; ') }, 400, retry);
      await act(app, c.get('staff'), id, { type, payload, expectedVersion: Number.isInteger(version) ? version : undefined }, c.get('candidate'));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // Shown on the record with what is true now (a lost race shows the latest state).
      const text = error.code === 'version_conflict' ? 'Someone else changed this candidate meanwhile: here is the latest. Check and try again.' : error.message;
      return renderRecord(app, c, id, { kind: 'error', text }, error.status as 400, retry);
    }
    return c.redirect(`/candidates/${id}?done=${encodeURIComponent(type)}`, 303);
  });

  r.post('/:id/notes', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    await authorizeCandidate(app, c.get('staff'), 'notes.write', id);
    const parsed = noteForm.safeParse(form);
    if (!parsed.success) return renderRecord(app, c, id, { kind: 'error', text: 'Write the note before saving it.' }, 400);
    await addNote(app.db, id, c.get('staff').userId, parsed.data.text, app.clock.now());
    return c.redirect(`/candidates/${id}?done=note`, 303);
  });

  r.post('/:id/sign-in-link', async (c) => {
    const id = idParam(c);
    checkCsrf(c.get('session'), textFields(await readForm(c))._csrf);
    try {
      await sendMagicLinkFor(app, c.get('staff'), id, c.get('candidate'));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      return renderRecord(app, c, id, { kind: 'error', text: error.message }, error.status as 400 | 429);
    }
    return c.redirect(`/candidates/${id}?done=${encodeURIComponent('a new sign-in link is on its way to the applicant')}`, 303);
  });

  r.post('/:id/cv/accept', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    await authorizeCandidate(app, c.get('staff'), 'cv.review', id);
    const parsed = cvForm.safeParse(form);
    if (!parsed.success) return renderRecord(app, c, id, { kind: 'error', text: 'Choose a field to accept.' }, 400);
    const { field, value, documentId } = parsed.data;
    try {
      await reviewCvFields(app, id, { ...(documentId ? { documentId } : {}), fields: { [field]: value !== undefined && value !== '' ? value : true } } as never, actorOf(c.get('staff')));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return renderRecord(app, c, id, { kind: 'error', text: error.message }, error.status as 400);
    }
    return c.redirect(`/candidates/${id}?done=${encodeURIComponent(`${field} accepted`)}`, 303);
  });
  return r;
}
