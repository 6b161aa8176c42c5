// What the worker runs and what a handler returns. Two kinds of handler:
// - in-transaction (timers, retention): claimed with FOR UPDATE SKIP LOCKED and run in the
//   transaction that marks the job done, so a database-only effect happens exactly once;
// - leased (email, CV parsing): the effect is outside the database or slow, so the job is claimed
//   with a lease and run with no transaction open; the handler must be idempotent.
import type { Tx } from '../../db/client.js';
import type { jobs } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';

export type JobRow = typeof jobs.$inferSelect;
export type JobOutcome = 'done' | 'dropped';

/** `onDead`: what to record when the job is dead-lettered because its attempts ran out unfinished. */
interface HandlerBase { onDead?(app: AppContext, tx: Tx, job: JobRow): Promise<void> }
export interface TxHandler extends HandlerBase { mode: 'tx'; run(app: AppContext, tx: Tx, job: JobRow): Promise<JobOutcome> }
export interface LeasedHandler extends HandlerBase { mode: 'lease'; leaseMs: number; run(app: AppContext, job: JobRow): Promise<JobOutcome> }
export type Handler = TxHandler | LeasedHandler;

/** The app context of a process that runs jobs: one handler per job kind, composed in src/server.ts. */
export type WorkerContext = AppContext & { handlers: Record<string, Handler> };

/** A failure that retrying cannot fix (e.g. the provider refused the message as invalid). */
export class PermanentJobError extends Error {}
