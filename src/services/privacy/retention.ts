// The retention policy, run daily by the worker (src/jobs/retention.ts):
// - unsuccessful applicants (current journey rejected, withdrawn or closed) are erased once the
//   decision is older than `retentionMonths` (claims must be brought within 3 months less a day;
//   6 months is the policy);
// - DBS certificate details leave the history of every journey, hired ones included, no later
//   than `dbsMonths` after the recruitment decision (DBS code of practice).
// Work is done in batches, each its own transaction (or, inside the worker's transaction, its own
// savepoint), so a large backlog neither holds one huge transaction nor loads every row at once.
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { auditLog, candidates, journeyEvents, journeys } from '../../../db/schema/index.js';
import { eventCatalog } from '../../../workflows/events/index.js';
import { systemActor } from '../../engine/actor.js';
import type { AppContext } from '../../context.js';
import { eraseCandidates } from './erase.js';

export interface RetentionParams {
  now: Date;
  /** Months after an unsuccessful decision before the candidate is erased (default 6). */
  retentionMonths?: number;
  /** Months after any recruitment decision before DBS certificate details are purged (default 6). */
  dbsMonths?: number;
  /** Run inside this transaction (the worker's); otherwise each batch opens its own. */
  tx?: Tx;
  batchSize?: number;
}

export interface RetentionResult { erased: number; dbsEventsPurged: number; retentionCutoff: string; dbsCutoff: string }

const UNSUCCESSFUL = ['rejected', 'withdrawn', 'closed'] as const;
/** The fields of a `dbs.*` event that describe the certificate, and free text that may quote it. */
const DBS_FIELDS = ['certificateNumber', 'issueDate', 'level', 'outcome', 'riskAssessedBy', 'updateService', 'updateServiceSubscribedOn', 'dateOfBirth', 'note', 'reason', 'question'] as const;

/** Named, not `like 'dbs.%'`, so the lookup uses the index on event type. */
const dbsEventTypes = Object.keys(eventCatalog).filter((type) => type.startsWith('dbs.'));

/** `date` minus whole calendar months, clamped to the end of a shorter month (31 Aug − 6 → 28/29 Feb). */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export async function runRetention(app: AppContext, params: RetentionParams): Promise<RetentionResult> {
  const { now, retentionMonths = 6, dbsMonths = 6, batchSize = 200 } = params;
  const retentionCutoff = monthsBefore(now, retentionMonths);
  const dbsCutoff = monthsBefore(now, dbsMonths);
  const inBatch = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => (params.tx ? params.tx.transaction(fn) : app.db.transaction(fn));

  let erased = 0;
  for (;;) {
    const n = await inBatch(async (tx) => {
      const due = await tx.select({ id: candidates.id }).from(candidates)
        .innerJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
        .where(and(
          isNull(candidates.erasedAt),
          inArray(journeys.status, [...UNSUCCESSFUL]),
          lt(journeys.closedAt, retentionCutoff),
        ))
        // A journey another process holds (an event, an erasure on request) is left for the next
        // run. Journey first, as dispatch locks it before the candidate.
        .orderBy(asc(candidates.id)).limit(batchSize)
        .for('update', { of: journeys, skipLocked: true });
      const done = await eraseCandidates(app, tx, due.map((d) => d.id), { reason: 'retention', actor: systemActor, at: now });
      return done.length;
    });
    erased += n;
    if (n < batchSize) break;
  }

  let dbsEventsPurged = 0;
  for (;;) {
    const n = await inBatch(async (tx) => {
      const holding = tx.select({ id: journeyEvents.id }).from(journeyEvents)
        .innerJoin(journeys, eq(journeys.id, journeyEvents.journeyId))
        .where(and(
          lt(journeys.closedAt, dbsCutoff),
          inArray(journeyEvents.type, dbsEventTypes),
          sql`jsonb_exists_any(${journeyEvents.payload}, array[${sql.join(DBS_FIELDS.map((f) => sql`${f}`), sql`, `)}]::text[])`,
        ))
        .limit(batchSize * 5);
      const removeFields = sql.join(DBS_FIELDS.map((f) => sql` - ${f}::text`), sql``);
      const purged = await tx.update(journeyEvents)
        .set({ payload: sql`(${journeyEvents.payload}${removeFields}) || jsonb_build_object('dbsCertificatePurgedAt', ${now.toISOString()}::text)` })
        .where(inArray(journeyEvents.id, holding))
        .returning({ id: journeyEvents.id });
      return purged.length;
    });
    dbsEventsPurged += n;
    if (n < batchSize * 5) break;
  }

  await inBatch((tx) => tx.insert(auditLog).values({
    kind: 'retention', actorType: systemActor.type, actorId: systemActor.id, subjectId: null,
    detail: { erased, dbsEventsPurged, retentionMonths, dbsMonths }, at: now,
  }));
  return { erased, dbsEventsPurged, retentionCutoff: retentionCutoff.toISOString(), dbsCutoff: dbsCutoff.toISOString() };
}
