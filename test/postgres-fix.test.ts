// The postgres.js fix (patches/postgres+3.4.9.patch, applied by patch-package at install): the
// installed driver carries it, and a server whose driver lacks it (an `npm ci --ignore-scripts`)
// refuses to start, saying how to put it right, instead of hanging at the first outage.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_FIX_MARK, PostgresFixMissingError, checkPostgresFix, installedConnectionFile } from '../db/postgres-fix.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'intake-postgres-fix-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the built project whose node_modules is the real one but for an unpatched postgres.js. */
function projectWithoutTheFix(): string {
  const dir = join(temp, 'project');
  for (const part of ['dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== 'postgres') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  cpSync(join(root, 'node_modules', 'postgres'), join(dir, 'node_modules', 'postgres'), { recursive: true });
  for (const build of ['src', 'cjs/src', 'cf/src']) {
    const file = join(dir, 'node_modules', 'postgres', build, 'connection.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace(POSTGRES_FIX_MARK, ''));
  }
  return dir;
}

describe('the postgres.js fix', () => {
  it('is in the driver this install imports', () => {
    expect(readFileSync(installedConnectionFile(), 'utf8')).toContain(POSTGRES_FIX_MARK);
    expect(() => checkPostgresFix()).not.toThrow();
  });

  it('is reported missing from a driver without it, with the command that applies it', () => {
    const file = join(temp, 'connection.js');
    writeFileSync(file, readFileSync(installedConnectionFile(), 'utf8').replace(POSTGRES_FIX_MARK, ''));
    expect(() => checkPostgresFix(file)).toThrow(PostgresFixMissingError);
    expect(() => checkPostgresFix(file)).toThrow(/npm install/);
  });

  it('stops npm start with exit code 2 and a message when the driver lacks it', async () => {
    const dir = projectWithoutTheFix();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(temp, 'data'), PORT: '0' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('lacks Intake\'s fix');
    expect(stderr).toContain('npm install');
    expect(stdout).not.toContain('Intake is running');
  });
});
