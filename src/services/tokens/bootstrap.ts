import { createHash, randomBytes } from 'node:crypto';
import { count, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { apiTokens } from '../../../db/schema/index.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newApiToken = () => `intake_${randomBytes(24).toString('base64url')}`;

/**
 * The first admin token: INTAKE_BOOTSTRAP_TOKEN if set (registered idempotently), otherwise one
 * generated at the first start and returned so it can be printed once. Only its hash is stored.
 */
export async function ensureBootstrapToken(db: Db, configured: string | undefined): Promise<string | null> {
  if (configured) {
    await db.insert(apiTokens).values({ name: 'bootstrap', tokenHash: hashToken(configured), role: 'admin' }).onConflictDoNothing();
    return null;
  }
  const [existing] = await db.select({ n: count() }).from(apiTokens).where(isNull(apiTokens.revokedAt));
  if (Number(existing?.n ?? 0) > 0) return null;
  const token = newApiToken();
  await db.insert(apiTokens).values({ name: 'bootstrap (generated)', tokenHash: hashToken(token), role: 'admin' });
  return token;
}
