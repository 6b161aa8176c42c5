// The report tables as rows of cells, shared by the page and the CSV downloads so both carry the
// same numbers under the same headings.
import type { CheckRow } from '../../services/reports/checks.js';
import type { Cell } from '../../services/csv.js';
import type { Funnel, ReasonRow } from '../../services/reports/funnel.js';
import { monthLabel } from '../../services/reports/range.js';
import type { StuckList } from '../../services/reports/stuck.js';
import type { DurationRow, Milestone } from '../../services/reports/time-to.js';
import { checkSpecs } from '../../../workflows/checks.js';
import { professionLabel, programmeWords, stageLabel, staffOwnerWords } from '../words.js';

/** The downloads: `/reports/<name>.csv`. */
const csvTables = ['time-to-hire', 'time-to-fill', 'funnel', 'withdrawal-reasons', 'checks', 'stuck'] as const;
export type CsvTable = (typeof csvTables)[number];

export interface Table { header: string[]; rows: Cell[][] }
/** How a table is written: months as `Mar 2026` on the page, `2026-03` in a CSV. */
export type Target = 'page' | 'csv';

export const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
/** Short enough for a table cell and a chart legend. */
const shortProgramme: Record<string, string> = { domestic: 'Staff bank', international: 'International recruitment', hcswd: 'HCSWD' };
export const programmeName = (p: string | null) => (p === null ? 'All programmes' : shortProgramme[p] ?? programmeWords[p] ?? p);
/** Stage names for staff (the shared words are the applicant's: "Setting you up"). */
const staffStage: Record<string, string> = { onboarding: 'Onboarding', hired: 'Hired (first shift worked)' };
export const reportStage = (stage: string) => staffStage[stage] ?? stageLabel(stage);
const checkTitle = (check: string) => checkSpecs[check as keyof typeof checkSpecs]?.title ?? check;

export function durationTable(rows: DurationRow[], milestone: Milestone, target: Target): Table {
  return {
    header: ['Programme', 'Month', milestone === 'hire' ? 'Conditional offers' : 'First shifts', 'Median days', '90th percentile days', 'Within 8 weeks', 'Within 8 weeks (%)'],
    rows: rows.map((r) => [
      programmeName(r.programme), r.month === null ? 'All months' : target === 'csv' ? r.month : monthLabel(r.month),
      r.count, r.medianDays, r.p90Days, r.withinTarget, percent(r.withinTargetShare),
    ]),
  };
}

export function funnelTable(funnels: Funnel[]): Table {
  return {
    header: ['Programme', 'Stage', 'Reached', 'Reached (%)', 'Withdrew', 'Rejected', 'Closed', 'Moved programme', 'Left here (%)'],
    rows: funnels.flatMap((f) => f.stages.map((s) => [
      programmeName(f.programme), reportStage(s.stage), s.reached, percent(s.reachedShare), s.withdrawn, s.rejected, s.closed, s.moved, percent(s.leftShare),
    ])),
  };
}

export function reasonsTable(rows: ReasonRow[]): Table {
  return {
    header: ['Programme', 'Withdrawal reason', 'Withdrawals', 'Share of withdrawals (%)'],
    rows: rows.map((r) => [programmeName(r.programme), r.reason, r.count, percent(r.share)]),
  };
}

export function checksTable(rows: CheckRow[]): Table {
  return {
    header: ['Programme', 'Check', 'Cleared or waived', 'Median days', '90th percentile days'],
    rows: rows.map((r) => [programmeName(r.programme), checkTitle(r.check), r.count, r.medianDays, r.p90Days]),
  };
}

export function stuckTable(list: StuckList): Table {
  return {
    header: ['Candidate', 'Programme', 'Profession', 'Stage', 'Days in stage', 'Due within (days)', 'Who acts', 'In stage since'],
    rows: list.items.map((s) => [
      s.fullName, programmeName(s.programme), professionLabel(s.profession), reportStage(s.stage), s.daysInStage, s.dueDays,
      staffOwnerWords[s.owner] ?? s.owner, s.stageEnteredAt.toISOString().slice(0, 10),
    ]),
  };
}
