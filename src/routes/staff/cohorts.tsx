// Coordinator cohorts (issue 6). Reading needs cohorts.read, changing cohorts.manage (coordinators
// and admins); a bulk event also needs journey.act on each candidate it moves. Every form post
// checks the session's CSRF token, validates with zod, and redirects (303) to a page that says
// what happened. The OSCE calendar feed is public (token in the URL): see src/routes/feeds.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { allows } from '../../auth/permissions.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { applyBulkEvent, bulkActions, bulkPayload, bulkTypes } from '../../services/cohorts/bulk.js';
import { cohortCsv } from '../../services/cohorts/csv.js';
import { feedUrl, readResult, signResult, summariseOutcomes } from '../../services/cohorts/links.js';
import { addMembers, createCohort, getCohort, listCohorts, removeMembers, searchCandidates } from '../../services/cohorts/manage.js';
import { cohortMilestones } from '../../services/cohorts/milestones.js';
import { Message } from '../../ui/layout.js';
import { CohortPage, CohortsPage } from '../../ui/pages/cohorts.js';
import { stageLabel } from '../../ui/words.js';
import { parseWith } from '../input.js';
import { readForm as readFormBody } from '../form.js';
import { staffOf } from './staff-of.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A form field sent zero, one or many times, as a list of candidate ids. */
const ids = (what: string, max: number) => z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().regex(UUID, 'not a candidate id')).min(1, `select at least one ${what}`).max(max, `select at most ${max} at a time`),
);

const createForm = z.object({
  name: z.string().trim().min(1, 'enter a name').max(120, 'at most 120 characters'),
  startsOn: z.iso.date('enter the start date'),
});
const addForm = z.object({ candidateId: ids('candidate to add', 200) });
const removeForm = z.object({ member: ids('candidate to remove', 500) });
const eventForm = z.object({ event: z.enum(bulkTypes, 'choose an action'), member: ids('candidate', 200) });
const pageQuery = z.object({
  q: z.string().trim().max(100).optional(),
  created: z.literal('1').optional(),
  added: z.coerce.number().int().min(0).max(1000).optional(),
  already: z.coerce.number().int().min(0).max(1000).optional(),
  refused: z.coerce.number().int().min(0).max(1000).optional(),
  removed: z.coerce.number().int().min(0).max(1000).optional(),
  result: z.string().max(20_000).optional(),
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function notices(q: z.infer<typeof pageQuery>): string[] {
  const out: string[] = [];
  if (q.created) out.push('Cohort created. Find candidates below and add them.');
  if (q.added !== undefined) {
    out.push([
      `${plural(q.added, 'candidate', 'candidates')} added.`,
      q.already ? `${plural(q.already, 'was', 'were')} already in this cohort.` : '',
      q.refused ? `${plural(q.refused, 'was', 'were')} not added: only international candidates can join a cohort.` : '',
    ].filter(Boolean).join(' '));
  }
  if (q.removed !== undefined) out.push(`${plural(q.removed, 'candidate', 'candidates')} removed from this cohort. Their journeys are unchanged.`);
  return out;
}

export function cohortPages(app: AppContext) {
  const r = new Hono<SessionVars>();

  /** A form post: the manage permission, the CSRF token, then the fields (with repeats as lists). */
  const readForm = async (c: Context<SessionVars>) => {
    await authorize(app, c.get('staff'), 'cohorts.manage');
    const body = await readFormBody(c);
    checkCsrf(c.get('session'), Array.isArray(body._csrf) ? body._csrf[0] : body._csrf);
    return body as Record<string, unknown>;
  };
  /** A form that cannot be used as sent: say why, with the way back. */
  const formProblem = (c: Context<SessionVars>, err: unknown, back: string) => {
    if (!(err instanceof AppError) || err.status !== 400) throw err;
    return c.html(<Message title="Please check the form" status="error" body={<p>{err.message} <a href={back}>Go back</a>.</p>} />, 400);
  };

  r.get('/', async (c) => {
    const staff = c.get('staff');
    await authorize(app, staff, 'cohorts.read');
    return c.html(<CohortsPage staff={staffOf(c)} cohorts={await listCohorts(app)} canManage={allows(staff.role, 'cohorts.manage')} />);
  });

  r.post('/', async (c) => {
    const body = await readForm(c);
    try {
      const form = parseWith(createForm, body);
      const cohort = await createCohort(app, form, c.get('staff').userId);
      return c.redirect(`/cohorts/${cohort.id}?created=1`, 303);
    } catch (err) {
      return formProblem(c, err, '/cohorts');
    }
  });

  r.get('/:id', async (c) => {
    const staff = c.get('staff');
    await authorize(app, staff, 'cohorts.read');
    const cohort = await getCohort(app, c.req.param('id'));
    const q = parseWith(pageQuery, c.req.query(), 'invalid_query');
    const canManage = allows(staff.role, 'cohorts.manage');
    const [rows, matches] = [await cohortMilestones(app, cohort.id), canManage && q.q ? await searchCandidates(app, cohort.id, q.q) : null];
    return c.html(<CohortPage
      staff={staffOf(c)} cohort={cohort} rows={rows} canManage={canManage} actions={bulkActions}
      search={matches && q.q ? { q: q.q, matches } : null} notices={notices(q)}
      result={readResult(app.settings.secret, cohort.id, q.result)} feedUrl={feedUrl(app.settings.publicUrl, app.settings.secret, cohort.id)}
    />);
  });

  r.post('/:id/members', async (c) => {
    const body = await readForm(c);
    const cohort = await getCohort(app, c.req.param('id'));
    try {
      const form = parseWith(addForm, body);
      const outcome = await addMembers(app, cohort.id, form.candidateId);
      return c.redirect(`/cohorts/${cohort.id}?added=${outcome.added.length}&already=${outcome.alreadyMembers.length}&refused=${outcome.refused.length}`, 303);
    } catch (err) {
      return formProblem(c, err, `/cohorts/${cohort.id}#add`);
    }
  });

  r.post('/:id/members/remove', async (c) => {
    const body = await readForm(c);
    const cohort = await getCohort(app, c.req.param('id'));
    try {
      const form = parseWith(removeForm, body);
      return c.redirect(`/cohorts/${cohort.id}?removed=${await removeMembers(app, cohort.id, form.member)}`, 303);
    } catch (err) {
      return formProblem(c, err, `/cohorts/${cohort.id}`);
    }
  });

  r.post('/:id/events', async (c) => {
    const body = await readForm(c);
    const cohort = await getCohort(app, c.req.param('id'));
    let form: z.infer<typeof eventForm>;
    let payload: Record<string, unknown>;
    try {
      form = parseWith(eventForm, body);
      payload = bulkPayload(form.event, body);
    } catch (err) {
      return formProblem(c, err, `/cohorts/${cohort.id}`);
    }
    const outcomes = await applyBulkEvent(app, c.get('staff'), cohort.id, form.event, payload, form.member);
    const result = signResult(app.settings.secret, cohort.id, summariseOutcomes(form.event, outcomes));
    return c.redirect(`/cohorts/${cohort.id}?result=${result}`, 303);
  });

  r.get('/:id/export.csv', async (c) => {
    await authorize(app, c.get('staff'), 'cohorts.read');
    const cohort = await getCohort(app, c.req.param('id'));
    const csv = cohortCsv(await cohortMilestones(app, cohort.id), stageLabel);
    const file = `${cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cohort'}-milestones.csv`;
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
    });
  });

  return r;
}
