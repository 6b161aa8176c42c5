// A worker process for test/cv/poison.test.ts: Intake on the database the test names, whose CV
// parse handler and a test job kind kill their own process (SIGKILL), as a parse that takes the
// whole process down would. It works through the due jobs of those kinds and exits 0 once none
// is left, which only happens when the dead-lettered jobs are no longer run.
import { loadConfig } from '../../../src/config.js';
import { drainDueJobs } from '../../../src/jobs/worker.js';
import { startIntake } from '../../../src/server.js';

const die = async (): Promise<never> => { process.kill(process.pid, 'SIGKILL'); return new Promise(() => {}); };
const now = new Date(process.env.POISON_NOW!);
const intake = await startIntake(loadConfig({ ...process.env, WORKER: 'off', DEMO_DATA: 'off' }), { clock: { now: () => now } });
intake.app.handlers.cv_parse = { ...intake.app.handlers.cv_parse!, mode: 'lease', leaseMs: 60_000, run: die };
intake.app.handlers.poison_tx = { mode: 'tx', run: die };
await drainDueJobs(intake.app, { kinds: ['cv_parse', 'poison_tx'] });
await intake.close();
