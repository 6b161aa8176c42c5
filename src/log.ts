// Structured one-line JSON logs. Callers pass ids, never names, emails or documents. The level
// comes from LOG_LEVEL, validated with the rest of the configuration (src/config.ts) and set by
// startIntake; until then (scripts) it is `info`.
type Fields = Record<string, unknown>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
let threshold = rank.info;

export function setLogLevel(level: LogLevel): void {
  threshold = rank[level];
}

const write = (level: Exclude<LogLevel, 'silent'>, msg: string, fields: Fields = {}) => {
  if (rank[level] < threshold) return;
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields })}\n`);
};
export const log = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
