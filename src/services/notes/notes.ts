import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notes, users } from '../../../db/schema/index.js';

export async function candidateNotes(db: Db, candidateId: string) {
  const rows = await db.select({ n: notes, author: users.name }).from(notes).leftJoin(users, eq(sql`${users.id}::text`, notes.authorId)) // author_id is text: an API token's id may author too
    .where(eq(notes.candidateId, candidateId)).orderBy(desc(notes.createdAt));
  return rows.map(({ n, author }) => ({ id: n.id, text: n.text, author: author ?? 'Unknown', createdAt: n.createdAt }));
}

export async function addNote(db: Db, candidateId: string, authorId: string | null, text: string, now: Date) {
  await db.insert(notes).values({ candidateId, authorId, text, createdAt: now });
}
