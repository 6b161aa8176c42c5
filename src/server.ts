// Wires a running Intake: database (migrated), machines from the configured policy, bootstrap
// token, optional demo data, the worker with its heartbeat, metrics and the HTTP app. Used by
// main.ts (role `server`), main-worker.ts (role `worker`: the worker alone, nothing to serve)
// and the tests.
import { join } from 'node:path';
import { type Database, openDatabase } from '../db/client.js';
import { buildMachines } from '../workflows/index.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { type Clock, systemClock } from './context.js';
import { isEmpty, seedDemo } from './demo/seed.js';
import { cvParseHandler } from './jobs/cv-parse.js';
import { emailHandler } from './jobs/email.js';
import { ensureRetentionScheduled, retentionHandler } from './jobs/retention.js';
import { HOUSEKEEPING_JOB, ensureHousekeepingScheduled, housekeepingHandler } from './jobs/housekeeping.js';
import { timerHandler } from './jobs/timer.js';
import { seedDemoMemberships } from './demo/members.js';
import { MEMBERSHIP_BACKFILL_JOB, ensureMembershipBackfillScheduled, membershipBackfillHandler, membershipStartHandler } from './jobs/membership.js';
import { webhookHandler } from './jobs/webhook.js';
import { importHandler } from './jobs/import.js';
import type { WorkerContext } from './jobs/types.js';
import { type Worker, startWorker } from './jobs/worker.js';
import { type Heartbeat, startHeartbeat } from './jobs/heartbeat.js';
import { type Metrics, createMetrics } from './services/ops/metrics.js';
import { mailboxTransport, resendTransport } from './email/transport.js';
import { installSecret } from './services/settings/secret.js';
import { roles } from './auth/permissions.js';
import { temporaryPassword } from './auth/passwords.js';
import { createUser } from './services/users/manage.js';
import { log, setLogLevel } from './log.js';
import { ensureBootstrapToken } from './services/tokens/bootstrap.js';

export interface Intake {
  /** The app context, with the job handlers the worker runs (tests replace one to fake a failure). */
  app: WorkerContext; http: ReturnType<typeof createApp>; database: Database; generatedToken: string | null;
  /** Demo staff accounts made with the demo data (printed once by main.ts). */
  demoStaff: { email: string; role: string }[] | null; demoPassword: string | null;
  worker: Worker | null; metrics: Metrics;
  /** Shutdown, first step: not ready any more (/readyz 503), while requests in hand are answered. */
  beginShutdown(): void;
  /** Stops the worker (a leased job still running after `graceMs` is released) and its heartbeat. */
  stopWorker(graceMs?: number): Promise<{ released: number | null }>;
  /** Stops the worker (waiting for its job), then closes the database. */
  close(): Promise<void>;
}

export type IntakeRole = 'server' | 'worker';

export interface StartOptions {
  clock?: Clock;
  dataDir?: string;
  /** PGlite: a dump to start a new data directory from (the tests' migrated template). */
  loadDataDir?: Blob | undefined;
  role?: IntakeRole;
}

export async function startIntake(config: Config, opts: StartOptions = {}): Promise<Intake> {
  setLogLevel(config.logLevel);
  const role = opts.role ?? 'server';
  const dataDir = opts.dataDir ?? config.dataDir;
  const database = await openDatabase({
    url: config.databaseUrl, dataDir, poolSize: config.dbPoolSize, loadDataDir: opts.loadDataDir,
  });
  const transport = config.email.resendApiKey
    ? resendTransport(config.email.resendApiKey, config.email.resendBaseUrl)
    : mailboxTransport(dataDir.startsWith('memory:') ? null : join(dataDir, 'mailbox'));
  const clock = opts.clock ?? systemClock;
  const handlers = {
    timer: timerHandler,
    email: emailHandler(transport, config.email.from),
    cv_parse: cvParseHandler(),
    retention: retentionHandler({ retentionMonths: config.retention.months, dbsMonths: config.retention.dbsMonths }),
    webhook: webhookHandler(),
    import: importHandler(),
    [HOUSEKEEPING_JOB]: housekeepingHandler(),
    membershipStart: membershipStartHandler,
    [MEMBERSHIP_BACKFILL_JOB]: membershipBackfillHandler(),
  };
  const heartbeatStaleMs = 3 * config.workerHeartbeatMs;
  const metrics = createMetrics({ db: database.db, clock, jobKinds: Object.keys(handlers), heartbeatStaleMs });
  const app: WorkerContext = {
    db: database.db,
    keyedDb: database.keyed,
    machines: buildMachines(config.policy),
    policy: config.policy,
    clock,
    handlers,
    telemetry: metrics,
    settings: {
      publicUrl: config.publicUrl,
      trustProxyHops: config.trustProxyHops,
      staffIdleMs: config.staffIdleMinutes * 60_000,
      secret: await installSecret(database.db, config.secret),
      emailFrom: config.email.from,
      emailMaxAttempts: config.email.maxAttempts,
      recruitmentTeam: config.email.recruitmentTeam,
      internationalTeam: config.email.internationalTeam,
      hrContact: config.email.hrContact,
      complianceTeam: config.email.complianceTeam,
      referenceLinkDays: config.email.referenceLinkDays,
      webhooks: config.webhooks,
    },
  };
  // The bootstrap token and demo data belong to the process people reach, not to a worker.
  const generatedToken = role === 'server' ? await ensureBootstrapToken(app.db, config.bootstrapToken) : null;
  const wantDemo = role === 'server' && (config.demoData === 'on' || (config.demoData === 'auto' && database.kind === 'pglite'));
  let demoStaff: Intake['demoStaff'] = null;
  let demoPassword: string | null = null;
  if (wantDemo && (await isEmpty(app.db))) {
    demoPassword = temporaryPassword();
    demoStaff = [];
    for (const role of roles) {
      const email = `${role}@demo.intake.example`;
      // One password for the three, printed on the console: temporary, changed at the first sign-in.
      await createUser(app.db, { email, name: `Demo ${role}`, role, password: demoPassword, temporary: true }, null, app.clock.now());
      demoStaff.push({ email, role });
    }
    const started = Date.now();
    // Demo emails go only to the local mailbox, never to a real provider.
    const seeded = await seedDemo(app.db, app.machines, { count: config.demoCandidates, now: app.clock.now(), withEmails: transport.name === 'mailbox' });
    const members = await seedDemoMemberships(app);
    log.info('demo data loaded', { candidates: seeded.candidates, events: seeded.events, members, ms: Date.now() - started });
  }
  await ensureRetentionScheduled(app.db, app.clock.now());
  await ensureHousekeepingScheduled(app.db, app.clock.now());
  await ensureMembershipBackfillScheduled(app.db, app.clock.now());
  const runsWorker = role === 'worker' || config.worker;
  const worker = runsWorker ? startWorker(app, config.workerPollMs) : null;
  const heartbeat: Heartbeat | null = runsWorker ? startHeartbeat(app.db, config.workerHeartbeatMs) : null;
  let draining = false;
  let workerStopped: Promise<{ released: number | null }> | null = null;
  const stopWorker = (graceMs?: number) => {
    workerStopped ??= (async () => {
      const outcome = (await worker?.stop(graceMs)) ?? { released: null };
      await heartbeat?.stop();
      return outcome;
    })();
    return workerStopped;
  };
  const http = createApp(app, { metrics, metricsToken: config.metricsToken, heartbeatStaleMs, draining: () => draining });
  return {
    app, http, database, generatedToken, demoStaff, demoPassword, worker, metrics,
    beginShutdown() { draining = true; },
    stopWorker,
    async close() {
      await stopWorker();
      await database.close();
    },
  };
}
