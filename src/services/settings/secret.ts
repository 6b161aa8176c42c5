import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { settings } from '../../../db/schema/index.js';

/**
 * The secret one-time links are derived from (HMAC), so a retried email carries the same link
 * while the database keeps only the link's hash. INTAKE_SECRET wins; otherwise one is generated
 * once and stored, so every process of the install agrees on it.
 */
export async function installSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.insert(settings).values({ key: 'link_secret', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'link_secret'));
  return row!.value;
}
