// Entry point of the server: `npm start` (node dist/src/main.js). Embedded PGlite unless
// DATABASE_URL is set. Listens first (a port in use stops it before any database work), then
// starts Intake and serves it; SIGTERM drains it (src/lifecycle.ts, src/http-server.ts).
import { listen } from './http-server.js';
import { closingReserveMs, configOrExit, exitOnStartupFailure, onStopSignal } from './lifecycle.js';
import { log } from './log.js';
import { startIntake } from './server.js';

async function main() {
  const config = configOrExit();
  const http = await listen(config.port, config.host);
  const intake = await startIntake(config);
  http.serve(intake.http.fetch);
  if (intake.generatedToken) {
    // Printed once: only its hash is stored. Set INTAKE_BOOTSTRAP_TOKEN to choose your own.
    process.stdout.write(`\nAdmin API token (shown once, keep it safe):\n  ${intake.generatedToken}\n\n`);
  }
  if (intake.demoStaff && intake.demoPassword) {
    process.stdout.write(`Demo staff accounts (password shown once): ${intake.demoPassword}\n`);
    for (const s of intake.demoStaff) process.stdout.write(`  ${s.role.padEnd(12)} ${s.email}\n`);
    process.stdout.write('\n');
  }
  log.info('intake listening', { port: http.port, database: intake.database.kind, worker: intake.worker !== null });
  process.stdout.write(`Intake is running at http://localhost:${http.port}  (database: ${intake.database.kind})\n`);
  process.stdout.write(`  staff sign-in: http://localhost:${http.port}/sign-in   apply: http://localhost:${http.port}/apply\n`);

  onStopSignal(config.shutdownTimeoutMs, async (signal) => {
    log.info('shutting down', { signal, inFlight: http.inFlight() });
    intake.beginShutdown();
    const deadline = Date.now() + config.shutdownTimeoutMs - closingReserveMs(config.shutdownTimeoutMs);
    const [answered, { released }] = await Promise.all([http.drain(deadline), intake.stopWorker(Math.max(0, deadline - Date.now()))]);
    if (!answered) {
      log.warn('shutdown bound reached: closing the requests still open', { open: http.inFlight() });
      http.closeAll();
    }
    await intake.close();
    log.info('stopped', { releasedJob: released });
    return answered ? 0 : 1;
  });
}

main().catch(exitOnStartupFailure);
