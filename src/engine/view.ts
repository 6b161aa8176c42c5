// The journey as the API shows it: flattened state, applicant-facing status, checks with owners
// and due dates, and the events allowed now (from the machine, never hard-coded).
import type { AnyMachineSnapshot } from 'xstate';
import type { JourneyContext } from '../../workflows/types.js';
import { type AllowedEvent, type ApplicantStatus, type CheckView, allowedEvents, applicantStatusOf, checksOf } from '../../workflows/inspect.js';
import { DAY_MS } from '../../workflows/policy.js';
import { AppError } from '../errors.js';
import type { AppContext } from '../context.js';
import type { JourneyRow } from './rows.js';
import { loadSnapshot } from './snapshot.js';

export interface JourneyView {
  id: string;
  programme: string;
  machineVersion: number;
  state: string;
  stage: string;
  status: string;
  version: number;
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  exit: { stage: string | null; reason: string | null } | null;
  applicantStatus: ApplicantStatus;
  checks: (Omit<CheckView, 'title' | 'detail'> & { title: string; dueAt?: string })[];
  allowedEvents: AllowedEvent[];
  context: Pick<JourneyContext, 'route'> & Partial<JourneyContext>;
  warning?: string;
}

const doneStatuses = new Set(['cleared', 'waived', 'not_required']);

export function journeyView(app: AppContext, row: JourneyRow, loaded?: AnyMachineSnapshot): JourneyView {
  const base = {
    id: row.id, programme: row.programme, machineVersion: row.machineVersion, state: row.state, stage: row.stage,
    status: row.status, version: row.version, stageEnteredAt: row.stageEnteredAt.toISOString(),
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    exit: row.status === 'in_progress' || row.status === 'hired' ? null : { stage: row.exitStage, reason: row.exitReason },
  };
  try {
    const snapshot = loaded ?? loadSnapshot(app.machines, row);
    const due = new Date(row.stageEnteredAt.getTime() + app.policy.checkDueDays * DAY_MS).toISOString();
    const checks = checksOf(snapshot).map(({ detail: _detail, ...c }) => (doneStatuses.has(c.status) || c.status === 'failed' ? c : { ...c, dueAt: due }));
    return {
      ...base,
      applicantStatus: applicantStatusOf(snapshot),
      checks,
      allowedEvents: allowedEvents(snapshot, app.clock.now().toISOString()),
      context: snapshot.context as JourneyContext,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // An unloadable old snapshot is shown, not crashed on; it takes no events until migrated.
    return {
      ...base,
      applicantStatus: { title: 'Your application', detail: 'We are updating our records; your recruiter will be in touch.', owner: 'recruiter' },
      checks: [],
      allowedEvents: [],
      context: { route: 'standard' },
      warning: err.message,
    };
  }
}
