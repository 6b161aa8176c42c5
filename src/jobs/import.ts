// Runs a started import (src/services/imports/run.ts): a leased job, since it takes a while and
// commits batch by batch; run again after a failure, it carries on where it stopped.
import { failImport, runImport } from '../services/imports/run.js';
import type { LeasedHandler } from './types.js';

export const importHandler = (): LeasedHandler => ({
  mode: 'lease',
  leaseMs: 10 * 60_000,
  async run(app, job) {
    const { importId, actorId } = job.payload as { importId: string; actorId: string | null };
    try {
      await runImport(app, importId, actorId);
    } catch (error) {
      if (job.attempts + 1 >= job.maxAttempts) await failImport(app, importId);
      throw error;
    }
    return 'done';
  },
});
