// Data protection (admin): subject-access export and erasure on request, both audited.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { journeys } from '../../../db/schema/index.js';
import type { AuthVars } from '../../auth/bearer.js';
import { authorizeCandidate } from '../../auth/authorize.js';
import { actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../engine/context.js';
import { dispatchInTx } from '../../engine/dispatch.js';
import { loadSnapshot } from '../../engine/snapshot.js';
import { currentJourneyId } from '../../services/candidates/get.js';
import { eraseCandidate } from '../../services/privacy/erase.js';
import { exportCandidate } from '../../services/privacy/export.js';
import { idParam, parseWith, readJsonObject } from '../input.js';

/** An explicit confirmation; no free text, since nothing about the request may outlive the erasure. */
const eraseBody = z.strictObject({ confirm: z.literal(true) });

export function privacyRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();

  r.get('/:id/export', async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'data.export', id, c.get('candidate'));
    c.header('Content-Disposition', `attachment; filename="subject-access-${id}.json"`);
    return c.json(await exportCandidate(app, id, actorOf(c.get('principal'))));
  });

  // Erasure on request: a journey still in progress is withdrawn first (so timers stop and the
  // statistics show a withdrawal), then the personal data goes, in one transaction.
  r.post('/:id/erase', async (c) => {
    const id = idParam(c);
    parseWith(eraseBody, await readJsonObject(c));
    await authorizeCandidate(app, c.get('principal'), 'data.erase', id, c.get('candidate'));
    const actor = actorOf(c.get('principal'));
    const journeyId = await currentJourneyId(app, id);
    const result = await app.db.transaction(async (tx) => {
      const [row] = await tx.select().from(journeys).where(eq(journeys.id, journeyId));
      if (row?.status === 'in_progress' && loadSnapshot(app.machines, row).can({ type: 'withdrawn', reason: 'x', at: app.clock.now().toISOString() })) {
        await dispatchInTx(app, tx, journeyId, 'withdrawn', { reason: 'Personal data erased on request' }, actor);
      }
      return eraseCandidate(app, tx, id, { reason: 'request', actor });
    });
    return c.json({ candidateId: id, erased: true, alreadyErased: result.alreadyErased });
  });
  return r;
}
