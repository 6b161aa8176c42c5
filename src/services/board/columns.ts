// The recruiter's pipeline board: one column per stage of a programme, longest-waiting first.
// Each column is one indexed query (journeys_board_idx: programme, status, stage,
// stage_entered_at) with a LIMIT, and the counts one grouped query, so the board stays fast at
// 100,000 candidates; a column pages on (stage_entered_at, id).
import { type SQL, and, asc, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { AnyStateMachine } from 'xstate';
import { candidates, journeys } from '../../../db/schema/index.js';
import type { Db } from '../../../db/client.js';
import { stageOrder } from '../../../workflows/inspect.js';
import { DAY_MS, type Policy } from '../../../workflows/policy.js';
import type { StateMeta } from '../../../workflows/types.js';
import { AppError } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../keyset.js';
import { nameOrEmailMatches } from '../candidates/search.js';

export interface BoardFilters { programme: string; profession?: string | undefined; owner?: string | undefined; overdue?: boolean | undefined; q?: string | undefined }
export interface BoardCard { id: string; journeyId: string; fullName: string; profession: string; state: string; owner: string; stageEnteredAt: Date; daysInStage: number; overdue: boolean }
export interface BoardColumn { stage: string; count: number; dueDays: number; cards: BoardCard[]; nextCursor: string | null }

/** How long a stage should take before its candidates count as overdue: from the states' meta. */
export function stageDueDays(machine: AnyStateMachine, policy: Policy): Record<string, number> {
  const due: Record<string, number> = {};
  const visit = (node: { meta?: StateMeta; states: Record<string, unknown> }, stage?: string) => {
    const s = node.meta?.stage ?? stage;
    if (s && node.meta?.dueDays !== undefined) due[s] = Math.max(due[s] ?? 0, node.meta.dueDays);
    for (const child of Object.values(node.states)) visit(child as never, s);
  };
  for (const top of Object.values(machine.root.states)) visit(top as never);
  for (const stage of stageOrder(machine)) due[stage] ??= stage === 'checks' || stage === 'arrival_checks' ? policy.checkDueDays : 14;
  return due;
}

function filters(f: BoardFilters, due: Record<string, number>, now: Date, stage?: string): SQL[] {
  const where: SQL[] = [isNull(journeys.supersededAt), eq(journeys.programme, f.programme), eq(journeys.status, 'in_progress')];
  if (stage) where.push(eq(journeys.stage, stage));
  if (f.profession) where.push(eq(candidates.profession, f.profession));
  if (f.owner) where.push(eq(journeys.owner, f.owner));
  if (f.q) where.push(nameOrEmailMatches(f.q));
  if (f.overdue && stage) where.push(lt(journeys.stageEnteredAt, new Date(now.getTime() - (due[stage] ?? 14) * DAY_MS)));
  return where;
}

async function columnCards(db: Db, f: BoardFilters, stage: string, due: Record<string, number>, now: Date, limit: number, cursor?: string) {
  const where = filters(f, due, now, stage);
  if (cursor) {
    const c = decodeCursor(cursor);
    where.push(or(gt(journeys.stageEnteredAt, c.at), and(eq(journeys.stageEnteredAt, c.at), gt(journeys.id, c.id)))!);
  }
  const rows = await db.select({
    id: candidates.id, fullName: candidates.fullName, profession: candidates.profession, state: journeys.state,
    owner: journeys.owner, stageEnteredAt: journeys.stageEnteredAt, journeyId: journeys.id,
  }).from(journeys).innerJoin(candidates, eq(candidates.id, journeys.candidateId))
    .where(and(...where)).orderBy(asc(journeys.stageEnteredAt), asc(journeys.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const dueMs = (due[stage] ?? 14) * DAY_MS;
  return {
    cards: page.map((r): BoardCard => ({
      id: r.id, journeyId: r.journeyId, fullName: r.fullName, profession: r.profession, state: r.state, owner: r.owner, stageEnteredAt: r.stageEnteredAt,
      daysInStage: Math.floor((now.getTime() - r.stageEnteredAt.getTime()) / DAY_MS),
      overdue: now.getTime() - r.stageEnteredAt.getTime() > dueMs,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.stageEnteredAt, last.journeyId) : null,
  };
}

export async function boardColumns(db: Db, machine: AnyStateMachine, policy: Policy, f: BoardFilters, now: Date, perColumn = 20): Promise<BoardColumn[]> {
  const due = stageDueDays(machine, policy);
  const stages = stageOrder(machine);
  const needsCandidate = Boolean(f.profession || f.q);
  // Counts: grouped by stage; overdue needs a per-stage cut-off, so it counts column by column.
  const counts = new Map<string, number>();
  if (f.overdue) {
    for (const stage of stages) {
      const [row] = await db.select({ n: count() }).from(journeys).innerJoin(candidates, eq(candidates.id, journeys.candidateId)).where(and(...filters(f, due, now, stage)));
      counts.set(stage, Number(row?.n ?? 0));
    }
  } else {
    const base = db.select({ stage: journeys.stage, n: count() }).from(journeys);
    const rows = await (needsCandidate ? base.innerJoin(candidates, eq(candidates.id, journeys.candidateId)) : base)
      .where(and(...filters(f, due, now))).groupBy(journeys.stage);
    for (const r of rows) counts.set(r.stage, Number(r.n));
  }
  const columns: BoardColumn[] = [];
  for (const stage of stages) {
    const { cards, nextCursor } = await columnCards(db, f, stage, due, now, perColumn);
    columns.push({ stage, count: counts.get(stage) ?? 0, dueDays: due[stage] ?? 14, cards, nextCursor });
  }
  return columns;
}

export async function boardColumnPage(db: Db, machine: AnyStateMachine, policy: Policy, f: BoardFilters, stage: string, now: Date, cursor: string | undefined, limit = 50) {
  if (!stageOrder(machine).includes(stage)) throw new AppError('invalid_query', `stage: ${stage} is not a stage of this programme`, { field: 'stage' });
  return columnCards(db, f, stage, stageDueDays(machine, policy), now, limit, cursor);
}
