// Imports as records: the dry run is kept (status `checked`) until someone starts it; starting
// queues ONE `import` job (src/jobs/import.ts) and nothing else. An import is seen by whoever
// uploaded it and by admins.
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { imports } from '../../../db/schema/index.js';
import { allows } from '../../auth/permissions.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { enqueue } from '../../jobs/enqueue.js';
import { audit } from '../audit/record.js';
import { type ImportReport, type RowSchema, type StoredRow, checkRows } from './check.js';

type Row = typeof imports.$inferSelect;
export interface ImportResult { created: { line: number; candidateId: string }[]; skipped: { line: number; field: string; message: string; candidateId?: string }[] }

const idOf = (p: StaffPrincipal) => p.userId ?? p.tokenId;

export function importView(row: Row) {
  return {
    id: row.id, filename: row.filename, status: row.status, createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null, finishedAt: row.finishedAt?.toISOString() ?? null,
    report: row.report as ImportReport, progress: row.progress, result: (row.result ?? null) as ImportResult | null,
  };
}
export type ImportView = ReturnType<typeof importView>;

export interface NewImport { filename: string; bytes: Uint8Array; programme?: string | undefined }

/** The dry run, kept for starting later. */
export async function checkImport(app: AppContext, p: StaffPrincipal, input: NewImport, schema: RowSchema): Promise<ImportView> {
  const { report, rows } = await checkRows(app.db, p, input.bytes, schema, input.programme);
  const [row] = await app.db.insert(imports).values({
    filename: input.filename.slice(0, 200) || 'import.csv', status: 'checked', createdBy: idOf(p), rows, report, createdAt: app.clock.now(),
  }).returning();
  return importView(row!);
}

async function visibleImport(db: DbOrTx, p: StaffPrincipal, id: string): Promise<Row> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  if (!row || (p.role !== 'admin' && row.createdBy !== idOf(p))) throw notFound('The import');
  return row;
}

export async function getImport(db: Db, p: StaffPrincipal, id: string): Promise<ImportView> {
  return importView(await visibleImport(db, p, id));
}

/** The rows with their names, while the import has not run (for the page's table). */
export async function importRows(db: Db, p: StaffPrincipal, id: string): Promise<StoredRow[]> {
  return ((await visibleImport(db, p, id)).rows ?? []) as StoredRow[];
}

export async function listImports(db: Db, p: StaffPrincipal): Promise<ImportView[]> {
  const rows = await db.select().from(imports).where(p.role === 'admin' ? undefined : eq(imports.createdBy, idOf(p) ?? ''))
    .orderBy(desc(imports.createdAt)).limit(20);
  return rows.map(importView);
}

/** Queues the import as one job. Only a checked import starts, once; the starter must be allowed every programme in it. */
export async function startImport(app: AppContext, p: StaffPrincipal, id: string): Promise<ImportView> {
  const now = app.clock.now();
  return app.db.transaction(async (tx) => {
    const row = await visibleImport(tx, p, id);
    const [locked] = await tx.select({ status: imports.status }).from(imports).where(eq(imports.id, id)).for('update');
    if (locked!.status !== 'checked') throw new AppError('import_already_started', `This import was started already (it is ${locked!.status}).`);
    const programmes = new Set(((row.rows ?? []) as StoredRow[]).flatMap((r) => (r.candidate ? [r.candidate.programme] : [])));
    const refused = [...programmes].filter((prog) => !allows(p.role, 'candidates.create', prog));
    if (refused.length) throw new AppError('forbidden', `Your role (${p.role}) may not add ${refused.join(' or ')} candidates.`);
    const [updated] = await tx.update(imports).set({ status: 'queued' }).where(eq(imports.id, id)).returning();
    await enqueue(tx, { kind: 'import', key: `import:${id}`, payload: { importId: id, actorId: idOf(p) }, runAt: now, maxAttempts: 5 });
    await audit(tx, { kind: 'import_started', actorType: p.via, actorId: idOf(p), subjectId: id, detail: { rows: row.rows ? (row.rows as StoredRow[]).filter((r) => r.candidate).length : 0 }, at: now });
    return importView(updated!);
  });
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Dry runs nobody started hold names and contacts: gone after a week. */
export async function purgeStaleImports(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(imports).where(and(eq(imports.status, 'checked'), lt(imports.createdAt, new Date(now.getTime() - WEEK_MS))));
  await db.update(imports).set({ rows: null }).where(and(inArray(imports.status, ['done', 'failed']), lt(imports.createdAt, new Date(now.getTime() - WEEK_MS))));
}
