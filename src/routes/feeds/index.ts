// Public calendar feeds. Calendar apps fetch a subscription without cookies, so these routes sit
// outside the staff pages' session middleware and the URL's token is the credential: an HMAC of
// the cohort id with the install secret (src/services/cohorts/links.ts). A wrong token and an
// unknown cohort look the same (404), so neither can be probed.
import { Hono } from 'hono';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { osceCalendar } from '../../services/cohorts/ical.js';
import { validFeedToken } from '../../services/cohorts/links.js';
import { getCohort } from '../../services/cohorts/manage.js';
import { cohortMilestones } from '../../services/cohorts/milestones.js';

export function feedRoutes(app: AppContext) {
  const r = new Hono();
  r.get('/cohorts/:id/osce.ics', async (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!validFeedToken(app.settings.secret, id, c.req.query('token'))) throw notFound('The calendar');
    const cohort = await getCohort(app, id).catch(() => { throw notFound('The calendar'); });
    const body = osceCalendar(cohort, await cohortMilestones(app, cohort.id), new URL(app.settings.publicUrl).hostname, app.clock.now());
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="osce.ics"',
      'cache-control': 'no-store', // names of cohort members: kept by no cache
      'x-robots-tag': 'noindex',
    });
  });
  return r;
}
