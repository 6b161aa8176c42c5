// Reports: time to hire and time to fill against the 8-week target, the funnel and drop-out,
// days in each check, and stuck candidates; each table also as a CSV download. Reports follow the
// reader's programme scope (`reports.read` in the permission table), pages and CSVs alike: a
// coordinator sees international numbers, reasons and names only.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { SessionVars } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import {
  MONTH, addMonths, allReports, checkDurations, durations, funnel, monthOf, stuckCandidates, withdrawalReasons,
  type ReportParams,
} from '../../services/reports/index.js';
import { toCsv } from '../../services/csv.js';
import { type ReportFilters, ReportsPage } from '../../ui/pages/reports.js';
import { type CsvTable, type Table, checksTable, durationTable, funnelTable, reasonsTable, stuckTable } from '../../ui/pages/report-tables.js';
import { programmes } from '../../../workflows/types.js';
import { parseWith } from '../input.js';
import { staffOf } from './staff-of.js';

/** At most five years on one page. */
const MAX_MONTHS = 60;
const DEFAULT_MONTHS = 12;

const blankable = <T extends z.ZodType>(s: T) => z.union([s, z.literal('')]).optional().transform((v) => (v === '' ? undefined : v));
const query = z.object({
  programme: blankable(z.enum(programmes)),
  from: blankable(z.string().regex(MONTH, 'use a month as YYYY-MM')),
  to: blankable(z.string().regex(MONTH, 'use a month as YYYY-MM')),
});


/** The filters, with the default range: the twelve months up to this one. */
function filtersOf(c: Context<SessionVars>, app: AppContext): ReportFilters {
  const q = parseWith(query, c.req.query(), 'invalid_query');
  const to = q.to ?? (q.from && q.from > monthOf(app.clock.now()) ? q.from : monthOf(app.clock.now()));
  const from = q.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  if (from > to) throw new AppError('invalid_query', 'from: the first month must not be after the last', { field: 'from' });
  if (from < addMonths(to, -(MAX_MONTHS - 1))) throw new AppError('invalid_query', `from: show at most ${MAX_MONTHS} months at a time`, { field: 'from' });
  return { programme: q.programme, from, to };
}


export function reportPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const read = async (c: Context<SessionVars>) => {
    const staff = c.get('staff');
    await authorize(app, staff, 'reports.read');
    const filters = filtersOf(c, app);
    const readable = programmesFor(staff.role, 'reports.read');
    if (filters.programme && !readable.includes(filters.programme)) {
      throw new AppError('forbidden', `Your role (${staff.role}) may not see reports on ${filters.programme} candidates.`);
    }
    const params: ReportParams = { from: filters.from, to: filters.to, programmes: filters.programme ? [filters.programme] : readable };
    return { staff, filters, params, readable, stuckProgrammes: params.programmes };
  };

  r.get('/', async (c) => {
    const { filters, params, readable, stuckProgrammes } = await read(c);
    const reports = await allReports(app.db, app.machines, app.policy, { ...params, stuckProgrammes, now: app.clock.now() });
    return c.html(<ReportsPage staff={staffOf(c)} filters={filters} readable={readable} programmes={params.programmes} stuckProgrammes={stuckProgrammes} reports={reports} checkDueDays={app.policy.checkDueDays} />);
  });

  // One download per table, each the same rows as the page's table.
  const downloads: Record<CsvTable, (p: Awaited<ReturnType<typeof read>>) => Promise<Table>> = {
    'time-to-hire': async ({ params }) => durationTable(await durations(app.db, 'hire', params), 'hire', 'csv'),
    'time-to-fill': async ({ params }) => durationTable(await durations(app.db, 'fill', params), 'fill', 'csv'),
    funnel: async ({ params }) => funnelTable(await funnel(app.db, app.machines, params)),
    'withdrawal-reasons': async ({ params }) => reasonsTable(await withdrawalReasons(app.db, params)),
    checks: async ({ params }) => checksTable(await checkDurations(app.db, params)),
    stuck: async ({ stuckProgrammes }) => stuckTable(await stuckCandidates(app.db, app.machines, app.policy, { programmes: stuckProgrammes, now: app.clock.now() })),
  };
  for (const [name, load] of Object.entries(downloads)) {
    r.get(`/${name}.csv`, async (c) => {
      const ctx = await read(c);
      const table = await load(ctx);
      const f = ctx.filters;
      const file = name === 'stuck' ? `intake-stuck-${monthOf(app.clock.now())}` : `intake-${name}${f.programme ? `-${f.programme}` : ''}-${f.from}-to-${f.to}`;
      return c.body(toCsv(table.header, table.rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}.csv"`,
        'cache-control': 'no-store',
      });
    });
  }
  return r;
}
