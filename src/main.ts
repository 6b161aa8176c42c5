// Entry point: `npm start`. Embedded PGlite unless DATABASE_URL is set.
import { serve } from '@hono/node-server';
import { type Config, ConfigError, loadConfig } from './config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { PostgresFixMissingError, checkPostgresFix } from '../db/postgres-fix.js';
import { log } from './log.js';
import { startIntake } from './server.js';

async function main() {
  let config: Config;
  try {
    checkPostgresFix();
    config = loadConfig();
  } catch (err) {
    // A broken install or a bad setting: say which, and stop before touching any database.
    if (err instanceof ConfigError || err instanceof PostgresFixMissingError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const intake = await startIntake(config);
  if (intake.generatedToken) {
    // Printed once: only its hash is stored. Set INTAKE_BOOTSTRAP_TOKEN to choose your own.
    process.stdout.write(`\nAdmin API token (shown once, keep it safe):\n  ${intake.generatedToken}\n\n`);
  }
  if (intake.demoStaff && intake.demoPassword) {
    process.stdout.write(`Demo staff accounts (password shown once): ${intake.demoPassword}\n`);
    for (const s of intake.demoStaff) process.stdout.write(`  ${s.role.padEnd(12)} ${s.email}\n`);
    process.stdout.write('\n');
  }
  const server = serve({ fetch: intake.http.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('intake listening', { port: info.port, database: intake.database.kind });
    process.stdout.write(`Intake is running at http://localhost:${info.port}  (database: ${intake.database.kind})\n`);
    process.stdout.write(`  staff sign-in: http://localhost:${info.port}/sign-in   apply: http://localhost:${info.port}/apply\n`);
  });
  const shutdown = async () => {
    server.close();
    await intake.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  if (err instanceof DataDirInUseError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  log.error('start-up failed', { error: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});
