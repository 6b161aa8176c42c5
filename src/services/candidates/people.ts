// Who is who in a candidate's history: staff (and API tokens) by id, referees by their request
// id and email, so the record can say "Jane Doe" and "referee Sam Patel" instead of ids.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { apiTokens, journeys, referenceRequests, users } from '../../../db/schema/index.js';

export interface HistoryPeople { staff: Record<string, string>; referees: Record<string, string> }

export async function historyPeople(db: Db, candidateId: string, actorIds: string[]): Promise<HistoryPeople> {
  const ids = [...new Set(actorIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const staff: Record<string, string> = {};
  if (ids.length) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))) staff[u.id] = u.name;
    for (const t of await db.select({ id: apiTokens.id, name: apiTokens.name, owner: users.name }).from(apiTokens).leftJoin(users, eq(users.id, apiTokens.userId)).where(inArray(apiTokens.id, ids))) {
      staff[t.id] = t.owner ? `${t.owner} (through the API)` : `the API (${t.name})`;
    }
  }
  const referees: Record<string, string> = {};
  const rows = await db.select({ id: referenceRequests.id, name: referenceRequests.refereeName }).from(referenceRequests)
    .innerJoin(journeys, eq(journeys.id, referenceRequests.journeyId)).where(eq(journeys.candidateId, candidateId));
  for (const r of rows) referees[r.id] = r.name;
  return { staff, referees };
}
