// The reports page: dense, for a desktop. Every chart is an SVG image with a text alternative,
// and its numbers are in the table next to it; every table can be downloaded as CSV.
import type { Child } from 'hono/jsx';
import type { ReportSet } from '../../services/reports/index.js';
import type { Cell } from '../../services/csv.js';
import { type DurationRow, type Milestone, TARGET_DAYS, monthLabel, monthsOf } from '../../services/reports/index.js';
import { type Programme, checkNames, programmes as allProgrammes } from '../../../workflows/types.js';
import { BarChart, ColumnChart } from '../charts.js';
import { ApplicantWaits } from '../staff/applicant-waits.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { programmeWords, staffOwnerWords, professionLabel } from '../words.js';
import { type CsvTable, type Table, checksTable, durationTable, funnelTable, percent, programmeName, reasonsTable, reportStage } from './report-tables.js';

export interface ReportFilters { programme?: Programme | undefined; from: string; to: string }

const shortCheck: Record<string, string> = {
  identity: 'Identity', rightToWork: 'Right to work', registration: 'Registration', references: 'References', dbs: 'DBS', workHealth: 'Occupational health',
};

const qs = (f: ReportFilters) => `?${new URLSearchParams(Object.entries({ programme: f.programme ?? '', from: f.from, to: f.to }).filter(([, v]) => v)).toString()}`;
const rangeWords = (f: ReportFilters) => (f.from === f.to ? monthLabel(f.from) : `${monthLabel(f.from)} to ${monthLabel(f.to)}`);

function Download(props: { name: CsvTable; filters: ReportFilters; label: string }) {
  return <p class="download"><a href={`/reports/${props.name}.csv${props.name === 'stuck' ? (props.filters.programme ? `?programme=${props.filters.programme}` : '') : qs(props.filters)}`} download>Download {props.label} (CSV)</a></p>;
}

/**
 * A table from rows of cells: the first `rowHeaders` cells of each row are its headers, numbers
 * are right-aligned, empty numbers show as a dash. `total` marks summary rows.
 */
function DataTable(props: { caption: string; table: Table; rowHeaders?: number; empty: string; total?: (row: Cell[]) => boolean; link?: (row: Cell[], i: number) => string | null }) {
  const n = props.rowHeaders ?? 1;
  // A column is numeric (right-aligned) when every value in it is a number or missing.
  const numeric = props.table.header.map((_, i) => i >= n && (props.table.rows.length === 0 || props.table.rows.every((r) => typeof r[i] === 'number' || r[i] === null)));
  return (
    <div class="table-wrap">
      <table class="report">
        <caption>{props.caption}</caption>
        <thead><tr>{props.table.header.map((h, i) => <th scope="col" class={numeric[i] ? 'num' : undefined}>{h}</th>)}</tr></thead>
        <tbody>
          {props.table.rows.length === 0 ? <tr><td colspan={props.table.header.length}>{props.empty}</td></tr> : null}
          {props.table.rows.map((row, ri) => (
            <tr class={props.total?.(row) ? 'total' : undefined}>
              {row.map((cell, i) => {
                const text = cell === null || cell === undefined ? '–' : String(cell);
                const href = i === 0 ? props.link?.(row, ri) : null;
                return i < n
                  ? <th scope="row" class={text.length <= 30 ? 'nowrap' : undefined}>{href ? <a href={href}>{text}</a> : text}</th>
                  : <td class={numeric[i] ? 'num' : undefined}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figure(props: { label: string; value: string; detail: string; warn?: boolean }) {
  return (
    <div class={`figure${props.warn ? ' warn' : ''}`}>
      <dt>{props.label}</dt>
      <dd><span class="big">{props.value}</span> {props.detail}</dd>
    </div>
  );
}

/** The whole range for every programme shown (with one programme, its own total). */
function total(rows: DurationRow[]): DurationRow | undefined {
  return rows.find((r) => r.month === null && r.programme === null)
    ?? (new Set(rows.map((r) => r.programme)).size === 1 ? rows.find((r) => r.month === null) : undefined);
}

function KeyFigures(props: { reports: ReportSet }) {
  const hire = total(props.reports.hire);
  const fill = total(props.reports.fill);
  const stuck = props.reports.stuck.total;
  return (
    <dl class="figures" aria-label="Key figures">
      <Figure label="Time to hire (median)" value={hire ? `${hire.medianDays} days` : '–'} detail={hire ? `${percent(hire.withinTargetShare)}% within 8 weeks, ${hire.count} offers` : 'no offers in these months'} warn={(hire?.medianDays ?? 0) > TARGET_DAYS} />
      <Figure label="Time to fill (median)" value={fill ? `${fill.medianDays} days` : '–'} detail={fill ? `${percent(fill.withinTargetShare)}% within 8 weeks, ${fill.count} first shifts` : 'no first shifts in these months'} warn={(fill?.medianDays ?? 0) > TARGET_DAYS} />
      <Figure label="Stuck candidates" value={String(stuck)} detail="past their stage's due days now" warn={stuck > 0} />
    </dl>
  );
}

function DurationSection(props: { milestone: Milestone; rows: DurationRow[]; filters: ReportFilters; programmes: readonly Programme[] }) {
  const hire = props.milestone === 'hire';
  const id = hire ? 'time-to-hire' : 'time-to-fill';
  const title = hire ? 'Time to hire' : 'Time to fill';
  const what = hire ? 'conditional offer' : 'first shift worked';
  const months = monthsOf(props.filters);
  const series = props.programmes.map((p) => ({
    name: programmeName(p),
    values: months.map((m) => props.rows.find((r) => r.programme === p && r.month === m)?.medianDays ?? null),
  }));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p>Days from application to {what}, by the month of the {hire ? 'offer' : 'first shift'}: median, 90th percentile and the share within the 8-week target ({TARGET_DAYS} days).</p>
      <div class="report-grid">
        <ColumnChart id={`${id}-chart`} title={`${title}: median days by month and programme`}
          description={`Columns show the median days from application to ${what} in each month from ${rangeWords(props.filters)}, one colour per programme; the dashed line is the 8-week target of ${TARGET_DAYS} days. The same numbers are in the table "${title} by programme and month".`}
          categories={months.map(monthLabel)} series={series} valueLabel="Days" target={{ value: TARGET_DAYS, label: `8-week target (${TARGET_DAYS} days)` }} />
        <div>
          <DataTable caption={`${title} by programme and month`} table={durationTable(props.rows, props.milestone, 'page')} rowHeaders={2}
            empty={`No ${hire ? 'conditional offers' : 'first shifts'} in these months.`} total={(row) => row[1] === 'All months'} />
          <Download name={id} filters={props.filters} label={title.toLowerCase()} />
        </div>
      </div>
    </section>
  );
}

function FunnelSection(props: { reports: ReportSet; filters: ReportFilters }) {
  return (
    <section aria-labelledby="funnel-h">
      <h2 id="funnel-h">Funnel and drop-out</h2>
      <p>Applications made {rangeWords(props.filters)}: how many reached each stage (and what share of the applications that is), and how many left there: withdrew, were not successful, or were closed (such as an offer that expired). "Left here (%)" is the share of those who reached the stage. A move to another programme is not a drop-out.</p>
      {props.reports.funnels.map((f) => {
        const table = funnelTable([f]);
        const words = programmeWords[f.programme] ?? f.programme;
        return (
          <div class="report-grid bars">
            <BarChart id={`funnel-${f.programme}-chart`} title={`Funnel: ${words}`}
              description={`Bars show how many of the ${f.applications} applications to ${words} made ${rangeWords(props.filters)} reached each stage, from application to hired. The same numbers are in the table "Funnel and drop-out: ${words}".`}
              items={f.stages.map((s) => ({ label: reportStage(s.stage), value: s.reached, note: `${percent(s.reachedShare) ?? 0}% of applications` }))} valueLabel="Candidates who reached the stage" integer />
            <DataTable caption={`Funnel and drop-out: ${words}`} table={{ header: table.header.slice(1), rows: table.rows.map((r) => r.slice(1)) }} empty="No applications in these months." />
          </div>
        );
      })}
      <Download name="funnel" filters={props.filters} label="the funnel and drop-out" />
      <h3>Why candidates withdrew</h3>
      <div class="report-narrow">
        <DataTable caption="Withdrawal reasons, most common first (top 10 per programme)" table={reasonsTable(props.reports.reasons)} empty="No withdrawals from applications made in these months." />
      </div>
      <Download name="withdrawal-reasons" filters={props.filters} label="withdrawal reasons" />
    </section>
  );
}

function ChecksSection(props: { reports: ReportSet; filters: ReportFilters; programmes: readonly Programme[]; checkDueDays: number }) {
  const series = props.programmes.map((p) => ({
    name: programmeName(p),
    values: checkNames.map((c) => props.reports.checks.find((r) => r.programme === p && r.check === c)?.medianDays ?? null),
  }));
  return (
    <section aria-labelledby="checks-h">
      <h2 id="checks-h">Days in each check</h2>
      <p>From the candidate starting the pre-employment checks (on arrival, for international recruits) to the check being cleared or waived, by the month it was cleared. A check counts as overdue after {props.checkDueDays} days.</p>
      <div class="report-grid">
        <ColumnChart id="checks-chart" title="Median days in each pre-employment check, by programme"
          description={`Columns show the median days each of the six checks took to clear, cleared ${rangeWords(props.filters)}, one colour per programme; the dashed line is the ${props.checkDueDays}-day due time. The same numbers are in the table "Days in each check".`}
          categories={checkNames.map((c) => shortCheck[c] ?? c)} series={series} valueLabel="Days" target={{ value: props.checkDueDays, label: `check due within ${props.checkDueDays} days` }} />
        <div>
          <DataTable caption="Days in each check" table={checksTable(props.reports.checks)} rowHeaders={2} empty="No checks cleared in these months." total={(row) => row[0] === 'All programmes'} />
          <Download name="checks" filters={props.filters} label="days in each check" />
        </div>
      </div>
    </section>
  );
}

function StuckSection(props: { reports: ReportSet; filters: ReportFilters; stuckProgrammes: readonly Programme[] }) {
  const { total, items } = props.reports.stuck;
  const intro: Child = props.stuckProgrammes.length === 0
    ? 'Your role cannot see candidates of this programme by name.'
    : total === 0
      ? 'Nobody is past their stage\'s due days.'
      : `${total} ${total === 1 ? 'candidate has' : 'candidates have'} been in their stage longer than it should take${total > items.length ? `; the ${items.length} waiting longest are listed` : ''}.`;
  return (
    <section aria-labelledby="stuck-h">
      <h2 id="stuck-h">Stuck candidates</h2>
      <p>{intro} {props.stuckProgrammes.length < allProgrammes.length && props.stuckProgrammes.length > 0 && !props.filters.programme ? `Showing ${props.stuckProgrammes.map((p) => programmeWords[p]).join(' and ')} only.` : ''}</p>
      <div class="table-wrap">
        <table class="report">
          <caption>Stuck candidates, longest in stage first (now)</caption>
          <thead><tr>{['Candidate', 'Programme', 'Profession', 'Stage', 'Days in stage', 'Due within (days)', 'Who acts next'].map((h, i) => <th scope="col" class={i === 4 || i === 5 ? 'num' : undefined}>{h}</th>)}</tr></thead>
          <tbody>
            {items.length === 0 ? <tr><td colspan={7}>Nobody to show.</td></tr> : null}
            {items.map((s) => (
              <tr>
                <th scope="row"><a href={`/candidates/${s.candidateId}`}>{s.fullName}</a></th>
                <td>{programmeName(s.programme)}</td>
                <td>{professionLabel(s.profession)}</td>
                <td>{reportStage(s.stage)}</td>
                <td class="num">{s.daysInStage}</td>
                <td class="num">{s.dueDays}</td>
                <td><span class={`tag ${s.owner}`}>{staffOwnerWords[s.owner] ?? s.owner}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.stuckProgrammes.length > 0 ? <Download name="stuck" filters={props.filters} label="the stuck candidates" /> : null}
    </section>
  );
}

export function ReportsPage(props: { staff: StaffContext; filters: ReportFilters; readable: readonly Programme[]; programmes: readonly Programme[]; stuckProgrammes: readonly Programme[]; reports: ReportSet; checkDueDays: number }) {
  const f = props.filters;
  return (
    <StaffLayout staff={props.staff} title="Reports" current="/reports">
      <h1>Reports</h1>
      <form class="filters" method="get" action="/reports" aria-label="Report filters">
        <div><label for="programme">Programme</label>
          <select id="programme" name="programme">
            <option value="">{props.readable.length === allProgrammes.length ? 'All programmes' : 'All programmes you work with'}</option>
            {props.readable.map((p) => <option value={p} selected={f.programme === p}>{programmeWords[p]}</option>)}
          </select></div>
        <div><label for="from">From month</label><input type="month" id="from" name="from" value={f.from} required /></div>
        <div><label for="to">To month</label><input type="month" id="to" name="to" value={f.to} required /></div>
        <button type="submit">Show</button>
      </form>
      <p class="muted">{f.programme ? programmeWords[f.programme] : props.readable.length === allProgrammes.length ? 'All programmes' : props.programmes.map((p) => programmeWords[p]).join(', ')}, {rangeWords(f)}. Months are UK time. Days are calendar days.</p>
      <KeyFigures reports={props.reports} />
      <DurationSection milestone="hire" rows={props.reports.hire} filters={f} programmes={props.programmes} />
      <DurationSection milestone="fill" rows={props.reports.fill} filters={f} programmes={props.programmes} />
      <FunnelSection reports={props.reports} filters={f} />
      <ChecksSection reports={props.reports} filters={f} programmes={props.programmes} checkDueDays={props.checkDueDays} />
      <ApplicantWaits rows={props.reports.applicantWaits} />
      <StuckSection reports={props.reports} filters={f} stuckProgrammes={props.stuckProgrammes} />
    </StaffLayout>
  );
}
