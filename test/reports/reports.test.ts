// Acceptance: reports from journeys built through the API on a moving clock, with known answers.
// Five domestic nurses get their offers 20, 30, 40, 50 and 70 days after applying and work their
// first shift on days 50, 60, 75, 90 and 100; two more get offers (days 10 and 60) and withdraw
// in their checks; others withdraw or are rejected at known stages, one is erased, three are
// left waiting too long, one HCSWD trainee is hired (on day 75: induction and shadow shifts take
// their booked days, and the trust signs off after a policy of 40 supervised hours, so the whole
// programme fits in the report's months). Every number below follows from that plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { checkDurations, durations, funnel, stuckCandidates, withdrawalReasons } from '../../src/services/reports/index.js';
import { createUser } from '../../src/services/users/manage.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, type Plan, runPlans, type Walked } from './support.js';

let t: TestIntake;
let walked: Record<string, Walked>;
const cookies: Record<string, string> = {};
const END = new Date('2026-06-20T09:00:00.000Z');
const range = { from: '2026-03', to: '2026-06' } as const;
const all = { ...range, programmes: ['domestic', 'international', 'hcswd'] as const };
const domestic = { ...range, programmes: ['domestic'] as const };

/** Offer on day `hire`, accepted the next day, the checks cleared `checks` days after that, first shift on day `fill`. */
const hired = (key: string, hire: number, fill: number, checks: [number, number, number, number, number, number]): Plan => ({
  key, programme: 'domestic',
  at: {
    offerMade: hire, offerAccepted: hire + 1,
    'identity.cleared': hire + 1 + checks[0], 'dbs.cleared': hire + 1 + checks[1], 'references.cleared': hire + 1 + checks[2],
    'workHealth.cleared': hire + 1 + checks[3], 'rightToWork.cleared': hire + 1 + checks[4], 'registration.cleared': hire + 1 + checks[5],
    firstShiftWorked: fill,
  },
});

const plans: Plan[] = [
  hired('c0', 20, 50, [2, 5, 8, 9, 10, 12]),
  hired('c1', 30, 60, [3, 7, 10, 11, 12, 13]),
  hired('c2', 40, 75, [4, 9, 12, 13, 14, 15]),
  hired('c3', 50, 90, [1, 4, 6, 7, 8, 9]),
  hired('c4', 70, 100, [5, 14, 20, 21, 22, 24]),
  {
    key: 'h0', programme: 'hcswd',
    at: { offerMade: 15, offerAccepted: 16, 'identity.cleared': 18, 'dbs.cleared': 19, 'references.cleared': 20, 'workHealth.cleared': 21, 'rightToWork.cleared': 22, firstShiftWorked: 75 },
  },
  { key: 'w1', programme: 'domestic', stopAt: 'screening', exit: { type: 'withdrawn', reason: 'Took another job' } },
  { key: 'w2', programme: 'domestic', stopAt: 'interview', exit: { type: 'withdrawn', reason: 'Took another job' } },
  { key: 'w3', programme: 'domestic', at: { offerMade: 10 }, stopAt: 'checks', exit: { type: 'withdrawn', reason: 'Process too slow,\n"sorry"' } },
  { key: 'w4', programme: 'domestic', at: { offerMade: 60 }, stopAt: 'checks', exit: { type: 'withdrawn', reason: '=HYPERLINK("http://example.com")' } },
  { key: 'w5', programme: 'domestic', stopAt: 'offer', exit: { type: 'withdrawn', reason: 'Took another job' } },
  { key: 'r1', programme: 'domestic', stopAt: 'interview', exit: { type: 'rejected', reason: 'Did not meet the values' } },
  { key: 's1', programme: 'domestic', fullName: '@Ada "Stuck", Lovelace', at: { screeningStarted: 1 }, stopAt: 'screening' },
  { key: 's3', programme: 'domestic', fullName: 'Sam Interview', at: { screeningPassed: 3 }, stopAt: 'interview' },
  { key: 'i1', programme: 'international', fullName: 'Imani Overseas', at: { screeningStarted: 2 }, stopAt: 'screening' },
];

async function staffCookie(role: 'recruiter' | 'coordinator' | 'admin') {
  const { user } = await createUser(t.intake.app.db, { email: `${role}.reports@example.nhs.uk`, name: `Report ${role}`, role, password: 'correct horse battery staple' }, null, t.clock.now());
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, END);
  return `intake_session=${session.value}`;
}

beforeAll(async () => {
  t = await startTestIntake({ policy: { hcswdSignOffMinHours: 40 } });
  walked = await runPlans(t, plans);
  // w5's personal data is erased: its withdrawal reason is no longer kept.
  expect((await t.post(`/api/candidates/${walked.w5!.id}/erase`, { confirm: true })).status).toBe(200);
  // A recent application, still within its stage's 3 days: not stuck.
  t.clock.set(new Date(END.getTime() - 2 * DAY));
  expect((await t.post('/api/candidates', applicant({ fullName: 'Recent Applicant' }))).status).toBe(201);
  t.clock.set(END);
  for (const role of ['recruiter', 'coordinator', 'admin'] as const) cookies[role] = await staffCookie(role);
}, 300_000);
afterAll(async () => { await t?.close(); });

const page = (path: string, role: 'recruiter' | 'coordinator' | 'admin' = 'recruiter') => t.intake.http.request(path, { headers: { cookie: cookies[role]! } });
const row = <T extends { programme: string | null }>(rows: T[], programme: string | null, extra: Partial<T> = {}) =>
  rows.find((r) => r.programme === programme && Object.entries(extra).every(([k, v]) => (r as Record<string, unknown>)[k] === v));

describe('time to hire', () => {
  it('gives the median, 90th percentile and share within 8 weeks of the days from application to conditional offer, per programme', async () => {
    const rows = await durations(t.intake.app.db, 'hire', all);
    // Domestic offers on days 10, 20, 30, 40, 50, 60, 70.
    expect(row(rows, 'domestic', { month: null })).toEqual({ programme: 'domestic', month: null, count: 7, medianDays: 40, p90Days: 64, withinTarget: 5, withinTargetShare: 5 / 7 });
    expect(row(rows, 'hcswd', { month: null })).toMatchObject({ count: 1, medianDays: 15, p90Days: 15, withinTarget: 1 });
    // Everyone: 10, 15, 20, 30, 40, 50, 60, 70.
    expect(row(rows, null, { month: null })).toMatchObject({ count: 8, medianDays: 35, p90Days: 63, withinTarget: 6, withinTargetShare: 0.75 });
    expect(row(rows, 'international')).toBeUndefined();
  });

  it('groups offers by the month they were made in', async () => {
    const rows = (await durations(t.intake.app.db, 'hire', domestic)).filter((r) => r.month !== null);
    expect(rows.map((r) => [r.month, r.count, r.medianDays, r.p90Days, r.withinTarget])).toEqual([
      ['2026-03', 2, 15, 19, 2],
      ['2026-04', 3, 40, 48, 3],
      ['2026-05', 2, 65, 69, 0],
    ]);
  });

  it('counts only offers inside the range of months', async () => {
    const rows = await durations(t.intake.app.db, 'hire', { from: '2026-04', to: '2026-04', programmes: ['domestic'] });
    expect(rows).toEqual([
      { programme: 'domestic', month: '2026-04', count: 3, medianDays: 40, p90Days: 48, withinTarget: 3, withinTargetShare: 1 },
      { programme: 'domestic', month: null, count: 3, medianDays: 40, p90Days: 48, withinTarget: 3, withinTargetShare: 1 },
    ]);
  });
});

describe('time to fill', () => {
  it('measures application to first shift worked, by the month of the first shift', async () => {
    const rows = await durations(t.intake.app.db, 'fill', all);
    expect(row(rows, 'domestic', { month: null })).toMatchObject({ count: 5, medianDays: 75, p90Days: 96, withinTarget: 1 });
    expect(rows.filter((r) => r.programme === 'domestic' && r.month).map((r) => [r.month, r.count, r.medianDays, r.p90Days])).toEqual([
      ['2026-04', 1, 50, 50], ['2026-05', 3, 75, 87], ['2026-06', 1, 100, 100],
    ]);
    expect(row(rows, 'hcswd', { month: '2026-05' })).toMatchObject({ count: 1, medianDays: 75 });
    // Everyone: 50, 60, 75, 75, 90, 100.
    expect(row(rows, null, { month: null })).toMatchObject({ count: 6, medianDays: 75, p90Days: 95, withinTarget: 1 });
  });
});

describe('the funnel and drop-out', () => {
  it('counts the journeys that reached each stage, in the machine\'s stage order, and where they left', async () => {
    const [f] = await funnel(t.intake.app.db, t.intake.app.machines, domestic);
    expect(f!.applications).toBe(14);
    expect(f!.stages.map((s) => [s.stage, s.reached, s.withdrawn, s.rejected, s.closed])).toEqual([
      ['application', 14, 0, 0, 0],
      ['screening', 13, 1, 0, 0],
      ['interview', 11, 1, 1, 0],
      ['offer', 8, 1, 0, 0],
      ['checks', 7, 2, 0, 0],
      ['onboarding', 5, 0, 0, 0],
      ['training', 5, 0, 0, 0],
      ['ready', 5, 0, 0, 0],
      ['first_shift', 5, 0, 0, 0],
      ['hired', 5, 0, 0, 0],
    ]);
    expect(f!.stages.find((s) => s.stage === 'checks')).toMatchObject({ reachedShare: 0.5, leftShare: 2 / 7 });
  });

  it('counts each programme on its own stages', async () => {
    const funnels = await funnel(t.intake.app.db, t.intake.app.machines, all);
    expect(funnels.map((f) => [f.programme, f.applications])).toEqual([['domestic', 14], ['international', 1], ['hcswd', 1]]);
    const hcswd = funnels.find((f) => f.programme === 'hcswd')!;
    expect(hcswd.stages.map((s) => s.stage)).toEqual(['application', 'screening', 'assessment', 'offer', 'checks', 'induction', 'supervised_practice', 'care_certificate', 'sign_off', 'ready', 'first_shift', 'hired']);
    expect(hcswd.stages.every((s) => s.reached === 1)).toBe(true);
  });

  it('lists the withdrawal reasons most common first, with erased candidates\' reasons grouped as not kept', async () => {
    const reasons = await withdrawalReasons(t.intake.app.db, domestic);
    expect(reasons.map((r) => [r.reason, r.count])).toEqual([
      ['Took another job', 2],
      ['=HYPERLINK("http://example.com")', 1],
      ['Process too slow,\n"sorry"', 1],
      ['not kept (erased)', 1],
    ]);
    expect(reasons[0]!.share).toBe(0.4);
  });
});

describe('days in each check', () => {
  it('gives the median and 90th percentile days from entering the checks to each check being cleared', async () => {
    const rows = await checkDurations(t.intake.app.db, all);
    expect(rows.filter((r) => r.programme === 'domestic').map((r) => [r.check, r.count, r.medianDays, r.p90Days])).toEqual([
      ['identity', 5, 3, 4.6],
      ['rightToWork', 5, 12, 18.8],
      ['registration', 5, 13, 20.4],
      ['references', 5, 10, 16.8],
      ['dbs', 5, 7, 12],
      ['workHealth', 5, 11, 17.8],
    ]);
    expect(rows.filter((r) => r.programme === 'hcswd').map((r) => [r.check, r.medianDays])).toEqual([
      ['identity', 2], ['rightToWork', 6], ['references', 4], ['dbs', 3], ['workHealth', 5],
    ]);
    // Both programmes together: identity took 1, 2, 2, 3, 4 and 5 days.
    expect(row(rows, null, { check: 'identity' })).toMatchObject({ count: 6, medianDays: 2.5 });
  });
});

describe('stuck candidates', () => {
  it('lists in-progress candidates past their stage\'s due days, longest in stage first, with who acts next', async () => {
    const stuck = await stuckCandidates(t.intake.app.db, t.intake.app.machines, t.intake.app.policy, { programmes: ['domestic', 'international', 'hcswd'], now: END });
    expect(stuck.total).toBe(3);
    expect(stuck.items.map((s) => [s.fullName, s.programme, s.stage, s.daysInStage, s.dueDays, s.owner])).toEqual([
      ['@Ada "Stuck", Lovelace', 'domestic', 'screening', 108, 5, 'recruiter'],
      ['Imani Overseas', 'international', 'screening', 107, 5, 'recruiter'],
      ['Sam Interview', 'domestic', 'interview', 106, 5, 'recruiter'],
    ]);
    expect(stuck.items[0]!.candidateId).toBe(walked.s1!.id);
    expect(stuck.items[0]!.stageEnteredAt).toEqual(new Date(walked.s1!.createdAt.getTime() + DAY));
  });

  it('keeps to the limit and the programmes asked for', async () => {
    const one = await stuckCandidates(t.intake.app.db, t.intake.app.machines, t.intake.app.policy, { programmes: ['domestic'], now: END, limit: 1 });
    expect(one.total).toBe(2);
    expect(one.items.map((s) => s.fullName)).toEqual(['@Ada "Stuck", Lovelace']);
  });
});

describe('the reports page', () => {
  it('renders every report with captions, header scopes and SVG charts that have text alternatives', async () => {
    const res = await page('/reports?from=2026-03&to=2026-06');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const caption of [
      'Time to hire by programme and month', 'Time to fill by programme and month', 'Funnel and drop-out: Staff bank',
      'Withdrawal reasons, most common first', 'Days in each check', 'Stuck candidates, longest in stage first',
    ]) expect(html).toContain(`<caption>${caption}`);
    expect(html).toContain('<svg role="img"');
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(6);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="[\w-]+-title"/);
    expect(html.match(/<title id="/g)?.length).toBe(svgs.length);
    expect(html).toContain('8-week target (56 days)');
    expect(html).toContain('stroke-dasharray');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    // The same numbers as the table: domestic April offers, median 40 and p90 48.
    expect(html).toMatch(/<th scope="row" class="nowrap">Staff bank<\/th><th scope="row" class="nowrap">Apr 2026<\/th><td class="num">3<\/td><td class="num">40<\/td><td class="num">48<\/td>/);
    // Nothing the CSP would block, nothing from elsewhere.
    expect(html).not.toMatch(/ style=|<script|<style|(src|href)="(https?:)?\/\//);
    expect(html).toContain(`href="/candidates/${walked.s1!.id}"`);
    expect(html).toContain('@Ada &quot;Stuck&quot;, Lovelace');
  });

  it('offers a CSV download of each table, with the filters', async () => {
    const html = await (await page('/reports?programme=domestic&from=2026-03&to=2026-06')).text();
    for (const name of ['time-to-hire', 'time-to-fill', 'funnel', 'withdrawal-reasons', 'checks']) {
      expect(html).toContain(`href="/reports/${name}.csv?programme=domestic&amp;from=2026-03&amp;to=2026-06"`);
    }
    expect(html).toContain('href="/reports/stuck.csv?programme=domestic"');
  });

  it('defaults to the twelve months up to this one', async () => {
    const html = await (await page('/reports')).text();
    expect(html).toContain('value="2025-07"');
    expect(html).toContain('value="2026-06"');
  });

  // Issue 12: reports follow the reader's programme scope (before, a coordinator read every
  // programme's numbers and, in the CSVs, other programmes' withdrawal reasons).
  it('shows a coordinator only the programmes they work: numbers, names and reasons, page and CSV alike', async () => {
    const html = await (await page('/reports', 'coordinator')).text();
    expect(html).toContain('Imani Overseas');
    expect(html).not.toContain('Sam Interview');
    expect(html).toContain('Funnel and drop-out: International recruitment');
    expect(html).not.toContain('Funnel and drop-out: Staff bank');
    expect(html).not.toContain('Took another job');
    const stuck = await (await page('/reports/stuck.csv', 'coordinator')).text();
    expect(stuck).toContain('Imani Overseas');
    expect(stuck).not.toContain('Sam Interview');
    for (const name of ['withdrawal-reasons', 'funnel', 'time-to-hire', 'time-to-fill', 'checks']) {
      const csv = await (await page(`/reports/${name}.csv?from=2026-01&to=2026-06`, 'coordinator')).text();
      expect(csv, name).not.toMatch(/Staff bank|HCSWD|Took another job|Process too slow/);
    }
    expect((await page('/reports/withdrawal-reasons.csv?programme=domestic', 'coordinator')).status).toBe(403);
    expect((await page('/reports?programme=domestic', 'coordinator')).status).toBe(403);
    // A recruiter reads every programme's candidates, so every programme's reports.
    expect(await (await page('/reports/withdrawal-reasons.csv?from=2026-01&to=2026-06')).text()).toContain('Took another job');
  });

  it('refuses a range that ends before it starts, or a month that is not one', async () => {
    expect((await page('/reports?from=2026-06&to=2026-03')).status).toBe(400);
    expect((await page('/reports?from=2026-13')).status).toBe(400);
    expect((await page('/reports?programme=elsewhere')).status).toBe(400);
    expect((await page('/reports?from=2020-01&to=2026-06')).status).toBe(400);
  });

  it('sends anyone without a staff session to sign in', async () => {
    const res = await t.intake.http.request('/reports/funnel.csv');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Freports%2Ffunnel.csv');
  });
});

describe('CSV downloads', () => {
  const download = async (path: string) => {
    const res = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A UTF-8 byte order mark first, for Excel.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return { disposition: res.headers.get('content-disposition'), text: bytes.subarray(3).toString('utf8') };
  };

  it('downloads time to hire as the table shows it, one row per programme and month', async () => {
    const { disposition, text } = await download('/reports/time-to-hire.csv?programme=domestic&from=2026-03&to=2026-06');
    expect(disposition).toBe('attachment; filename="intake-time-to-hire-domestic-2026-03-to-2026-06.csv"');
    expect(text).toBe([
      'Programme,Month,Conditional offers,Median days,90th percentile days,Within 8 weeks,Within 8 weeks (%)',
      'Staff bank,2026-03,2,15,19,2,100',
      'Staff bank,2026-04,3,40,48,3,100',
      'Staff bank,2026-05,2,65,69,0,0',
      'Staff bank,All months,7,40,64,5,71.4',
      '',
    ].join('\r\n'));
  });

  it('quotes commas, quotes and line breaks, and defuses formulas in withdrawal reasons', async () => {
    const { text } = await download('/reports/withdrawal-reasons.csv?programme=domestic&from=2026-03&to=2026-06');
    expect(text).toBe([
      'Programme,Withdrawal reason,Withdrawals,Share of withdrawals (%)',
      'Staff bank,Took another job,2,40',
      'Staff bank,"\'=HYPERLINK(""http://example.com"")",1,20',
      'Staff bank,"Process too slow,\n""sorry""",1,20',
      'Staff bank,not kept (erased),1,20',
      '',
    ].join('\r\n'));
  });

  it('downloads the stuck list with names escaped', async () => {
    const { disposition, text } = await download('/reports/stuck.csv');
    expect(disposition).toBe('attachment; filename="intake-stuck-2026-06.csv"');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Candidate,Programme,Profession,Stage,Days in stage,Due within (days),Who acts,In stage since');
    expect(lines[1]).toBe('"\'@Ada ""Stuck"", Lovelace",Staff bank,Registered nurse,Eligibility,108,5,Recruiter,2026-03-03');
    expect(lines).toHaveLength(5);
  });

  it('downloads the funnel, the checks and time to fill', async () => {
    const funnelCsv = (await download('/reports/funnel.csv?programme=domestic&from=2026-03&to=2026-06')).text.split('\r\n');
    expect(funnelCsv[0]).toBe('Programme,Stage,Reached,Reached (%),Withdrew,Rejected,Closed,Moved programme,Left here (%)');
    expect(funnelCsv[5]).toBe('Staff bank,Checks,7,50,2,0,0,0,28.6');
    expect(funnelCsv[10]).toBe('Staff bank,Hired (first shift worked),5,35.7,0,0,0,0,0');
    const checks = (await download('/reports/checks.csv?programme=domestic&from=2026-03&to=2026-06')).text.split('\r\n');
    expect(checks[1]).toBe('Staff bank,Identity check,5,3,4.6');
    const fill = (await download('/reports/time-to-fill.csv?from=2026-03&to=2026-06')).text.split('\r\n');
    expect(fill).toContain('All programmes,All months,6,75,95,1,16.7');
  });
});
