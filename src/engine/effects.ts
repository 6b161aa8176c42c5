// Turns the actions a pure `transition` returned into rows of the jobs table, inside the same
// statement or transaction as the state change: a change that does not commit leaves no job
// behind, a committed one always has its jobs. Planning is pure (the demo seeder folds plans in
// memory); `jobsCtes` is the SQL that writes a plan, shared by dispatch and journey start.
import { type DbOrTx, executeStatement } from '../../db/client.js';
import type { WebhookEvent } from './webhook-events.js';

interface ActionLike { type: string; params?: unknown }
export interface EffectTarget { journeyId: string; candidateId: string; seq: number }

/**
 * What an email job carries: the journey as it was when the email was caused (context, the
 * applicant's status, the checks) so the email says what was true then, even if sent later.
 * Personal data (name, address) is read from the candidate when the email is rendered.
 */
export interface EmailSnapshot { context: unknown; status: unknown; checks: unknown; event?: unknown }
export interface EffectOptions {
  email?: EmailSnapshot; emailMaxAttempts?: number;
  /** What the change tells webhook subscribers (src/engine/webhook-events.ts). */
  webhooks?: WebhookEvent[]; webhookMaxAttempts?: number;
}

export type Effect =
  | { kind: 'timer'; key: string; runAt: Date; event: unknown }
  | { kind: 'cancelTimer'; key: string }
  | { kind: 'email'; key: string; template: string; to: string }
  | { kind: 'startProgramme'; programme: string }
  /** Work the change hands to a job of its own kind (the hire opening the member's membership). */
  | { kind: 'job'; jobKind: string; key: string; runAt: Date };

const timerKey = (journeyId: string, delayId: string) => `timer:${journeyId}:${delayId}`;

export function planEffects(target: EffectTarget, actions: readonly ActionLike[], at: Date): Effect[] {
  const effects: Effect[] = [];
  let emailIndex = 0;
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      // Delayed events come from `after`; keyed by journey + delay id, so re-entering a state replaces its timer.
      effects.push({ kind: 'timer', key: timerKey(target.journeyId, String(params.id)), runAt: new Date(at.getTime() + params.delay), event: params.event });
    } else if (action.type === 'xstate.cancel') {
      effects.push({ kind: 'cancelTimer', key: timerKey(target.journeyId, String(params.sendId)) });
    } else if (action.type === 'email') {
      // The key makes a replayed change harmless: one email per (journey, event, action).
      effects.push({ kind: 'email', key: `email:${target.journeyId}:${target.seq}:${emailIndex++}`, template: String(params.template), to: String(params.to) });
    } else if (action.type === 'startProgramme') {
      effects.push({ kind: 'startProgramme', programme: String(params.programme) });
    } else if (action.type === 'startMembership') {
      // Keyed by the hiring journey: a member's membership is opened once.
      effects.push({ kind: 'job', jobKind: 'membershipStart', key: `membership-start:${target.journeyId}`, runAt: at });
    }
  }
  return effects;
}

/** A plan as rows to write: timers to set, timers to cancel, emails to queue, programmes to start. */
export interface JobWrites {
  journeyId: string;
  /** Timers, and jobs of other kinds written the same way (`kind`; a timer when absent). */
  timers: { key: string; payload: unknown; runAt: string; kind?: string }[];
  cancels: string[];
  emails: { key: string; payload: unknown }[];
  at: Date;
  emailMaxAttempts: number;
  startProgrammes: string[];
  webhooks: WebhookEvent[];
  webhookMaxAttempts: number;
}

/**
 * The net effect per timer key (the last action wins: cancel-then-set re-arms, set-then-cancel
 * removes), so one statement never touches the same job row twice.
 */
export function jobWrites(target: EffectTarget, actions: readonly ActionLike[], at: Date, opts: EffectOptions = {}): JobWrites {
  const timers = new Map<string, JobWrites['timers'][number] | null>();
  const emails: JobWrites['emails'] = [];
  const startProgrammes: string[] = [];
  for (const effect of planEffects(target, actions, at)) {
    if (effect.kind === 'timer') {
      timers.delete(effect.key);
      timers.set(effect.key, { key: effect.key, payload: { event: effect.event }, runAt: effect.runAt.toISOString() });
    } else if (effect.kind === 'cancelTimer') {
      timers.delete(effect.key);
      timers.set(effect.key, null);
    } else if (effect.kind === 'job') {
      timers.set(effect.key, { key: effect.key, payload: {}, runAt: effect.runAt.toISOString(), kind: effect.jobKind });
    } else if (effect.kind === 'email') {
      emails.push({ key: effect.key, payload: { template: effect.template, to: effect.to, candidateId: target.candidateId, journeyId: target.journeyId, ...opts.email } });
    } else if (effect.kind === 'startProgramme') {
      startProgrammes.push(effect.programme);
    }
  }
  const set = [...timers.values()].filter((t) => t !== null);
  const cancels = [...timers.entries()].filter(([, t]) => t === null).map(([key]) => key);
  return {
    journeyId: target.journeyId, timers: set, cancels, emails, at, emailMaxAttempts: opts.emailMaxAttempts ?? 8, startProgrammes,
    webhooks: opts.webhooks ?? [], webhookMaxAttempts: opts.webhookMaxAttempts ?? 15,
  };
}

/**
 * The jobs of a plan as data-modifying CTEs (`timers`, `cancelled`, `emails`, and the webhook
 * deliveries with their jobs), written only when `guard` holds, with parameters $first.. (see
 * jobsParams). The lists travel as JSON so the statement's text is the same for every plan
 * (prepared once per connection).
 */
export function jobsCtes(first: number, guard: string): string {
  const [journeyId, timers, cancels, at, maxAttempts, emails, webhooks, webhookMaxAttempts] = Array.from({ length: 8 }, (_, i) => `$${first + i}`);
  return `timers as (
    insert into jobs (kind, key, journey_id, payload, run_at)
    select coalesce(t.kind, 'timer'), t.key, ${journeyId}::uuid, t.payload, t."runAt"
    from jsonb_to_recordset(${timers}::jsonb) as t(key text, payload jsonb, "runAt" timestamptz, kind text) where ${guard}
    on conflict (key) do update set payload = excluded.payload, run_at = excluded.run_at, status = 'pending', attempts = 0,
      last_error = null, finished_at = null, locked_until = null
  ), cancelled as (
    delete from jobs where status = 'pending' and key in (select jsonb_array_elements_text(${cancels}::jsonb)) and ${guard}
  ), emails as (
    insert into jobs (kind, key, journey_id, run_at, max_attempts, payload)
    select 'email', e.key, ${journeyId}::uuid, ${at}::timestamptz, ${maxAttempts}::int, e.payload
    from jsonb_to_recordset(${emails}::jsonb) as e(key text, payload jsonb) where ${guard}
    on conflict do nothing
  ), ${webhookCtes(webhooks!, at!, webhookMaxAttempts!, guard)}`;
}

/**
 * A delivery per live subscription that wants each event ('*': all), and a job per delivery.
 * With no event or no subscriber this writes nothing: the list of subscriptions is a few rows.
 * The jobs carry no journey id, so erasure (which drops a journey's queued work) still lets
 * `candidate.erased` and what came before it reach the subscribers.
 */
export function webhookCtes(events: string, at: string, maxAttempts: string, guard: string): string {
  return `webhook_deliveries as (
    insert into webhook_deliveries (subscription_id, event_type, payload, created_at)
    select s.id, w.type, w.payload, ${at}::timestamptz
    from jsonb_to_recordset(${events}::jsonb) as w(type text, payload jsonb)
    join webhook_subscriptions s on s.deleted_at is null and (w.type = any(s.events) or '*' = any(s.events))
    where ${guard}
    returning id
  ), webhook_jobs as (
    insert into jobs (kind, key, run_at, max_attempts, payload)
    select 'webhook', 'webhook:' || d.id, ${at}::timestamptz, ${maxAttempts}::int, jsonb_build_object('deliveryId', d.id) from webhook_deliveries d
  )`;
}

/** The eight parameters of jobsCtes, in order. */
export const jobsParams = (w: JobWrites): unknown[] => [
  w.journeyId, JSON.stringify(w.timers), JSON.stringify(w.cancels), w.at.toISOString(), w.emailMaxAttempts, JSON.stringify(w.emails),
  JSON.stringify(w.webhooks.map((e) => ({ type: e.type, payload: webhookPayload(e, w.at) }))), w.webhookMaxAttempts,
];

/** The body a subscriber receives (Standard Webhooks' shape: type, timestamp, data). */
export const webhookPayload = (e: WebhookEvent, at: Date) => ({ type: e.type, timestamp: at.toISOString(), data: e.data });

const RECORD_JOBS = `with ${jobsCtes(1, 'true')} select 1`;

/** Writes a plan's jobs on their own (a journey's start); returns the programmes to start. */
export async function recordEffects(db: DbOrTx, target: EffectTarget, actions: readonly ActionLike[], at: Date, opts: EffectOptions = {}): Promise<string[]> {
  const writes = jobWrites(target, actions, at, opts);
  if (writes.timers.length || writes.cancels.length || writes.emails.length || writes.webhooks.length) await executeStatement(db, RECORD_JOBS, jobsParams(writes));
  return writes.startProgrammes;
}
