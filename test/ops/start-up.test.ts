// Issue 12, finding 12: starting on a port already in use exits with code 2 and a message that
// names the port and the fix, not a stack trace, and before the database is touched.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'intake-start-up-'));
let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => {
  taken?.close();
  rmSync(temp, { recursive: true, force: true });
});

function startServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DEMO_DATA: 'off', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('starting on a port already in use', () => {
  it('exits with code 2 and says which port and what to do, without a stack trace', async () => {
    const dataDir = join(temp, 'data');
    const { code, stdout, stderr } = await startServer({ HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(stderr).toContain('set PORT');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
    expect(stdout).not.toContain('Intake is running');
    expect(existsSync(dataDir)).toBe(false); // nothing was opened or created
  });

  it('says the same of a HOST that is not an address of this machine', async () => {
    const { code, stderr } = await startServer({ HOST: '192.0.2.1', PORT: '0', DATA_DIR: join(temp, 'other') });
    expect(code).toBe(2);
    expect(stderr).toContain('HOST 192.0.2.1 is not an address of this machine');
  });
});
