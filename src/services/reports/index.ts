// The reports page in one call: each report is a plain query function `(db, params)`.
import type { AnyStateMachine } from 'xstate';
import type { Db } from '../../../db/client.js';
import type { Policy } from '../../../workflows/policy.js';
import type { Programme } from '../../../workflows/types.js';
import { applicantWaits } from './applicant-waits.js';
import { checkDurations } from './checks.js';
import { funnel, withdrawalReasons } from './funnel.js';
import type { ReportParams } from './range.js';
import { stuckCandidates } from './stuck.js';
import { durations } from './time-to.js';

export { applicantWaits, type ApplicantWaitRow } from './applicant-waits.js';
export { checkDurations, type CheckRow } from './checks.js';
export { funnel, withdrawalReasons, type Funnel, type FunnelStage, type ReasonRow } from './funnel.js';
export { type ReportParams, type ReportRange, MONTH, TARGET_DAYS, addMonths, monthOf, monthsOf, monthLabel } from './range.js';
export { stuckCandidates, type StuckCandidate, type StuckList } from './stuck.js';
export { durations, milestones, timeToFill, timeToHire, type DurationRow, type Milestone } from './time-to.js';

export interface ReportSet {
  hire: Awaited<ReturnType<typeof durations>>;
  fill: Awaited<ReturnType<typeof durations>>;
  funnels: Awaited<ReturnType<typeof funnel>>;
  reasons: Awaited<ReturnType<typeof withdrawalReasons>>;
  checks: Awaited<ReturnType<typeof checkDurations>>;
  stuck: Awaited<ReturnType<typeof stuckCandidates>>;
  applicantWaits: Awaited<ReturnType<typeof applicantWaits>>;
}

/** Every report for the page. `stuckProgrammes`: whose candidates the reader may see by name. */
export async function allReports(db: Db, machines: Record<Programme, AnyStateMachine>, policy: Policy, params: ReportParams & { stuckProgrammes: readonly Programme[]; now: Date }): Promise<ReportSet> {
  const [hire, fill, funnels, reasons, checks, stuck, waits] = await Promise.all([
    durations(db, 'hire', params),
    durations(db, 'fill', params),
    funnel(db, machines, params),
    withdrawalReasons(db, params),
    checkDurations(db, params),
    stuckCandidates(db, machines, policy, { programmes: params.stuckProgrammes, now: params.now }),
    applicantWaits(db, params),
  ]);
  return { hire, fill, funnels, reasons, checks, stuck, applicantWaits: waits };
}
