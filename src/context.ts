// The app context: what every operation needs, passed explicitly (no module state, so processes
// scale out). It belongs to no layer: every layer may read it, and it reads only db/ and
// workflows/ (see test/architecture/layers.test.ts).
import type { Db } from '../db/client.js';
import type { Machines, Policy } from '../workflows/index.js';

/** A clock the tests can move: timers and stamps read time only from here. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** What the engine reports as it works, counted for /metrics (src/services/ops/metrics.ts). */
export interface Telemetry {
  eventAccepted(type: string): void;
}

export interface AppContext {
  db: Db;
  /** The pool for per-request lookups and writes by key (db/client.ts): the token, the candidate, dispatch's commit. */
  keyedDb: Db;
  machines: Machines;
  policy: Policy;
  clock: Clock;
  settings: Settings;
  telemetry: Telemetry;
}

/** What emails and links need: addresses, the public URL, and the install secret for tokens. */
export interface Settings {
  publicUrl: string;
  /** How many reverse proxies in front of Intake add to X-Forwarded-For (0: none; see src/auth/address.ts). */
  trustProxyHops: number;
  /** A staff session ends after this long without a request. */
  staffIdleMs: number;
  secret: string;
  emailFrom: string;
  emailMaxAttempts: number;
  recruitmentTeam: string;
  internationalTeam: string;
  hrContact: string;
  /** Alerts about members' compliance (items due, overdue, suspended). */
  complianceTeam: string;
  referenceLinkDays: number;
  webhooks: WebhookSettings;
}

/** How webhook deliveries are made (docs/webhooks.md). */
export interface WebhookSettings {
  /** Attempts at a delivery before it is given up (retried with the worker's backoff). */
  maxAttempts: number;
  timeoutMs: number;
  /** Networks outside the public internet a receiver may be on (loopback, a trust's own network). */
  allowedNetworks: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[];
}
