// PGlite runs inside one process: a second process opening the same data directory (another
// server, or `npm run user:create` while the server runs) corrupts it. A lock file with the
// owner's pid refuses the second one with a clear message; a lock left by a dead process is taken.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'intake.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && owner !== process.pid && alive(owner)) {
        throw new DataDirInUseError(`The embedded database in ${dataDir} is in use by process ${owner}. Stop it first (or use DATABASE_URL for several processes).`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`Could not lock ${dataDir}.`);
}
