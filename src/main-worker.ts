// Entry point of a worker process: `npm run worker` (node dist/src/main-worker.js). It runs the
// job queue (timers, emails, CV parses, retention) and writes its heartbeat, and opens no port.
// In server mode run as many as the queue needs, on any machines, beside API processes started
// with WORKER=off. SIGTERM: it stops claiming, finishes (or, at the bound, releases) the job in
// hand and exits 0.
import { closingReserveMs, configOrExit, exitOnStartupFailure, onStopSignal } from './lifecycle.js';
import { log } from './log.js';
import { startIntake } from './server.js';

async function main() {
  const config = configOrExit();
  const intake = await startIntake(config, { role: 'worker' });
  log.info('intake worker running', { database: intake.database.kind, pollMs: config.workerPollMs });
  process.stdout.write(`Intake worker is running (database: ${intake.database.kind}); it serves no HTTP.\n`);

  onStopSignal(config.shutdownTimeoutMs, async (signal) => {
    log.info('worker shutting down', { signal });
    const { released } = await intake.stopWorker(config.shutdownTimeoutMs - closingReserveMs(config.shutdownTimeoutMs));
    await intake.close();
    log.info('stopped', { releasedJob: released });
    return 0;
  });
}

main().catch(exitOnStartupFailure);
