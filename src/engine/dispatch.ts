// The one function that changes a journey: resolve the snapshot, refuse what the machine cannot
// take, run the pure transition, then persist the new snapshot with version + 1, the audit event
// and the resulting jobs in ONE statement (src/engine/commit.ts) that applies only if the row is
// unchanged since it was read (compare-and-swap on the row's version and xmin). Optimistic first:
// no transaction and no lock, so an event costs the read that found the journey and the commit;
// on a lost race the event is tried again under a row lock (SELECT … FOR UPDATE), so an event
// without If-Match is never refused for a race alone.
// Callers: the front door (src/services/journeys/act.ts), which authorizes and parses first, and
// the timer job. Payloads arrive parsed.
import { eq } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { Tx } from '../../db/client.js';
import { candidates, journeys } from '../../db/schema/index.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { allowedEvents, candidateEventTypes, machineEvent } from '../../workflows/inspect.js';
import { refusalOf } from '../../workflows/refusal.js';
import { pureTransition } from '../../workflows/transition.js';
import { type Profession, type Programme, machineVersions } from '../../workflows/index.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import type { Actor } from './actor.js';
import { type EventCommit, commitEvent } from './commit.js';
import { type JobWrites, jobWrites } from './effects.js';
import { type JourneyRow, type LoadedJourney, loadedJourneyColumns } from './rows.js';
import { emailSnapshot, loadSnapshot, machineFor, summarise } from './snapshot.js';
import { startJourney } from './start.js';
import { journeyWebhookEvents } from './webhook-events.js';

export interface DispatchOptions {
  /** If-Match: refuse with 409 unless the journey is still at this version. */
  expectedVersion?: number | undefined;
  /** Timers and late answers: an event the journey can no longer take is dropped, not an error. */
  dropIfRefused?: boolean;
}

export interface DispatchResult {
  journey: JourneyRow;
  accepted: boolean;
  /** The new snapshot (accepted events only), so a reply need not resolve it again. */
  snapshot?: AnyMachineSnapshot;
  /** True when the event opened a journey on another programme (the candidate's current one now). */
  movedProgramme?: boolean;
}

async function lockJourney(tx: Tx, journeyId: string): Promise<LoadedJourney> {
  const [row] = await tx.select(loadedJourneyColumns).from(journeys).where(eq(journeys.id, journeyId)).for('update');
  if (!row) throw notFound('The journey');
  return row;
}

/** The event on the journey as `row` was read (without a lock): the swap finds out if it moved on since. */
export async function dispatch(app: AppContext, row: LoadedJourney, type: string, data: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const change = planChange(app, row, type, data, actor, opts);
  // Opening another programme's journey takes several statements: that rare event goes locked.
  if (change.accepted && !change.writes.startProgrammes.length && await commitEvent(app.keyedDb, change.commit)) {
    app.telemetry.eventAccepted(type);
    return change.result;
  }
  if (!change.accepted) return change.result;
  return app.db.transaction((tx) => dispatchInTx(app, tx, row.id, type, data, actor, opts));
}

/** Inside the caller's transaction, under a row lock: the swap cannot lose. */
export async function dispatchInTx(app: AppContext, tx: Tx, journeyId: string, type: string, data: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const row = await lockJourney(tx, journeyId);
  const change = planChange(app, row, type, data, actor, opts);
  if (!change.accepted) return change.result;
  if (!await commitEvent(tx, change.commit)) throw new AppError('version_conflict', 'The journey changed while this event was applied: reload it and try again.');
  // Counted at the commit: a caller's transaction that rolls back later (rare) is still counted.
  app.telemetry.eventAccepted(type);
  for (const programme of change.writes.startProgrammes) {
    const [candidate] = await tx.select({ profession: candidates.profession }).from(candidates).where(eq(candidates.id, row.candidateId));
    await startJourney(app, tx, { candidateId: row.candidateId, programme: programme as Programme, profession: candidate!.profession as Profession, at: change.at, actor, from: row.id });
  }
  return { ...change.result, movedProgramme: change.writes.startProgrammes.length > 0 };
}

export type Change =
  | { accepted: false; result: DispatchResult }
  | { accepted: true; result: DispatchResult; commit: EventCommit; writes: JobWrites; at: Date };

/** Everything an event changes, computed from the row as read: pure, no I/O. */
export function planChange(app: Pick<AppContext, 'machines' | 'clock' | 'settings'>, row: LoadedJourney, type: string, given: Record<string, unknown>, actor: Actor, opts: DispatchOptions): Change {
  if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) {
    throw new AppError('version_conflict', `The journey is at version ${row.version}, not ${opts.expectedVersion}: reload it and try again.`, { currentVersion: row.version });
  }
  const machine = machineFor(app.machines, row.programme);
  const snapshot = loadSnapshot(app.machines, row);
  const now = app.clock.now();
  // The payload as stored (an event that says when it happened gets today when left out), and
  // the event as the machine sees it: stamped with the time and who sent it.
  const { payload: data, event } = machineEvent(type, given, now.toISOString(), actor);
  const { xmin: _xmin, ...journey } = row;
  if (snapshot.status !== 'active' || !snapshot.can(event)) {
    if (opts.dropIfRefused) return { accepted: false, result: { journey, accepted: false } };
    throw refusal(snapshot, event, row, now);
  }
  const [next, actions] = pureTransition(machine, snapshot, event);
  const summary = summarise(next);
  const seq = row.version + 1;
  const finished = summary.status !== 'in_progress';
  const persisted = machine.getPersistedSnapshot(next);
  const writes = jobWrites({ journeyId: row.id, candidateId: row.candidateId, seq }, actions, now, {
    // The event rides along so an email can quote it (e.g. the question of a query).
    email: { ...emailSnapshot(next), event: { type, ...data } }, emailMaxAttempts: app.settings.emailMaxAttempts,
    webhooks: journeyWebhookEvents(row, { ...row, ...summary, version: seq }, type, now), webhookMaxAttempts: app.settings.webhooks?.maxAttempts,
  });
  const updated: JourneyRow = {
    ...journey, snapshot: persisted, ...summary, version: seq, machineVersion: machineVersions[row.programme as Programme], updatedAt: now,
    ...(summary.stage !== row.stage ? { stageEnteredAt: now } : {}),
    ...(finished ? { closedAt: now, exitStage: row.stage, exitReason: typeof data.reason === 'string' ? data.reason : null } : {}),
  };
  return {
    accepted: true, at: now, writes,
    result: { journey: updated, accepted: true, snapshot: next, movedProgramme: false },
    commit: {
      from: row, to: updated, jobs: writes,
      event: { type, payload: data, actorType: actor.type, actorId: actor.id },
    },
  };
}

/** 422, saying which rule refused the event (and the field at fault) when a rule can say. */
function refusal(snapshot: AnyMachineSnapshot, event: { type: string; at: string; [k: string]: unknown }, row: JourneyRow, now: Date): AppError {
  if (snapshot.status !== 'active') {
    return new AppError('event_not_allowed', `This journey has finished (${row.status}); it takes no more events.`, { journeyStatus: row.status, allowed: [] });
  }
  const { type } = event;
  const allowed = allowedEvents(snapshot, now.toISOString()).map((e) => e.type);
  if (!candidateEventTypes(snapshot).includes(type)) {
    return new AppError('event_not_allowed', `"${type}" is not possible at this step (${row.state}).`, { state: row.state, allowed });
  }
  const why = refusalOf(snapshot, event);
  if (why) {
    return new AppError('event_not_allowed', `"${type}" is not allowed with these details now: ${why.detail}`, {
      state: row.state, allowed, rule: why.rule, ...(why.field ? { field: why.field } : {}),
    });
  }
  const rule = eventCatalog[type]?.rule;
  return new AppError('event_not_allowed', `"${type}" is not allowed with these details now${rule ? `: ${rule}` : ' (a rule of this step refuses it)'}.`, { state: row.state, allowed });
}
