// Measurement 2: what a recruiter's board asks for, at full size, over HTTP to the real server,
// one request at a time (the latency of a page, not of a queue): the pipeline counts, a board
// column (programme + stage), and the same column searched by name.
import type { Sql } from 'postgres';
import { httpClient } from './http.js';
import { type Latency, latency } from './stats.js';

export interface BoardBenchOptions { sql: Sql; serverUrl: string; token: string; msPerQuery: number; warmup?: number; log?: (line: string) => void }
export interface BoardQueryResult { path: string; example: string; latency: Latency; rows: number }
export interface BoardBenchResult { queries: BoardQueryResult[]; p95Ms: number }

export async function benchBoard(opts: BoardBenchOptions): Promise<BoardBenchResult> {
  // Search terms a recruiter would type: full names of real candidates (each matches a few dozen
  // here, as the demo's names repeat), taken from the checks column so each search finds some.
  const names = (await opts.sql<{ full_name: string }[]>`
    select c.full_name from candidates c join journeys j on j.id = c.current_journey_id
    where j.programme = 'domestic' and j.stage = 'checks' order by random() limit 200`).map((r) => r.full_name.toLowerCase());
  const client = httpClient(opts.serverUrl, opts.token, 1);
  const queries: { path: () => string; example: string }[] = [
    { path: () => '/api/pipeline?programme=domestic', example: '/api/pipeline?programme=domestic' },
    { path: () => '/api/candidates?programme=domestic&stage=checks&limit=50', example: '/api/candidates?programme=domestic&stage=checks&limit=50' },
    {
      path: () => `/api/candidates?programme=domestic&stage=checks&limit=50&q=${encodeURIComponent(names[Math.floor(Math.random() * names.length)] ?? 'smith')}`,
      example: `/api/candidates?programme=domestic&stage=checks&limit=50&q=${encodeURIComponent(names[0] ?? 'smith')}`,
    },
  ];
  const results: BoardQueryResult[] = [];
  for (const q of queries) {
    for (let i = 0; i < (opts.warmup ?? 10); i++) await client.get(q.path());
    const samples: number[] = [];
    let rows = 0;
    const end = performance.now() + opts.msPerQuery;
    while (performance.now() < end || samples.length < 20) {
      const reply = await client.get(q.path());
      if (reply.status !== 200) throw new Error(`${q.example}: ${reply.status} ${reply.body.slice(0, 200)}`);
      samples.push(reply.ms);
      const body = JSON.parse(reply.body) as { items?: unknown[]; programmes?: { total: number }[] };
      rows = body.items?.length ?? body.programmes?.[0]?.total ?? 0;
    }
    const result = { path: q.example.replace(/q=[^&]+/, 'q=<full name>'), example: q.example, latency: latency(samples), rows };
    results.push(result);
    opts.log?.(`board ${result.path}: p50 ${result.latency.p50Ms} ms, p95 ${result.latency.p95Ms} ms (${samples.length} requests)`);
  }
  client.close();
  return { queries: results, p95Ms: Math.max(...results.map((r) => r.latency.p95Ms)) };
}
