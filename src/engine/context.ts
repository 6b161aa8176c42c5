import type { Db } from '../../db/client.js';
import type { Machines, Policy } from '../../workflows/index.js';
import type { Handler } from '../jobs/worker.js';

/** A clock the tests can move: timers and stamps read time only from here. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** Everything a service needs, passed explicitly (no module state, so processes scale out). */
export interface AppContext {
  db: Db;
  /** The pool for per-request lookups and writes by key (db/client.ts): the token, the candidate, dispatch's commit. */
  keyedDb: Db;
  machines: Machines;
  policy: Policy;
  clock: Clock;
  /** One handler per job kind (timer, email, cv-parse…), composed in src/server.ts. */
  handlers: Record<string, Handler>;
  settings: Settings;
}

/** What emails and links need: addresses, the public URL, and the install secret for tokens. */
export interface Settings {
  publicUrl: string;
  trustProxy: boolean;
  secret: string;
  emailFrom: string;
  emailMaxAttempts: number;
  recruitmentTeam: string;
  internationalTeam: string;
  hrContact: string;
  referenceLinkDays: number;
}

export type ActorType = 'user' | 'system' | 'applicant' | 'referee';
export interface Actor { type: ActorType; id: string | null }
export const systemActor: Actor = { type: 'system', id: null };
