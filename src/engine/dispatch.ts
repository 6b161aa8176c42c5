// The one function that changes a journey: resolve the snapshot, refuse what the machine cannot
// take, run the pure transition, then persist the new snapshot with version + 1, the audit event
// and the resulting jobs in ONE statement (src/engine/commit.ts) that applies only if the row is
// unchanged since it was read (compare-and-swap on the row's version and xmin). Optimistic first:
// no transaction and no lock, two round trips in all; on a lost race the event is tried again
// under a row lock (SELECT … FOR UPDATE), so an event without If-Match is never refused for a
// race alone.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { DbOrTx, Tx } from '../../db/client.js';
import { candidates, journeys } from '../../db/schema/index.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { allowedEvents, candidateEventTypes, machineEvent } from '../../workflows/inspect.js';
import { refusalOf } from '../../workflows/refusal.js';
import { pureTransition } from '../../workflows/transition.js';
import { type Profession, type Programme, machineVersions } from '../../workflows/index.js';
import { AppError, notFound } from '../errors.js';
import { commitEvent } from './commit.js';
import type { Actor, AppContext } from './context.js';
import { jobWrites } from './effects.js';
import { emailSnapshot, loadSnapshot, machineFor, summarise } from './snapshot.js';
import { startJourney } from './start.js';

export type JourneyRow = typeof journeys.$inferSelect;
/** A journey row as read for a change: `xmin` changes with every write to the row (erasure included). */
export type LoadedJourney = JourneyRow & { xmin: string };

/** The columns of a journey plus its xmin, for any select that feeds dispatch. */
export const loadedJourneyColumns = { ...getTableColumns(journeys), xmin: sql<string>`${journeys}.xmin::text`.as('journey_xmin') };

export interface DispatchOptions {
  /** If-Match: refuse with 409 unless the journey is still at this version. */
  expectedVersion?: number | undefined;
  /** Timers: an event the journey can no longer take is dropped, not an error. */
  dropIfRefused?: boolean;
  /** The caller has already parsed the payload with parseEvent (no need to parse it twice). */
  parsed?: boolean;
  /** The journey as the caller already read it (saves a round trip; checked by the swap). */
  loaded?: LoadedJourney;
}

export interface DispatchResult {
  journey: JourneyRow;
  accepted: boolean;
  /** The new snapshot (accepted events only), so a reply need not resolve it again. */
  snapshot?: AnyMachineSnapshot;
  /** True when the event opened a journey on another programme (the candidate's current one now). */
  movedProgramme?: boolean;
}

/** Validates the payload against the event's schema: 400 naming the field, before any read. */
export function parseEvent(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const spec = Object.hasOwn(eventCatalog, type) ? eventCatalog[type] : undefined;
  if (!spec) throw new AppError(400, 'unknown_event', `There is no event called "${type}".`, { knownEvents: Object.keys(eventCatalog).length });
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)');
    // An unknown field is said plainly, with the fields the event does take.
    const message = issue.code === 'unrecognized_keys' && issue.path.length === 0
      ? `"${type}" has no such field; it takes ${Object.keys(spec.schema.shape).join(', ')}`
      : issue.message;
    throw new AppError(400, 'invalid_payload', `${field}: ${message}`, {
      field,
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''), message: i.message })),
    });
  }
  return parsed.data as Record<string, unknown>;
}

async function readJourney(db: DbOrTx, journeyId: string, lock: boolean): Promise<LoadedJourney> {
  const query = db.select(loadedJourneyColumns).from(journeys).where(eq(journeys.id, journeyId));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound('The journey');
  return row;
}

export async function dispatch(app: AppContext, journeyId: string, type: string, payload: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const data = type.startsWith('xstate.') || opts.parsed ? payload : parseEvent(type, payload);
  if (opts.loaded && opts.loaded.id !== journeyId) throw new Error(`dispatch: loaded journey ${opts.loaded.id} is not ${journeyId}`);
  const row = opts.loaded ?? await readJourney(app.keyedDb, journeyId, false);
  const change = planChange(app, row, type, data, actor, opts);
  // Opening another programme's journey takes several statements: that rare event goes locked.
  if (change.accepted && !change.writes.startProgrammes.length && await commitEvent(app.keyedDb, change.commit)) return change.result;
  if (!change.accepted) return change.result;
  return app.db.transaction((tx) => dispatchInTx(app, tx, journeyId, type, data, actor, { ...opts, loaded: undefined }));
}

/** Inside the caller's transaction, under a row lock: the swap cannot lose. */
export async function dispatchInTx(app: AppContext, tx: Tx, journeyId: string, type: string, data: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const row = await readJourney(tx, journeyId, true);
  const change = planChange(app, row, type, data, actor, opts);
  if (!change.accepted) return change.result;
  if (!await commitEvent(tx, change.commit)) throw new AppError(409, 'version_conflict', 'The journey changed while this event was applied: reload it and try again.');
  for (const programme of change.writes.startProgrammes) {
    const [candidate] = await tx.select({ profession: candidates.profession }).from(candidates).where(eq(candidates.id, row.candidateId));
    await startJourney(app, tx, { candidateId: row.candidateId, programme: programme as Programme, profession: candidate!.profession as Profession, at: change.at, actor, from: row.id });
  }
  return { ...change.result, movedProgramme: change.writes.startProgrammes.length > 0 };
}

export type Change =
  | { accepted: false; result: DispatchResult }
  | { accepted: true; result: DispatchResult; commit: Parameters<typeof commitEvent>[1]; writes: ReturnType<typeof jobWrites>; at: Date };

/** Everything an event changes, computed from the row as read: pure, no I/O. */
export function planChange(app: Pick<AppContext, 'machines' | 'clock' | 'settings'>, row: LoadedJourney, type: string, given: Record<string, unknown>, actor: Actor, opts: DispatchOptions): Change {
  if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) {
    throw new AppError(409, 'version_conflict', `The journey is at version ${row.version}, not ${opts.expectedVersion}: reload it and try again.`, { currentVersion: row.version });
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
    return new AppError(422, 'event_not_allowed', `This journey has finished (${row.status}); it takes no more events.`, { journeyStatus: row.status, allowed: [] });
  }
  const { type } = event;
  const allowed = allowedEvents(snapshot, now.toISOString()).map((e) => e.type);
  if (!candidateEventTypes(snapshot).includes(type)) {
    return new AppError(422, 'event_not_allowed', `"${type}" is not possible at this step (${row.state}).`, { state: row.state, allowed });
  }
  const why = refusalOf(snapshot, event);
  if (why) {
    return new AppError(422, 'event_not_allowed', `"${type}" is not allowed with these details now: ${why.detail}`, {
      state: row.state, allowed, rule: why.rule, ...(why.field ? { field: why.field } : {}),
    });
  }
  const rule = eventCatalog[type]?.rule;
  return new AppError(422, 'event_not_allowed', `"${type}" is not allowed with these details now${rule ? `: ${rule}` : ' (a rule of this step refuses it)'}.`, { state: row.state, allowed });
}
