// Opens a journey for a candidate: the machine's initial state, persisted with the application
// itself as the first history event.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { type AnyMachineSnapshot, initialTransition } from 'xstate';
import type { Tx } from '../../db/client.js';
import { candidates, journeyEvents, journeys } from '../../db/schema/index.js';
import { type Profession, type Programme, machineVersions } from '../../workflows/index.js';
import type { Actor } from './actor.js';
import type { AppContext } from '../context.js';
import { recordEffects } from './effects.js';
import { emailSnapshot, machineFor, summarise } from './snapshot.js';
import { startWebhookEvents } from './webhook-events.js';

export interface StartJourney { candidateId: string; programme: Programme; profession: Profession; at: Date; actor: Actor; from?: string }

export async function startJourney(app: AppContext, tx: Tx, input: StartJourney): Promise<typeof journeys.$inferSelect> {
  const machine = machineFor(app.machines, input.programme);
  const at = input.at.toISOString();
  const [snapshot, actions] = initialTransition(machine, { programme: input.programme, profession: input.profession, at }) as [AnyMachineSnapshot, { type: string; params?: unknown }[]];
  const summary = summarise(snapshot);
  const [journey] = await tx.insert(journeys).values({
    candidateId: input.candidateId,
    programme: input.programme,
    machineVersion: machineVersions[input.programme],
    snapshot: machine.getPersistedSnapshot(snapshot),
    ...summary,
    version: 1,
    stageEnteredAt: input.at,
    createdAt: input.at,
    updatedAt: input.at,
  }).returning();
  await tx.insert(journeyEvents).values({
    journeyId: journey!.id,
    seq: 1,
    type: 'applicationReceived',
    payload: { programme: input.programme, profession: input.profession, ...(input.from ? { redirectedFrom: input.from } : {}) },
    actorType: input.actor.type,
    actorId: input.actor.id,
    fromState: null,
    toState: summary.state,
    fromStage: null,
    toStage: summary.stage,
    at: input.at,
  });
  // The journey it replaces (if any) is no longer current: the pipeline counts rely on it.
  await tx.update(journeys).set({ supersededAt: input.at })
    .where(and(eq(journeys.candidateId, input.candidateId), ne(journeys.id, journey!.id), isNull(journeys.supersededAt)));
  await tx.update(candidates).set({ currentJourneyId: journey!.id, updatedAt: input.at }).where(eq(candidates.id, input.candidateId));
  await recordEffects(tx, { journeyId: journey!.id, candidateId: input.candidateId, seq: 1 }, actions, input.at, {
    email: emailSnapshot(snapshot), emailMaxAttempts: app.settings.emailMaxAttempts,
    webhooks: startWebhookEvents({ ...journey!, profession: input.profession }, input.at, input.from), webhookMaxAttempts: app.settings.webhooks?.maxAttempts,
  });
  return journey!;
}
