// Structured logs: pino, one JSON object per line on stderr, each with level, time, pid and
// hostname. Callers pass ids, never names, emails, documents, tokens or query strings. The level
// comes from LOG_LEVEL, validated with the rest of the configuration (src/config.ts) and set by
// startIntake; until then (scripts) it is `info`. Lines go through process.stderr, which Node
// writes synchronously to files and pipes on Linux, so the line that explains an exit is written
// before the process ends (and a test can read the log by spying on process.stderr.write).
import { pino } from 'pino';

type Fields = Record<string, unknown>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const logger = pino({
  level: 'info',
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}, { write: (line: string) => process.stderr.write(line) });

export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

export const log = {
  debug: (msg: string, fields: Fields = {}) => logger.debug(fields, msg),
  info: (msg: string, fields: Fields = {}) => logger.info(fields, msg),
  warn: (msg: string, fields: Fields = {}) => logger.warn(fields, msg),
  error: (msg: string, fields: Fields = {}) => logger.error(fields, msg),
};
