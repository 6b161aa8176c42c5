// Bulk-inserts generated journeys: the demo data of `npm start` and the benchmark's 100,000.
import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { candidates, journeyEvents, journeys } from '../../db/schema/index.js';
import { enqueue } from '../jobs/enqueue.js';
import type { Machines } from '../../workflows/index.js';
import { type GeneratedJourney, generateJourney, seededRandom } from './generate.js';

export interface SeedOptions { count: number; now: Date; seed?: number; batch?: number; maxAgeDays?: number; withEmails?: boolean; onProgress?: (done: number) => void }

async function insertBatch(db: Db, batch: GeneratedJourney[]) {
  await db.transaction(async (tx) => {
    await tx.insert(candidates).values(batch.map((g) => g.candidate));
    await tx.insert(journeys).values(batch.map((g) => g.journey));
    const events = batch.flatMap((g) => g.events);
    // Stay well under the 65,535 bind-parameter limit of one statement.
    for (let i = 0; i < events.length; i += 2000) await tx.insert(journeyEvents).values(events.slice(i, i + 2000));
    await enqueue(tx, batch.flatMap((g) => [...g.timers, ...g.emails]));
  });
}

export async function seedDemo(db: Db, machines: Machines, opts: SeedOptions): Promise<{ candidates: number; events: number }> {
  const rnd = seededRandom(opts.seed ?? 20261122);
  const size = opts.batch ?? 250;
  let events = 0;
  for (let start = 0; start < opts.count; start += size) {
    const batch: GeneratedJourney[] = [];
    for (let i = start; i < Math.min(opts.count, start + size); i++) {
      batch.push(generateJourney(machines, { now: opts.now, index: i, rnd, withEmails: opts.withEmails ?? false, ...(opts.maxAgeDays ? { maxAgeDays: opts.maxAgeDays } : {}) }));
    }
    events += batch.reduce((a, g) => a + g.events.length, 0);
    await insertBatch(db, batch);
    opts.onProgress?.(start + batch.length);
  }
  return { candidates: opts.count, events };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(candidates);
  return Number(row?.n ?? 0) === 0;
}
