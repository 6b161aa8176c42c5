// The audit log as staff read it: newest first, with the acting member of staff's name.
import { type SQL, and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { auditLog, users } from '../../../db/schema/index.js';

export interface AuditLine { id: number; kind: string; actorType: string; actorName: string | null; subjectId: string | null; subjectName: string | null; at: Date; detail: unknown }

export async function auditLines(db: Db, params: { kind?: string | undefined; before?: number | undefined; limit: number }): Promise<AuditLine[]> {
  const where: SQL[] = [];
  if (params.kind) where.push(eq(auditLog.kind, params.kind));
  if (params.before) where.push(lt(auditLog.id, params.before));
  const subject = sql<string | null>`(select u.name from users u where u.id::text = ${auditLog.subjectId})`;
  const rows = await db.select({ a: auditLog, actorName: users.name, subjectName: subject }).from(auditLog)
    .leftJoin(users, sql`${users.id}::text = ${auditLog.actorId}`)
    .where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.id)).limit(params.limit);
  return rows.map(({ a, actorName, subjectName }) => ({ id: a.id, kind: a.kind, actorType: a.actorType, actorName, subjectId: a.subjectId, subjectName, at: a.at, detail: a.detail }));
}
