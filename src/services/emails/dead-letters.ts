import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { jobs } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

/** Jobs that gave up, with the reason: staff see them, an admin can send them again. */
export async function deadJobs(db: Db, kind?: string) {
  const rows = await db.select().from(jobs)
    .where(and(eq(jobs.status, 'dead'), kind ? eq(jobs.kind, kind) : undefined))
    .orderBy(desc(jobs.finishedAt)).limit(200);
  return rows.map((j) => ({
    id: j.id, kind: j.kind, journeyId: j.journeyId, attempts: j.attempts, lastError: j.lastError,
    template: (j.payload as { template?: string }).template ?? null, to: (j.payload as { to?: string }).to ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  }));
}

export async function retryJob(db: Db, id: number, now: Date) {
  const [row] = await db.update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: now, lastError: null, finishedAt: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ['dead'])))
    .returning({ id: jobs.id });
  if (row) return { id: row.id, status: 'pending' };
  const [exists] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id));
  if (!exists) throw notFound('The job');
  throw new AppError('version_conflict', `Only dead jobs can be sent again; this one is ${exists.status}.`);
}
