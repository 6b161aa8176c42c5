// The import job's work: the ready rows of a started import, created in batches, each batch in
// one transaction with the import's progress, so a job that is run again (its worker died, the
// database went away) carries on after the last batch that committed: no row is created twice.
// Rows are checked again against the candidates held now (someone may have applied since the dry
// run); those are skipped and reported by line. Each candidate is created as an application is,
// with its journey, its emails and its `candidate.created` webhook.
import { eq } from 'drizzle-orm';
import { imports } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { insertCandidate } from '../candidates/create.js';
import type { StoredRow } from './check.js';
import { existingCandidates, firstMatch, matchWords } from './duplicates.js';
import type { ImportResult } from './manage.js';

const BATCH = 100;

/** One batch; false when there is nothing left to do. */
async function runBatch(app: AppContext, importId: string, actorId: string | null): Promise<boolean> {
  return app.db.transaction(async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return false;
    const now = app.clock.now();
    const ready = ((row.rows ?? []) as StoredRow[]).filter((r) => r.candidate);
    const result = (row.result ?? { created: [], skipped: [] }) as ImportResult;
    const batch = ready.slice(row.progress, row.progress + BATCH);
    if (!batch.length) {
      // Done: the rows (names, contacts) are not kept; the result holds lines and ids only.
      await tx.update(imports).set({ status: 'done', finishedAt: now, rows: null, result }).where(eq(imports.id, importId));
      return false;
    }
    const found = await existingCandidates(tx, batch.map((r) => r.candidate!));
    for (const r of batch) {
      const match = firstMatch(r.candidate!, found);
      if (match) {
        result.skipped.push({ line: r.line, field: match.kind, message: `${matchWords[match.kind]} matches a candidate added since the check`, candidateId: match.candidateId });
      } else {
        result.created.push({ line: r.line, candidateId: await insertCandidate(app, tx, r.candidate!, { type: 'user', id: actorId }, now) });
      }
    }
    await tx.update(imports).set({ status: 'running', startedAt: row.startedAt ?? now, progress: row.progress + batch.length, result }).where(eq(imports.id, importId));
    return true;
  });
}

export async function runImport(app: AppContext, importId: string, actorId: string | null): Promise<void> {
  while (await runBatch(app, importId, actorId)) { /* the next batch */ }
}

/** The job gave up: say so on the import (what was created stays, and is listed). */
export async function failImport(app: AppContext, importId: string): Promise<void> {
  await app.db.update(imports).set({ status: 'failed', finishedAt: app.clock.now(), rows: null }).where(eq(imports.id, importId));
}
