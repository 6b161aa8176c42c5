import { PGlite } from '@electric-sql/pglite';
const counts = new Map<string, { n: number; ms: number }>();
for (const m of ['query', 'exec', 'execProtocol', 'transaction'] as const) {
  const orig = (PGlite.prototype as any)[m];
  (PGlite.prototype as any)[m] = async function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try { return await orig.apply(this, args); } finally {
      const k = m === 'query' || m === 'exec' ? `${m}: ${String(args[0]).replace(/\s+/g, ' ').slice(0, 90)}` : m;
      const c = counts.get(k) ?? { n: 0, ms: 0 }; c.n++; c.ms += performance.now() - t0; counts.set(k, c);
    }
  };
}
const { benchPglite } = await import('./pglite.js');
const r = await benchPglite({ candidates: 300, ms: 3000, token: 'bench-token-0123456789abcdef0123456789', log: () => {} , onMeasure: () => counts.clear() } as any);
console.log(r.events, 'events', r.eventsPerSecond, '/s');
for (const [k, v] of [...counts].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(String(v.n).padStart(6), (v.ms / r.events).toFixed(3).padStart(7), 'ms/event', k);
