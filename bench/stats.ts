// Percentiles and the machine the figures came from.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  // Nearest rank: the smallest value with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Latency { count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; meanMs: number }

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: s.length, p50Ms: round(percentile(s, 50)), p95Ms: round(percentile(s, 95)), p99Ms: round(percentile(s, 99)),
    maxMs: round(s.at(-1) ?? Number.NaN), meanMs: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export interface Machine { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres?: string; loadAverage: number[] }

export function machine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch { /* not Linux */ }
  return {
    cpus: availableParallelism(), cpuModel: model, memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version,
    loadAverage: loadAverage(),
  };
}

export function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
