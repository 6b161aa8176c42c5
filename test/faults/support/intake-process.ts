// A real Intake server in a child process on loopback, so a test can kill it with SIGKILL and
// start it again: the built server (`node dist/src/main.js`, built by test/support/build.ts), as
// production runs it. Every child is remembered and killed when the test process ends, whatever
// happened in the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TOKEN = 'fault-test-admin-token-0123456789';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const children = new Set<ChildProcess>();
/** Servers started by npm: not our children, so killed by pid. */
const grandchildren = new Set<number>();
const killPid = (pid: number) => { try { process.kill(pid, 'SIGKILL'); } catch { /* gone already */ } };
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  for (const pid of grandchildren) killPid(pid);
});

export interface IntakeProcess {
  /** The server's address (empty for a worker process, which serves nothing). */
  url: string;
  /** The process spawned: node itself, or npm when started through an npm script. */
  pid: number;
  /** The node process running Intake (from its log line; the same as `pid` unless through npm). */
  nodePid: number;
  /** stdout and stderr so far (JSON logs), for failure messages. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  timeoutMs?: number;
  /** `worker`: the worker alone (main-worker.js, `npm run worker`), ready when it says so. */
  role?: 'server' | 'worker';
  /** Through npm (`npm start`, `npm run worker`), as a service manager might run it. */
  viaNpm?: boolean;
}

const entries = { server: { file: 'dist/src/main.js', npm: ['start'] }, worker: { file: 'dist/src/main-worker.js', npm: ['run', 'worker'] } };

export async function startIntakeProcess(env: Record<string, string>, opts: StartOptions = {}): Promise<IntakeProcess> {
  const { timeoutMs = 45_000, role = 'server', viaNpm = false } = opts;
  const [command, args] = viaNpm ? ['npm', entries[role].npm] : [process.execPath, [entries[role].file]];
  const child = spawn(command, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp',
      HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'off', INTAKE_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => { children.delete(child); resolve({ code, signal }); });
  });
  const ready = role === 'server' ? /running at http:\/\/[^:\s]+:(\d+)/ : /Intake worker is running/;
  const started = /"pid":(\d+)[^\n]*"msg":"intake (?:listening|worker running)"/;
  const [port, nodePid] = await new Promise<[number, number]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Intake did not start in ${timeoutMs} ms:\n${output.slice(-4000)}`)), timeoutMs);
    const poll = setInterval(() => {
      const m = ready.exec(output);
      const pid = started.exec(output);
      // The pid comes from an info line; without npm in between it is the child's own.
      if (m && (pid || !viaNpm)) { clearInterval(poll); clearTimeout(timer); resolve([Number(m[1] ?? 0), pid ? Number(pid[1]) : child.pid!]); }
    }, 20);
    void exited.then(({ code, signal }) => {
      clearInterval(poll); clearTimeout(timer);
      reject(new Error(`Intake exited (${code ?? signal}) before listening:\n${output.slice(-4000)}`));
    });
  });
  if (nodePid !== child.pid) grandchildren.add(nodePid);
  return {
    url: role === 'server' ? `http://127.0.0.1:${port}` : '',
    pid: child.pid!,
    nodePid,
    output: () => output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      if (nodePid !== child.pid && signal === 'SIGKILL') killPid(nodePid);
    },
  };
}

export interface Answer { status: number; body: any; contentType: string }

/** One request with a deadline: an answer, or null when there was none (refused, reset, hung). */
export async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<Answer | null> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type') ?? '' };
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}
