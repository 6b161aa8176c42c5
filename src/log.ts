// Structured one-line JSON logs. Callers pass ids, never names, emails or documents.
type Fields = Record<string, unknown>;
const write = (level: string, msg: string, fields: Fields = {}) => {
  if (process.env.LOG_LEVEL === 'silent') return;
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields })}\n`);
};
export const log = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
