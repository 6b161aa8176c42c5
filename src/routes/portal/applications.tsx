// The applicant's pages for one application and its actions. Each action is one service call
// (src/services/portal/actions.ts) that goes through the front door with the applicant as actor;
// a refusal comes back as the page with an error summary linked to the fields.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type SessionVars, applicantSession, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { MAX_DOCUMENT_BYTES, fetchDocument, storeDocument } from '../../services/documents/store.js';
import { answerOffer, answerQuery, chooseInterviewSlot, documentsSent, giveReferees, giveRightToWork } from '../../services/portal/actions.js';
import { applicationPage, coverageSoFar } from '../../services/portal/application.js';
import { type Problem, PortalApplication } from '../../ui/portal/application.js';
import type { FieldError } from '../../ui/portal/form-bits.js';
import { PortalReferees, type RefereesForm } from '../../ui/portal/referees.js';
import { type Form, readForm, textFields } from '../form.js';
import { idParam } from '../input.js';
import { problemsOf } from './problems.js';

const notices: Record<string, string> = {
  offerAccepted: 'Thank you: you have accepted the offer. We will start your pre-employment checks.',
  offerDeclined: 'You have declined the offer. Thank you for letting us know.',
  referees: 'We have sent requests to your referees.',
  rtw: 'Thank you: we have your right to work details.',
  uploaded: 'Your document has been uploaded.',
  sent: 'Thank you: we will review your documents.',
  answered: 'Thank you: we have your answer.',
  booked: 'Your interview is booked. We have emailed you a calendar invitation.',
};

const uploadLimit = { maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024, overLimit: () => new AppError('document_too_large', `The file must be smaller than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: take a smaller photo or scan fewer pages.`, { field: 'file' }) };

const versionOf = (body: Record<string, string>) => (/^\d+$/.test(body._version ?? '') ? Number(body._version) : undefined);

async function fileOf(form: Form, name: string): Promise<{ bytes: Uint8Array; filename: string } | undefined> {
  const f = form[name];
  if (!(f instanceof File) || (f.size === 0 && !f.name)) return undefined;
  return { bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name };
}

const decisionForm = z.object({ decision: z.enum(['accept', 'decline']).optional(), reason: z.string().max(2000).optional() });

/** Referees and gaps from the form's rows; an empty row is left out. */
function refereesPayload(values: Record<string, string>, rows: number, gapRows: number) {
  const take = (prefix: string, keys: string[]) => {
    const o: Record<string, string> = {};
    for (const k of keys) if (values[`${prefix}.${k}`]?.trim()) o[k] = values[`${prefix}.${k}`]!.trim();
    return o;
  };
  const referees = Array.from({ length: rows }, (_, i) => take(`referees.${i}`, ['name', 'email', 'organisation', 'jobTitle', 'relationship', 'coversFrom', 'coversTo']));
  const gaps = Array.from({ length: gapRows }, (_, i) => take(`gaps.${i}`, ['from', 'to', 'reason', 'explanation']));
  // Rows are renumbered once empties are left out: errors name the form's own row.
  const refIndex = referees.map((r, i) => (Object.keys(r).length ? i : -1)).filter((i) => i >= 0);
  const gapIndex = gaps.map((g, i) => (Object.keys(g).length ? i : -1)).filter((i) => i >= 0);
  const payload: Record<string, unknown> = { referees: refIndex.map((i) => referees[i]) };
  if (gapIndex.length) payload.gaps = gapIndex.map((i) => gaps[i]);
  const rename = (field: string) => field
    .replace(/^referees\.(\d+)/, (_, n) => `referees.${refIndex[Number(n)] ?? 0}`)
    .replace(/^gaps\.(\d+)/, (_, n) => `gaps.${gapIndex[Number(n)] ?? 0}`)
    .replace(/^referees$/, 'referees.0.name').replace(/^gaps$/, 'gaps.0.from').replace(/^$/, 'referees.0.name');
  return { payload, rename, referees: refIndex.map((i) => referees[i]!), gaps: gapIndex.map((i) => gaps[i]!) };
}

const clampRows = (n: string | undefined, min: number) => Math.min(6, Math.max(min, /^\d+$/.test(n ?? '') ? Number(n) : min));

export function applicationRoutes(app: AppContext) {
  const r = new Hono<SessionVars>();
  r.use('*', applicantSession(app));

  const show = async (c: Context<SessionVars>, id: string, problem?: Problem, status: 200 | 400 | 409 | 413 | 415 | 422 = 200) => {
    const page = await applicationPage(app, c.get('applicant'), id);
    const notice = notices[c.req.query('done') ?? ''];
    return c.html(<PortalApplication page={page} csrf={c.get('session').csrf} problem={problem} notice={status === 200 ? notice : undefined} />, status);
  };
  const statusOf = (e: unknown) => (e instanceof AppError ? (e.status as 400 | 409 | 413 | 415 | 422) : 400);
  const done = (c: Context, id: string, what: string) => c.redirect(`/portal/applications/${id}?done=${what}`, 303);
  /** Runs an action; a refusal the applicant can fix shows the page again with what to fix. */
  const attempt = async (c: Context<SessionVars>, id: string, form: string, values: Record<string, string>, run: () => Promise<string>, rename?: (f: string) => string, fallback = 'decision') => {
    try {
      return done(c, id, await run());
    } catch (e) {
      const errors = problemsOf(e, rename).map((x) => (x.field ? x : { ...x, field: fallback }));
      return show(c, id, { form, errors, values }, statusOf(e));
    }
  };

  r.get('/:id', (c) => show(c, idParam(c, 'Your application')));

  r.post('/:id/offer', async (c) => {
    const id = idParam(c, 'Your application');
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    // A value no form sends (a forged decision, an over-long reason) is a field error, not a 500.
    const parsed = decisionForm.safeParse(body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'decision');
      const message = field === 'reason' ? 'Keep your reason to 2,000 characters or fewer' : 'Choose whether you accept the offer';
      return show(c, id, { form: 'offer', errors: [{ field, message }], values: body }, 400);
    }
    const form = parsed.data;
    if (!form.decision) return show(c, id, { form: 'offer', errors: [{ field: 'decision', message: 'Choose whether you accept the offer' }], values: body }, 400);
    if (form.decision === 'decline' && !form.reason?.trim()) return show(c, id, { form: 'offer', errors: [{ field: 'reason', message: 'Tell us why you are declining the offer' }], values: body }, 400);
    return attempt(c, id, 'offer', body, async () => {
      await answerOffer(app, c.get('applicant'), id, { decision: form.decision!, reason: form.reason?.trim(), expectedVersion: versionOf(body) });
      return form.decision === 'accept' ? 'offerAccepted' : 'offerDeclined';
    });
  });

  r.post('/:id/interview', async (c) => {
    const id = idParam(c, 'Your application');
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    if (!body.interviewAt) return show(c, id, { form: 'interview', errors: [{ field: 'interviewAt', message: 'Choose one of the times we offered' }], values: body }, 400);
    return attempt(c, id, 'interview', body, async () => {
      await chooseInterviewSlot(app, c.get('applicant'), id, body.interviewAt!, { expectedVersion: versionOf(body) });
      return 'booked';
    }, undefined, 'interviewAt');
  });

  r.post('/:id/right-to-work', async (c) => {
    const id = idParam(c, 'Your application');
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    if (body.route !== 'share_code' && body.route !== 'documents') return show(c, id, { form: 'rtw', errors: [{ field: 'route', message: 'Choose how you will prove your right to work' }], values: body }, 400);
    const payload = body.route === 'share_code'
      ? { route: body.route, ...(body.shareCode?.trim() ? { shareCode: body.shareCode } : {}), ...(body.dateOfBirth ? { dateOfBirth: body.dateOfBirth } : {}) }
      : { route: body.route };
    return attempt(c, id, 'rtw', body, async () => {
      await giveRightToWork(app, c.get('applicant'), id, payload as Parameters<typeof giveRightToWork>[3], { expectedVersion: versionOf(body) });
      return 'rtw';
    }, undefined, 'route');
  });

  /** An upload's form; a file over the cap is shown on the form (nothing was read, nothing changes). */
  const uploadForm = async (c: Context<SessionVars>, id: string, formName: string) => {
    try {
      return { form: await readForm(c, uploadLimit) };
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'document_too_large') throw e;
      return { page: await show(c, id, { form: formName, errors: problemsOf(e), values: {} }, 413) };
    }
  };

  r.post('/:id/documents', async (c) => {
    const id = idParam(c, 'Your application');
    const read = await uploadForm(c, id, 'documents');
    if (read.page) return read.page;
    const form = read.form;
    const body = textFields(form);
    checkCsrf(c.get('session'), body._csrf);
    const [check, kind] = (body.document ?? '').split('/');
    const file = await fileOf(form, 'file');
    const errors: FieldError[] = [];
    if (!check || !kind) errors.push({ field: 'document', message: 'Choose what the document is' });
    if (!file) errors.push({ field: 'file', message: 'Choose the file to upload' });
    if (errors.length) return show(c, id, { form: 'documents', errors, values: body }, 400);
    return attempt(c, id, 'documents', body, async () => {
      await storeDocument(app, { candidateId: id, check: check!, kind: kind!, bytes: file!.bytes, filename: file!.filename, actor: c.get('applicant') });
      return 'uploaded';
    }, (f) => (f === 'kind' || f === 'check' ? 'document' : f), 'file');
  });

  r.post('/:id/documents/done', async (c) => {
    const id = idParam(c, 'Your application');
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    return attempt(c, id, 'documents', body, async () => {
      await documentsSent(app, c.get('applicant'), id, body.check ?? '', { expectedVersion: versionOf(body) });
      return 'sent';
    }, undefined, 'file');
  });

  r.get('/:id/documents/:doc', async (c) => {
    const doc = await fetchDocument(app, c.get('applicant'), idParam(c, 'Your application'), idParam(c, 'The document', 'doc'));
    return documentResponse(c, doc);
  });

  r.post('/:id/queries/:check', async (c) => {
    const id = idParam(c, 'Your application');
    const check = c.req.param('check');
    const read = await uploadForm(c, id, `query-${check}`);
    if (read.page) return read.page;
    const form = read.form;
    const body = textFields(form);
    checkCsrf(c.get('session'), body._csrf);
    const file = await fileOf(form, 'file');
    return attempt(c, id, `query-${check}`, body, async () => {
      await answerQuery(app, c.get('applicant'), id, check, { text: body.answer ?? '', ...(file ? { file } : {}), expectedVersion: versionOf(body) });
      return 'answered';
    }, (f) => (f === 'note' ? 'answer' : f), 'answer');
  });

  // Referees: a page of its own (several rows, coverage shown as they go).
  const refereesPage = async (c: Context<SessionVars>, id: string, form: RefereesForm, errors: FieldError[], status: 200 | 400 | 409 | 422 = 200, showCoverage = false) => {
    const page = await applicationPage(app, c.get('applicant'), id);
    if (!page.canGiveReferees) return c.redirect(`/portal/applications/${id}`, 303);
    const { referees, gaps } = refereesPayload(form.values, form.referees, form.gaps);
    let coverage = null;
    if (showCoverage) {
      try {
        coverage = coverageSoFar(app, [...referees.filter((r) => r.coversFrom).map((r) => ({ name: r.name ?? '', email: r.email ?? '', organisation: r.organisation ?? '', relationship: r.relationship ?? 'employer', coversFrom: r.coversFrom!, ...(r.coversTo ? { coversTo: r.coversTo } : {}) }))],
          gaps.filter((g) => g.from && g.to).map((g) => ({ from: g.from!, to: g.to!, reason: g.reason ?? 'other', explanation: g.explanation ?? '' })));
      } catch {
        coverage = null;
      }
    }
    return c.html(<PortalReferees applicationId={id} csrf={c.get('session').csrf} version={page.version} required={page.referencesRequired} gapDays={app.policy.referenceGapDays} form={form} coverage={coverage} errors={errors} />, status);
  };

  r.get('/:id/referees', (c) => refereesPage(c, idParam(c, 'Your application'), { referees: 2, gaps: 1, values: {} }, []));

  r.post('/:id/referees', async (c) => {
    const id = idParam(c, 'Your application');
    const body = textFields(await readForm(c));
    checkCsrf(c.get('session'), body._csrf);
    const form: RefereesForm = { referees: clampRows(body.rows, 1), gaps: clampRows(body.gapRows, 1), values: body };
    if (body.intent === 'add') return refereesPage(c, id, { ...form, referees: Math.min(6, form.referees + 1) }, [], 200, true);
    if (body.intent === 'addGap') return refereesPage(c, id, { ...form, gaps: Math.min(6, form.gaps + 1) }, [], 200, true);
    if (body.intent !== 'send') return refereesPage(c, id, form, [], 200, true);
    const { payload, rename } = refereesPayload(body, form.referees, form.gaps);
    try {
      await giveReferees(app, c.get('applicant'), id, payload, { expectedVersion: versionOf(body) });
      return done(c, id, 'referees');
    } catch (e) {
      const errors = problemsOf(e, rename).map((x) => (x.field ? x : { ...x, field: 'referees.0.name' }));
      return refereesPage(c, id, form, errors, statusOf(e) === 413 || statusOf(e) === 415 ? 400 : (statusOf(e) as 400 | 409 | 422), true);
    }
  });
  return r;
}

/** A stored document, as the browser should show it: its sniffed type, never run as a page. */
export function documentResponse(c: Context, doc: { bytes: Buffer; contentType: string; filename: string }) {
  const ascii = doc.filename.replace(/[^\w. -]/g, '_');
  return c.body(new Uint8Array(doc.bytes), 200, {
    'content-type': doc.contentType,
    'content-disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}
