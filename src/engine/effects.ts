// Turns the actions a pure `transition` returned into rows of the jobs table, inside the same
// transaction as the state change: a rolled-back change leaves no job behind, a committed one
// always has its jobs. Planning is pure (the demo seeder folds plans in memory); applying writes.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';

interface ActionLike { type: string; params?: unknown }
export interface EffectTarget { journeyId: string; candidateId: string; seq: number }

/**
 * What an email job carries: the journey as it was when the email was caused (context, the
 * applicant's status, the checks) so the email says what was true then, even if sent later.
 * Personal data (name, address) is read from the candidate when the email is rendered.
 */
export interface EmailSnapshot { context: unknown; status: unknown; checks: unknown; event?: unknown }
export interface EffectOptions { email?: EmailSnapshot; emailMaxAttempts?: number }

export type Effect =
  | { kind: 'timer'; key: string; runAt: Date; event: unknown }
  | { kind: 'cancelTimer'; key: string }
  | { kind: 'email'; key: string; template: string; to: string }
  | { kind: 'startProgramme'; programme: string };

export const timerKey = (journeyId: string, delayId: string) => `timer:${journeyId}:${delayId}`;

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
      // The key makes a replayed transaction harmless: one email per (journey, event, action).
      effects.push({ kind: 'email', key: `email:${target.journeyId}:${target.seq}:${emailIndex++}`, template: String(params.template), to: String(params.to) });
    } else if (action.type === 'startProgramme') {
      effects.push({ kind: 'startProgramme', programme: String(params.programme) });
    }
  }
  return effects;
}

/** Writes the plan's jobs; returns the programmes to start for the same candidate. */
export async function recordEffects(tx: Tx, target: EffectTarget, actions: readonly ActionLike[], at: Date, opts: EffectOptions = {}): Promise<string[]> {
  const startProgrammes: string[] = [];
  for (const effect of planEffects(target, actions, at)) {
    if (effect.kind === 'timer') {
      const payload = { event: effect.event };
      await tx.insert(jobs)
        .values({ kind: 'timer', key: effect.key, journeyId: target.journeyId, payload, runAt: effect.runAt })
        .onConflictDoUpdate({
          target: jobs.key,
          set: { payload, runAt: effect.runAt, status: 'pending', attempts: 0, lastError: null, finishedAt: null, lockedUntil: null },
        });
    } else if (effect.kind === 'cancelTimer') {
      await tx.delete(jobs).where(and(eq(jobs.key, effect.key), eq(jobs.status, 'pending')));
    } else if (effect.kind === 'email') {
      await tx.insert(jobs).values({
        kind: 'email', key: effect.key, journeyId: target.journeyId, runAt: at,
        ...(opts.emailMaxAttempts ? { maxAttempts: opts.emailMaxAttempts } : {}),
        payload: { template: effect.template, to: effect.to, candidateId: target.candidateId, journeyId: target.journeyId, ...opts.email },
      }).onConflictDoNothing();
    } else {
      startProgrammes.push(effect.programme);
    }
  }
  return startProgrammes;
}
