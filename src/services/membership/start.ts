// Opening a member's membership from the journey that hired them: the facts each check recorded
// at clearance (the journey's context, and the cleared events' evidence for DBS and occupational
// health, which the context does not keep) become the items' evidence and due dates.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { journeyEvents, journeys, memberships } from '../../../db/schema/index.js';
import { joiningItems, type JoiningFacts } from '../../../workflows/membership/join.js';
import type { JourneyContext, Profession } from '../../../workflows/types.js';
import { ukDateOf } from '../../../workflows/when.js';
import type { AppContext } from '../../context.js';
import { systemActor } from '../../engine/actor.js';
import { type MembershipRow, startMembership } from '../../engine/membership.js';

type Payload = Record<string, unknown>;

async function lastPayload(tx: Tx, journeyId: string, type: string): Promise<Payload | undefined> {
  const [row] = await tx.select({ payload: journeyEvents.payload, at: journeyEvents.at }).from(journeyEvents)
    .where(and(eq(journeyEvents.journeyId, journeyId), eq(journeyEvents.type, type))).orderBy(desc(journeyEvents.seq)).limit(1);
  return row ? { ...(row.payload as Payload), recordedAt: row.at.toISOString() } : undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** What the hiring journey knew at hire. */
export function factsOf(ctx: JourneyContext, hiredAt: Date, dbs?: Payload, workHealth?: Payload): JoiningFacts {
  const rtw = ctx.rightToWorkCheck;
  return {
    profession: ctx.profession as Profession,
    clearedAt: ctx.readyAt ?? hiredAt.toISOString(),
    dbs: dbs && str(dbs.issueDate) ? {
      issueDate: str(dbs.issueDate)!, level: str(dbs.level), updateService: dbs.updateService === true, updateServiceSubscribedOn: str(dbs.updateServiceSubscribedOn),
    } : undefined,
    rightToWork: rtw ? { permission: rtw.permission, permissionExpiresOn: rtw.permissionExpiresOn, checkedOn: ctx.when?.['rightToWork.cleared']?.slice(0, 10) } : undefined,
    registration: ctx.registration ? {
      body: ctx.registration.body, number: ctx.registration.number, renewalDueOn: ctx.registration.renewalDueOn, checkedOn: ctx.registration.checkedAt?.slice(0, 10),
    } : undefined,
    workHealth: workHealth ? { assessedOn: str(workHealth.occurredOn) ?? ukDateOf(String(workHealth.recordedAt)), outcome: str(workHealth.outcome) } : undefined,
    trainingCompletedOn: ctx.trainingCompletedOn,
  };
}

/** Opens the membership of the member hired by `journeyId`; nothing if it is open already or the journey did not hire. */
export async function startMembershipFor(app: AppContext, tx: Tx, journeyId: string): Promise<MembershipRow | null> {
  const [journey] = await tx.select().from(journeys).where(eq(journeys.id, journeyId));
  if (!journey || journey.status !== 'hired') return null;
  const ctx = (journey.snapshot as { context: JourneyContext }).context;
  const hiredAt = journey.closedAt ?? journey.updatedAt;
  const facts = factsOf(ctx, hiredAt, await lastPayload(tx, journeyId, 'dbs.cleared'), await lastPayload(tx, journeyId, 'workHealth.cleared'));
  return startMembership(app, tx, {
    candidateId: journey.candidateId, journeyId, at: app.clock.now(), actor: systemActor,
    input: { profession: facts.profession, hiredAt: hiredAt.toISOString(), items: joiningItems(facts, app.policy) },
  });
}

/**
 * Members hired before memberships existed (or whose start job was lost) join with their
 * clearance dates. Idempotent: a member with a membership is skipped. Returns how many joined.
 */
export async function backfillMemberships(app: AppContext, tx: Tx, limit = 500): Promise<number> {
  const hired = await tx.select({ id: journeys.id }).from(journeys)
    .leftJoin(memberships, eq(memberships.candidateId, journeys.candidateId))
    .where(and(eq(journeys.status, 'hired'), isNull(journeys.supersededAt), isNull(memberships.id), sql`${journeys.programme} in ('domestic','international','hcswd')`))
    .limit(limit);
  let n = 0;
  for (const { id } of hired) if (await startMembershipFor(app, tx, id)) n++;
  return n;
}
