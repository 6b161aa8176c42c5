import type { Db } from '../../db/client.js';
import type { Machines, Policy } from '../../workflows/index.js';

/** A clock the tests can move: timers and stamps read time only from here. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** Everything a service needs, passed explicitly (no module state, so processes scale out). */
export interface AppContext {
  db: Db;
  machines: Machines;
  policy: Policy;
  clock: Clock;
}

export type ActorType = 'user' | 'system' | 'applicant' | 'referee';
export interface Actor { type: ActorType; id: string | null }
export const systemActor: Actor = { type: 'system', id: null };
