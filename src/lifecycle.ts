// What both entry points (main.ts: the server; main-worker.ts: the worker alone) do at the edges
// of a process's life. Start-up: a broken install, a bad setting, a data directory or port in use
// each stop it with exit code 2 and one message naming the fix, never a stack trace. Shutdown:
// SIGTERM or SIGINT starts it once (npm and a terminal may both send SIGINT: the second changes
// nothing), and SHUTDOWN_TIMEOUT_MS bounds it: past that the process exits 1 whatever is left.
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { PostgresFixMissingError, checkPostgresFix } from '../db/postgres-fix.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { ListenError } from './http-server.js';
import { log } from './log.js';

/** Failures the operator fixes by changing something outside Intake: a message, exit 2. */
const operatorErrors = [ConfigError, PostgresFixMissingError, DataDirInUseError, ListenError];

export function exitOnStartupFailure(error: unknown): never {
  if (operatorErrors.some((kind) => error instanceof kind)) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  log.error('start-up failed', { error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
}

/** The configuration, after checking the install; before touching any database. */
export function configOrExit(): Config {
  try {
    checkPostgresFix();
    return loadConfig();
  } catch (error) {
    return exitOnStartupFailure(error);
  }
}

/** Time kept back from the shutdown bound for closing the database. */
export const closingReserveMs = (timeoutMs: number) => Math.min(5_000, Math.floor(timeoutMs / 4));

/** Runs `stop` on the first SIGTERM or SIGINT, then exits with its code; exits 1 if it outlasts `timeoutMs`. */
export function onStopSignal(timeoutMs: number, stop: (signal: NodeJS.Signals) => Promise<number>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error('shutdown outlasted SHUTDOWN_TIMEOUT_MS: exiting now', { timeoutMs });
      process.exit(1);
    }, timeoutMs).unref();
    stop(signal).then((code) => process.exit(code), (error: unknown) => {
      log.error('shutdown failed', { error: error instanceof Error ? error.stack : String(error) });
      process.exit(1);
    });
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
