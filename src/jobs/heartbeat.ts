// Each worker process says it is alive: a row in worker_heartbeats rewritten every interval with
// the database's clock, deleted when the worker stops. /readyz and /metrics read it. Rows of
// workers that died without stopping are cleared by the next worker to start.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { workerHeartbeats } from '../../db/schema/index.js';
import { log } from '../log.js';

export interface Heartbeat {
  workerId: string;
  /** Stops beating and removes this worker's row. */
  stop(): Promise<void>;
}

export function startHeartbeat(db: Db, everyMs: number): Heartbeat {
  const host = hostname();
  const workerId = `${host}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    beating = db.insert(workerHeartbeats).values({ workerId, host, pid: process.pid })
      .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { beatAt: sql`now()` } })
      .then(() => {}, (error: unknown) => log.warn('worker heartbeat not written', { workerId, error: error instanceof Error ? error.message : String(error) }));
  };
  beat();
  const timer = setInterval(beat, everyMs);
  // A worker gone for a day without stopping (killed, machine lost) is not coming back.
  void db.delete(workerHeartbeats).where(lt(workerHeartbeats.beatAt, sql`now() - interval '1 day'`)).catch(() => {});
  return {
    workerId,
    async stop() {
      clearInterval(timer);
      await beating;
      await db.delete(workerHeartbeats).where(eq(workerHeartbeats.workerId, workerId)).catch((error: unknown) => {
        log.warn('worker heartbeat not removed', { workerId, error: error instanceof Error ? error.message : String(error) });
      });
    },
  };
}
