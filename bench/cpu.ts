// CPU time used by processes (Linux /proc/<pid>/stat), to show where an event's cost goes: the
// load generator, the server, and the PostgreSQL backends serving the benchmark database.
import { readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

export type CpuGroups = Record<string, () => Promise<number[]> | number[]>;
type Reading = Record<string, Map<number, number>>;

async function read(groups: CpuGroups): Promise<Reading> {
  const out: Reading = {};
  for (const [name, pids] of Object.entries(groups)) {
    out[name] = new Map();
    for (const pid of await pids()) {
      const s = cpuSeconds(pid);
      if (s !== null) out[name].set(pid, s);
    }
  }
  return out;
}

/** CPU seconds per group spent between two readings (a process that appeared counts from zero). */
export async function cpuDelta(groups: CpuGroups): Promise<() => Promise<Record<string, number>>> {
  const before = await read(groups);
  return async () => {
    const after = await read(groups);
    return Object.fromEntries(Object.entries(after).map(([name, pids]) => {
      let total = 0;
      for (const [pid, s] of pids) total += s - (before[name]?.get(pid) ?? 0);
      return [name, Math.round(total * 100) / 100];
    }));
  };
}
