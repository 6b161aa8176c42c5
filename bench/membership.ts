// Measurement 5 (issue 16): members after hire at full size. Every seeded candidate becomes a
// bank member with 16 compliance items (due dates spread over the next three years, a few
// overdue or suspended), written straight with SQL as the membership engine would leave them.
// Then, one request or query at a time: bookability over HTTP (one member, and 100 at once), and
// each of the compliance dashboard's queries (src/services/membership/dashboard.ts) run by the
// server's own code on a client made as the server's is.
import type { Sql } from 'postgres';
import { openDatabase } from '../db/client.js';
import type { AppContext } from '../src/context.js';
import { dueItems, expiringCounts, lapsedByItemAndOwner, membersByStatus } from '../src/services/membership/dashboard.js';
import { complianceItems, rolesNeeding } from '../workflows/membership/items.js';
import { defaultPolicy } from '../workflows/policy.js';
import { programmes } from '../workflows/types.js';
import { httpClient } from './http.js';
import { type Latency, latency } from './stats.js';

export interface MembershipBenchOptions { sql: Sql; databaseUrl: string; serverUrl: string; token: string; msPerQuery: number; log?: (line: string) => void }
export interface MembershipQueryResult { name: string; latency: Latency }
export interface MembershipBenchResult { members: number; items: number; overdue: number; dueSoon: number; seedMs: number; queries: MembershipQueryResult[]; p95Ms: number }

export async function seedMembers(sql: Sql): Promise<{ members: number; items: number; overdue: number; dueSoon: number }> {
  await sql`
    insert into memberships (candidate_id, journey_id, machine_version, snapshot, version, role, status, bookable, hired_at, created_at, updated_at)
    select c.id, c.current_journey_id, 1, '{}'::jsonb, 1, c.profession, 'compliant', true, now() - random() * interval '700 days', now(), now()
    from candidates c where c.current_journey_id is not null`;
  const roles = complianceItems.map((i) => `{${rolesNeeding(i, defaultPolicy).join(',')}}`);
  // About 1% of items overdue, 4% due soon, 0.3% suspended: one member in six has something lapsed.
  await sql`
    insert into compliance_items (membership_id, candidate_id, item, status, owner, due_on, since, renewed_on, evidence, roles)
    select x.id, x.candidate_id, x.item,
      case when x.r < 0.003 then 'suspended' when x.due < current_date then 'overdue' when x.due < current_date + 42 then 'due_soon' else 'compliant' end,
      case when x.r < 0.003 then 'compliance_team' when x.due < current_date + 42 then 'member' else 'none' end,
      x.due, now(), x.due - 365, '{}'::jsonb, x.roles::text[]
    from (
      -- random() in the select list: drawn per item (a lateral subquery would draw once for all).
      select m.id, m.candidate_id, i.item, i.roles, random() as r, current_date - 11 + floor(random() * 1100)::int as due
      from memberships m cross join unnest(${complianceItems as unknown as string[]}::text[], ${roles}::text[]) as i(item, roles)
    ) x`;
  await sql`
    update memberships m set status = s.status, bookable = s.bookable
    from (select membership_id,
      case when bool_or(status = 'suspended') then 'suspended' when bool_or(status = 'overdue') then 'overdue' when bool_or(status = 'due_soon') then 'due_soon' else 'compliant' end as status,
      not bool_or(status in ('overdue', 'suspended')) as bookable
      from compliance_items group by membership_id) s
    where s.membership_id = m.id`;
  await sql`vacuum analyze memberships`;
  await sql`vacuum analyze compliance_items`;
  const [n] = await sql<{ members: number; items: number; overdue: number; dueSoon: number }[]>`
    select (select count(*)::int from memberships) as members, (select count(*)::int from compliance_items) as items,
      (select count(*)::int from compliance_items where status = 'overdue') as overdue, (select count(*)::int from compliance_items where status = 'due_soon') as "dueSoon"`;
  return n!;
}

async function measure(name: string, ms: number, run: () => Promise<void>, log?: (line: string) => void): Promise<MembershipQueryResult> {
  for (let i = 0; i < 10; i++) await run();
  const samples: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end || samples.length < 20) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const result = { name, latency: latency(samples) };
  log?.(`membership ${name}: p50 ${result.latency.p50Ms} ms, p95 ${result.latency.p95Ms} ms (${samples.length})`);
  return result;
}

export async function benchMembership(opts: MembershipBenchOptions): Promise<MembershipBenchResult> {
  const seedStarted = Date.now();
  const seeded = await seedMembers(opts.sql);
  const seedMs = Date.now() - seedStarted;
  opts.log?.(`membership seed: ${seeded.members.toLocaleString('en-GB')} members, ${seeded.items.toLocaleString('en-GB')} items (${seeded.overdue.toLocaleString('en-GB')} overdue, ${seeded.dueSoon.toLocaleString('en-GB')} due soon) in ${(seedMs / 1000).toFixed(1)} s`);
  const ids = (await opts.sql<{ candidate_id: string }[]>`select candidate_id from memberships order by random() limit 5000`).map((r) => r.candidate_id);
  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  const client = httpClient(opts.serverUrl, opts.token, 1);
  const ok = (r: { status: number; body: string }, what: string) => { if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.body.slice(0, 200)}`); };
  const database = await openDatabase({ url: opts.databaseUrl, poolSize: 2 });
  const app = { db: database.db, clock: { now: () => new Date() }, policy: defaultPolicy } as unknown as AppContext;
  const scope = { programmes, now: new Date() };
  const queries: MembershipQueryResult[] = [];
  try {
    // What the dashboard shows at this size, so a fast figure is seen to be about real rows.
    opts.log?.(`membership dashboard: ${JSON.stringify(await membersByStatus(app, scope))}; expiring ${JSON.stringify(await expiringCounts(app, scope))}; ${(await lapsedByItemAndOwner(app, scope)).length} overdue rows`);
    queries.push(await measure('GET /api/candidates/{id}/bookability', opts.msPerQuery, async () => ok(await client.get(`/api/candidates/${pick()}/bookability`), 'bookability'), opts.log));
    queries.push(await measure('POST /api/bookability (100 members)', opts.msPerQuery, async () => {
      ok(await client.post('/api/bookability', { candidateIds: Array.from({ length: 100 }, pick) }), 'bulk bookability');
    }, opts.log));
    queries.push(await measure('dashboard: members by status', opts.msPerQuery, async () => { await membersByStatus(app, scope); }, opts.log));
    queries.push(await measure('dashboard: expiring in 30/60/90 days', opts.msPerQuery, async () => { await expiringCounts(app, scope); }, opts.log));
    queries.push(await measure('dashboard: overdue by item and owner', opts.msPerQuery, async () => { await lapsedByItemAndOwner(app, scope); }, opts.log));
    queries.push(await measure('dashboard: items due in 30 days (first 200)', opts.msPerQuery, async () => { await dueItems(app, { ...scope, days: 30, limit: 200 }); }, opts.log));
  } finally {
    client.close();
    await database.close();
  }
  return { ...seeded, seedMs, queries, p95Ms: Math.max(...queries.map((q) => q.latency.p95Ms)) };
}
