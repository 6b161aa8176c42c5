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
import { cvFile } from '../../services/cv/file.js';
import { exportCandidate } from '../../services/privacy/export.js';
import { eraseOnRequest } from '../../services/privacy/erase-on-request.js';
import { historyPeople } from '../../services/candidates/people.js';
import { issueWords, pathWords, staffMessage } from '../../ui/staff/messages.js';
import type { HistoryNames } from '../../ui/staff/history-words.js';
import { requiredDbsLevel } from '../../../workflows/standards/dbs.js';
import { portalPanels } from './portal-panels.js';
import { memberSection } from '../compliance/member-section.js';

type Flash = { kind: 'error' | 'notice'; text: string; fields?: { id: string; text: string }[] };

type Retry = { type: string; values: Record<string, string | string[]> };

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
  const people = await historyPeople(app.db, id, history.map((h) => h.actor.id).filter((x): x is string => !!x));
  const ctx = candidate.journey.context;
  const [d1, d2, d3, d4] = app.policy.referenceChaseDays;
  const names: HistoryNames = {
    ...people, candidateName: candidate.fullName,
    refereeEmails: Object.fromEntries((ctx.referees ?? []).map((r) => [r.email.toLowerCase(), r.name])),
    chaseDays: [d1!, d2!, d3!, Math.min(Math.max(app.policy.referenceHrAlertDay, d3!), d4!), d4!],
  };
  return c.html(
    <CandidatePage
      staff={staffOf(c)} candidate={candidate} history={history} cv={cv} membership={await memberSection(app, id)}
      stages={stageOrder(app.machines[candidate.journey.programme as 'domestic'])}
      passedStages={[...new Set(current.map((h) => h.fromStage).filter((s): s is string => !!s))]}
      emails={await candidateEmails(app.db, id)} notes={await candidateNotes(app.db, id)}
      canAct={allows(staff.role, 'journey.act', programme)} canNote={allows(staff.role, 'notes.write', programme)}
      canReviewCv={allows(staff.role, 'cv.review', programme)} canExport={allows(staff.role, 'data.export', programme)} canErase={allows(staff.role, 'data.erase', programme)}
      names={names} now={app.clock.now()} dbsLevelNeeded={requiredDbsLevel(app.policy, { programme: programme as 'domestic', profession: candidate.profession as 'registered_nurse' })} {...(flash ? { flash } : {})} {...(retry ? { retry } : {})}
      portal={await portalPanels(app, c, id)}
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
    const label = done === 'erased' ? 'their personal data is erased' : done ? (Object.hasOwn(eventCatalog, done) ? eventCatalog[done]!.label : done.slice(0, 100)) : undefined;
    return renderRecord(app, c, idParam(c), label ? { kind: 'notice', text: `Done: ${label}.` } : undefined);
  });

  r.post('/:id/events', async (c) => {
    const id = idParam(c);
    const raw = await readForm(c);
    const form = textFields(raw);
    checkCsrf(c.get('session'), form._csrf);
    const type = form._type ?? '';
    const version = Number(form._version);
    const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_'))
      .map(([k, v]) => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v : ''])) as Record<string, string | string[]>;
    const retry: Retry = { type, values };
    try {
      // Own keys only: a type of "constructor" or "__proto__" is unknown, not Object.prototype's.
      if (!Object.hasOwn(eventCatalog, type)) throw new AppError('unknown_event', `_type: there is no event called "${type.slice(0, 100)}".`, { field: '_type' });
      const { payload, errors } = payloadFrom(jsonSchemaOf(type), raw);
      if (errors.length) return renderRecord(app, c, id, { kind: 'error', text: staffMessage(errors.join('; ')) }, 400, retry);
      await act(app, c.get('staff'), id, { type, payload, expectedVersion: Number.isInteger(version) ? version : undefined }, c.get('candidate'));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // Shown on the record with what is true now (a lost race shows the latest state).
      const text = error.code === 'version_conflict' ? 'Someone else changed this candidate meanwhile: here is the latest. Check and try again.' : staffMessage(error.message);
      const issues = (error.extra as { errors?: { field: string; message: string }[] } | undefined)?.errors;
      const field = (error.extra as { field?: unknown } | undefined)?.field;
      const slug = type.replace(/\W/g, '-');
      const fields = issues?.length
        ? issues.map((i) => ({ id: `${slug}-${i.field.replace(/\./g, '-')}`, text: `${pathWords(i.field)}: ${issueWords(i.message)}` }))
        : typeof field === 'string' && field && !field.includes(',') ? [{ id: `${slug}-${field.replace(/\./g, '-')}`, text }] : undefined;
      return renderRecord(app, c, id, { kind: 'error', text: fields ? 'There is a problem' : text, ...(fields ? { fields } : {}) }, error.status as 400, retry);
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
    return c.redirect(`/candidates/${id}?done=${encodeURIComponent('the value from the CV is accepted')}`, 303);
  });
  // The CV as the PDF it is (inline, sandboxed so nothing in it runs as this site).
  r.get('/:id/cv/file', async (c) => {
    const id = idParam(c);
    const file = await cvFile(app, c.get('staff'), id, c.get('candidate'));
    const safeName = file.filename.replace(/[^\w .-]/g, '_').slice(0, 100) || 'cv.pdf';
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${safeName}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'; object-src 'self'; plugin-types application/pdf",
      'cache-control': 'no-store',
    });
  });

  r.post('/:id/privacy/export', async (c) => {
    const id = idParam(c);
    checkCsrf(c.get('session'), textFields(await readForm(c))._csrf);
    await authorizeCandidate(app, c.get('staff'), 'data.export', id);
    const data = await exportCandidate(app, id, actorOf(c.get('staff')));
    c.header('content-disposition', `attachment; filename="subject-access-${id}.json"`);
    return c.json(data);
  });

  r.post('/:id/privacy/erase', async (c) => {
    const id = idParam(c);
    const form = textFields(await readForm(c));
    checkCsrf(c.get('session'), form._csrf);
    await authorizeCandidate(app, c.get('staff'), 'data.erase', id);
    if ((form.confirm ?? '').trim().toUpperCase() !== 'ERASE') {
      return renderRecord(app, c, id, { kind: 'error', text: 'There is a problem', fields: [{ id: 'erase-confirm', text: 'Type ERASE to confirm the erasure' }] }, 400);
    }
    await eraseOnRequest(app, c.get('staff'), id);
    return c.redirect(`/candidates/${id}?done=${encodeURIComponent('erased')}`, 303);
  });
  return r;
}
