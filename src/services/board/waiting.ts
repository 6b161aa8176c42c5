// How many open checks wait on each owner, per journey shown on the board: a card in the checks
// stage says "Recruiter 2 · Candidate 1" instead of one "Next" owner hiding the rest.
import { inArray } from 'drizzle-orm';
import { journeys } from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { loadSnapshot } from '../../engine/snapshot.js';
import { checksOf } from '../../../workflows/inspect.js';

const open = new Set(['awaiting_candidate', 'in_progress', 'received', 'query_raised', 'failed']);

export async function checksWaiting(app: AppContext, journeyIds: string[]): Promise<Record<string, Record<string, number>>> {
  if (!journeyIds.length) return {};
  const rows = await app.db.select({ id: journeys.id, programme: journeys.programme, machineVersion: journeys.machineVersion, snapshot: journeys.snapshot })
    .from(journeys).where(inArray(journeys.id, journeyIds));
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    try {
      const counts: Record<string, number> = {};
      for (const c of checksOf(loadSnapshot(app.machines, row))) if (open.has(c.status)) counts[c.owner] = (counts[c.owner] ?? 0) + 1;
      out[row.id] = counts;
    } catch {
      // An outdated snapshot shows no counts rather than breaking the board.
    }
  }
  return out;
}
