// The one function that changes a journey. In one transaction: lock the row, resolve the
// snapshot, refuse what the machine cannot take, run the pure transition, persist the new
// snapshot with version + 1, append the audit event, and record the resulting jobs.
import { and, eq } from 'drizzle-orm';
import { type AnyMachineSnapshot, transition } from 'xstate';
import type { Tx } from '../../db/client.js';
import { candidates, journeyEvents, journeys } from '../../db/schema/index.js';
import { eventCatalog } from '../../workflows/events/index.js';
import { allowedEvents, candidateEventTypes } from '../../workflows/inspect.js';
import { type Profession, type Programme, machineVersions } from '../../workflows/index.js';
import { AppError, notFound } from '../errors.js';
import type { Actor, AppContext } from './context.js';
import { recordEffects } from './effects.js';
import { emailSnapshot, loadSnapshot, machineFor, summarise } from './snapshot.js';
import { startJourney } from './start.js';

export type JourneyRow = typeof journeys.$inferSelect;

export interface DispatchOptions {
  /** If-Match: refuse with 409 unless the journey is still at this version. */
  expectedVersion?: number | undefined;
  /** Timers: an event the journey can no longer take is dropped, not an error. */
  dropIfRefused?: boolean;
  /** The caller has already parsed the payload with parseEvent (no need to parse it twice). */
  parsed?: boolean;
}

export interface DispatchResult {
  journey: JourneyRow;
  accepted: boolean;
  /** The new snapshot (accepted events only), so a reply need not resolve it again. */
  snapshot?: AnyMachineSnapshot;
  /** True when the event opened a journey on another programme (the candidate's current one now). */
  movedProgramme?: boolean;
}

/** Validates the payload against the event's schema: 400 naming the field, before any lock. */
export function parseEvent(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const spec = Object.hasOwn(eventCatalog, type) ? eventCatalog[type] : undefined;
  if (!spec) throw new AppError(400, 'unknown_event', `There is no event called "${type}".`, { knownEvents: Object.keys(eventCatalog).length });
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)');
    throw new AppError(400, 'invalid_payload', `${field}: ${issue.message}`, {
      field,
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''), message: i.message })),
    });
  }
  return parsed.data as Record<string, unknown>;
}

export async function dispatch(app: AppContext, journeyId: string, type: string, payload: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const data = type.startsWith('xstate.') || opts.parsed ? payload : parseEvent(type, payload);
  return app.db.transaction((tx) => dispatchInTx(app, tx, journeyId, type, data, actor, opts));
}

export async function dispatchInTx(app: AppContext, tx: Tx, journeyId: string, type: string, data: Record<string, unknown>, actor: Actor, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const [row] = await tx.select().from(journeys).where(eq(journeys.id, journeyId)).for('update');
  if (!row) throw notFound('The journey');
  if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) {
    throw new AppError(409, 'version_conflict', `The journey is at version ${row.version}, not ${opts.expectedVersion}: reload it and try again.`, { currentVersion: row.version });
  }
  const machine = machineFor(app.machines, row.programme);
  const snapshot = loadSnapshot(app.machines, row);
  const now = app.clock.now();
  const event = { type, ...data, at: now.toISOString() };

  if (snapshot.status !== 'active' || !snapshot.can(event)) {
    if (opts.dropIfRefused) return { journey: row, accepted: false };
    throw refusal(snapshot, type, row, now);
  }
  const [next, actions] = transition(machine, snapshot, event) as [AnyMachineSnapshot, { type: string; params?: unknown }[]];
  const summary = summarise(next);
  const seq = row.version + 1;
  const finished = summary.status !== 'in_progress';
  const [updated] = await tx.update(journeys).set({
    snapshot: machine.getPersistedSnapshot(next),
    ...summary,
    version: seq,
    // The snapshot was migrated on load and written by the current machine: record that version.
    machineVersion: machineVersions[row.programme as Programme],
    updatedAt: now,
    ...(summary.stage !== row.stage ? { stageEnteredAt: now } : {}),
    ...(finished ? { closedAt: now, exitStage: row.stage, exitReason: typeof data.reason === 'string' ? data.reason : null } : {}),
  }).where(and(eq(journeys.id, row.id), eq(journeys.version, row.version))).returning();
  if (!updated) throw new AppError(409, 'version_conflict', 'The journey changed while this event was applied: reload it and try again.');

  await tx.insert(journeyEvents).values({
    journeyId: row.id, seq, type, payload: data, actorType: actor.type, actorId: actor.id,
    fromState: row.state, toState: summary.state, fromStage: row.stage, toStage: summary.stage, at: now,
  });
  const programmes = await recordEffects(tx, { journeyId: row.id, candidateId: row.candidateId, seq }, actions, now, {
    // The event rides along so an email can quote it (e.g. the question of a query).
    email: { ...emailSnapshot(next), event: { type, ...data } }, emailMaxAttempts: app.settings.emailMaxAttempts,
  });
  for (const programme of programmes) {
    const [candidate] = await tx.select({ profession: candidates.profession }).from(candidates).where(eq(candidates.id, row.candidateId));
    await startJourney(app, tx, { candidateId: row.candidateId, programme: programme as Programme, profession: candidate!.profession as Profession, at: now, actor, from: row.id });
  }
  return { journey: updated, accepted: true, snapshot: next, movedProgramme: programmes.length > 0 };
}

function refusal(snapshot: AnyMachineSnapshot, type: string, row: JourneyRow, now: Date): AppError {
  if (snapshot.status !== 'active') {
    return new AppError(422, 'event_not_allowed', `This journey has finished (${row.status}); it takes no more events.`, { journeyStatus: row.status, allowed: [] });
  }
  const allowed = allowedEvents(snapshot, now.toISOString()).map((e) => e.type);
  const listening = candidateEventTypes(snapshot).includes(type);
  const rule = eventCatalog[type]?.rule;
  const detail = listening
    ? `"${type}" is not allowed with these details now${rule ? `: ${rule}` : ' (a rule of this step refuses it)'}.`
    : `"${type}" is not possible at this step (${row.state}).`;
  return new AppError(422, 'event_not_allowed', detail, { state: row.state, allowed });
}
