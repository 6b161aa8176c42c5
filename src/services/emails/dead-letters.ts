import { type SQL, and, desc, eq, inArray, lt } from 'drizzle-orm';
import { decodeCursor, encodeCursor, page } from '../keyset.js';
import type { Db } from '../../../db/client.js';
import { jobs } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

export interface DeadJobsParams { kind?: string | undefined; limit: number; cursor?: string | undefined }

/** Jobs that gave up, with the reason, newest first: staff see them, an admin can send them again. */
export async function deadJobs(db: Db, params: DeadJobsParams) {
  const where: SQL[] = [eq(jobs.status, 'dead')];
  if (params.kind) where.push(eq(jobs.kind, params.kind));
  if (params.cursor) {
    const c = decodeCursor(params.cursor, 'serial');
    where.push(lt(jobs.id, Number(c.id)));
  }
  // Newest first by id: the queue's own order, whatever the job's times.
  const rows = await db.select().from(jobs).where(and(...where)).orderBy(desc(jobs.id)).limit(params.limit + 1);
  const { items, nextCursor } = page(rows, params.limit, (last) => encodeCursor(last.createdAt, last.id));
  return {
    items: items.map((j) => ({
      id: j.id, kind: j.kind, journeyId: j.journeyId, attempts: j.attempts, lastError: j.lastError,
      template: (j.payload as { template?: string }).template ?? null, to: (j.payload as { to?: string }).to ?? null,
      finishedAt: j.finishedAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
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
