// A throwaway PostgreSQL server of the test's own: initdb into a temporary directory, started on
// a free loopback port, stopped and started again at will, removed afterwards. The shared server
// the rest of the suite uses is never touched. initdb and postgres refuse to run as root, so as
// root they run as the `postgres` OS user (runuser).
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** postgres://… of the `postgres` database on the private server. */
  url: string;
  port: number;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Runner { cmd: string; args: (bin: string, args: string[]) => string[]; uid?: number; gid?: number }

async function runner(): Promise<Runner | string> {
  if (!existsSync(`${BIN}/initdb`) || !existsSync(`${BIN}/pg_ctl`)) return `no PostgreSQL binaries in ${BIN} (set PG_BIN)`;
  if (process.getuid?.() !== 0) return { cmd: '', args: (bin, args) => [bin, ...args] };
  try {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await run('runuser', ['-u', 'postgres', '--', 'true']);
    return { cmd: 'runuser', args: (bin, args) => ['-u', 'postgres', '--', bin, ...args], uid: Number(stdout.trim()), gid: Number(gid.trim()) };
  } catch {
    return 'running as root without a usable `postgres` OS user and runuser';
  }
}

/** Starts a private server, or returns why it cannot (the caller skips with that reason). */
export async function startPrivatePostgres(): Promise<PrivatePostgres | string> {
  const how = await runner();
  if (typeof how === 'string') return how;
  const exec = (bin: string, args: string[], timeout = 60_000) => (how.cmd
    ? run(how.cmd, how.args(`${BIN}/${bin}`, args), { timeout })
    : run(`${BIN}/${bin}`, args, { timeout }));
  const dir = mkdtempSync(join(tmpdir(), 'intake-fault-pg-'));
  if (how.uid !== undefined) chownSync(dir, how.uid, how.gid!);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${(error as Error).message.split('\n')[0]}`;
  }
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=32MB -c max_connections=40`;
  const start = async () => { await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']); };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => { await exec('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']); };
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `the private PostgreSQL did not start: ${(error as Error).message.split('\n')[0]}`;
  }
  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await stop('immediate').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  // Also on a crash of the test process: an orphaned server would hold its port and directory.
  process.once('exit', () => {
    if (destroyed) return;
    try {
      if (how.cmd) execFileSync(how.cmd, how.args(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
      else execFileSync(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    } catch { /* best effort */ }
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop, start, destroy };
}
