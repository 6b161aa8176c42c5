// Test helper: a bank member joined with given clearance facts, through the membership engine
// (the hire → membership path itself is walked in hire.test.ts).
import { systemActor } from '../../src/engine/actor.js';
import { startMembership } from '../../src/engine/membership.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { type JoiningFacts, joiningItems } from '../../workflows/membership/join.js';
import { trainingModules } from '../../workflows/vocabulary.js';
import { type TestIntake, applicant } from '../support/intake.js';

const DAY = 24 * 60 * 60 * 1000;
export const daysFrom = (now: Date, n: number) => new Date(now.getTime() + n * DAY).toISOString().slice(0, 10);

/** Everything in date for a registered nurse, cleared today. */
export function clearedNurse(now: Date, over: Partial<JoiningFacts> = {}): JoiningFacts {
  return {
    profession: 'registered_nurse', clearedAt: now.toISOString(),
    dbs: { issueDate: daysFrom(now, -20), level: 'enhanced_adults_barred' },
    rightToWork: { permission: 'unlimited', checkedOn: daysFrom(now, -30) },
    registration: { body: 'NMC', number: '71A2998E', renewalDueOn: daysFrom(now, 300), checkedOn: daysFrom(now, -10) },
    workHealth: { assessedOn: daysFrom(now, -25), outcome: 'fit' },
    trainingCompletedOn: Object.fromEntries(trainingModules.map((m) => [m, daysFrom(now, -5)])),
    ...over,
  };
}

export async function joinMember(t: TestIntake, facts: JoiningFacts): Promise<{ id: string; email: string }> {
  const person = applicant({ profession: facts.profession });
  const res = await t.post('/api/candidates', person);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const app = t.intake.app;
  await app.db.transaction((tx) => startMembership(app, tx, {
    candidateId: res.body.id, journeyId: res.body.journey.id, at: t.clock.now(), actor: systemActor,
    input: { profession: facts.profession, hiredAt: t.clock.now().toISOString(), items: joiningItems(facts, app.policy) },
  }));
  return { id: res.body.id, email: person.email };
}

/** Moves the clock a day at a time, running what falls due each day (as the worker would). */
export async function liveDays(t: TestIntake, n: number) {
  for (let i = 0; i < n; i++) {
    t.clock.advance(DAY);
    await drainDueJobs(t.intake.app);
  }
}
