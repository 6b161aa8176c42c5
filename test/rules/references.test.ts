// DOMAIN.md: employment history and references — coverage, gaps, character references, chasers,
// waivers — and a referee's answers as evidence, through the API and the referee's own link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRequests } from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { referenceToken } from '../../src/services/references/tokens.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { DAY, accepted, atState, candidateAt, checkStatus, day, invalidAt, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

let n = 0;
const referee = (relationship: string, from?: number, to?: number, organisation = `Employer ${++n}`) => ({
  name: `Referee ${++n}`, email: `referee.${n}.${Math.random().toString(36).slice(2, 8)}@example.org`, organisation, relationship,
  ...(from === undefined ? {} : { coversFrom: day(t, -from) }), ...(to === undefined ? {} : { coversTo: day(t, -to) }),
});
const awaitingReferees = () => candidateAt(t, checkStatus('references', 'awaiting_candidate'));
/** Referees asked and both references in, the check ready to clear. */
const referencesIn = async (answer: Record<string, unknown> = {}) => {
  const id = await awaitingReferees();
  const referees = [referee('line_manager', 700), referee('employer', 2000, 701)];
  accepted(await send(t, id, 'references.refereesProvided', { referees }));
  accepted(await send(t, id, 'references.received', { refereeEmail: referees[0]!.email, datesConfirmed: true, roleConfirmed: true, ...answer }));
  accepted(await send(t, id, 'references.received', { refereeEmail: referees[1]!.email, datesConfirmed: true, roleConfirmed: true }));
  return { id, referees };
};

describe('references covering 3 consecutive years including the two most recent employers', () => {
  it('refuses referees who cover one year of the three, naming the years left uncovered', async () => {
    const id = await awaitingReferees();
    const detail = refusedBy(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 365), referee('line_manager', 300)] }), 'references.coverage', 'referees');
    expect(detail).toContain('3 consecutive years');
    expect(detail).toContain('is not covered');
  });

  it('refuses a history that does not reach today: the most recent employer must give a reference', async () => {
    const id = await awaitingReferees();
    refusedBy(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 1500, 400), referee('employer', 2000, 1400)] }), 'references.coverage');
  });

  it('accepts two employers who cover the three years between them, and computes the coverage', async () => {
    const id = await awaitingReferees();
    const journey = accepted(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 700), referee('employer', 2000, 701)] }));
    expect(journey.context.referenceCoverage).toMatchObject({ to: day(t, 0), complete: true, fullyReferenced: true, holes: [], unexplained: [] });
  });

  it('needs the referees’ periods: an employer referee without dates is refused, naming the field', async () => {
    const id = await awaitingReferees();
    invalidAt(await send(t, id, 'references.refereesProvided', { referees: [{ ...referee('line_manager', 700), coversFrom: undefined }, referee('employer', 2000, 701)] }), 'referees.0.coversFrom');
  });

  it('needs the number of references required', async () => {
    const id = await awaitingReferees();
    refusedBy(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 2000)] }), 'references.count', 'referees');
  });
});

describe('gaps explained (over the policy’s length)', () => {
  it('refuses a gap of more than 91 days left unexplained, and accepts it explained', async () => {
    const id = await awaitingReferees();
    const referees = [referee('line_manager', 500), referee('employer', 2000, 700)]; // 199 days between them
    refusedBy(await send(t, id, 'references.refereesProvided', { referees }), 'references.coverage');
    invalidAt(await send(t, id, 'references.refereesProvided', { referees, gaps: [{ from: day(t, -699), to: day(t, -501), reason: 'caring' }] }), 'gaps.0.explanation');
    const journey = accepted(await send(t, id, 'references.refereesProvided', { referees, gaps: [{ from: day(t, -699), to: day(t, -501), reason: 'caring', explanation: 'Cared for a parent full time' }] }));
    expect(journey.context.referenceCoverage).toMatchObject({ complete: true, fullyReferenced: false });
  });

  it('lets a short gap between jobs pass without an explanation', async () => {
    const id = await awaitingReferees();
    accepted(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 600), referee('employer', 2000, 650)] }));
  });
});

describe('character references allowed where 3 years can’t be covered', () => {
  it('refuses a character reference where employment references cover the 3 years', async () => {
    const id = await awaitingReferees();
    const detail = refusedBy(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 2000), referee('character')] }), 'references.characterOnlyWhereNeeded', 'referees.1.relationship');
    expect(detail).toContain('character reference');
  });

  it('accepts a character reference for a school leaver whose years before college are explained', async () => {
    const id = await awaitingReferees();
    accepted(await send(t, id, 'references.refereesProvided', {
      referees: [referee('education', 600), referee('character')],
      gaps: [{ from: day(t, -1200), to: day(t, -601), reason: 'education', explanation: 'At secondary school' }],
    }));
  });

  it('refuses dates on a character referee (they cover no employment)', async () => {
    const id = await awaitingReferees();
    invalidAt(await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 2000), referee('character', 100)] }), 'referees.1.coversFrom');
  });
});

describe('factual references requested after the conditional offer', () => {
  it('does not ask referees before the offer is accepted', async () => {
    const id = await candidateAt(t, atState('offer.offered'));
    const res = await send(t, id, 'references.refereesProvided', { referees: [referee('line_manager', 2000), referee('employer', 2000)] });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('not possible at this step');
  });
});

describe('a reference only from a referee the system asked', () => {
  it('refuses a reference from an address that was never asked, even as the last one needed', async () => {
    const id = await awaitingReferees();
    const referees = [referee('line_manager', 700), referee('employer', 2000, 701)];
    accepted(await send(t, id, 'references.refereesProvided', { referees }));
    accepted(await send(t, id, 'references.received', { refereeEmail: referees[0]!.email, datesConfirmed: true, roleConfirmed: true }));
    const detail = refusedBy(await send(t, id, 'references.received', { refereeEmail: 'stranger@example.org', datesConfirmed: true, roleConfirmed: true }), 'references.refereeNotAsked', 'refereeEmail');
    expect(detail).toContain('only from a referee we asked');
    refusedBy(await send(t, id, 'references.received', { refereeEmail: referees[0]!.email, datesConfirmed: true, roleConfirmed: true }), 'references.alreadyAnswered');
    expect((await journeyOf(t, id)).context.referencesReceived).toEqual([referees[0]!.email]);
  });
});

describe('a referee’s answers are evidence: a concern holds the check until a named senior decision', () => {
  it.each([
    ['dates not confirmed', { datesConfirmed: false }],
    ['role not confirmed', { roleConfirmed: false }],
    ['would not re-employ', { wouldReemploy: 'no' }],
    ['concerns written', { concerns: 'Left during a disciplinary investigation' }],
  ])('holds the check on an answer with %s until a senior manager accepts it with a reason', async (reason, answer) => {
    const { id, referees } = await referencesIn(answer);
    const detail = refusedBy(await send(t, id, 'references.cleared'), 'references.concernUndecided');
    expect(detail).toContain(reason);
    invalidAt(await send(t, id, 'references.concernReviewed', { refereeEmail: referees[0]!.email, decision: 'accept', decidedBy: 'Dr Amara Osei', reason: 'Checked' }), 'decidedByRole');
    accepted(await send(t, id, 'references.concernReviewed', { refereeEmail: referees[0]!.email, decision: 'accept', decidedBy: 'Dr Amara Osei', decidedByRole: 'Head of Temporary Staffing', reason: 'Spoke to the referee: a payroll error' }));
    const journey = accepted(await send(t, id, 'references.cleared'));
    expect(journey.checks.find((c) => c.name === 'references')!.status).toBe('cleared');
    expect(journey.context.referenceConcerns[0]).toMatchObject({ reasons: [reason], decision: { accepted: true, decidedBy: 'Dr Amara Osei' } });
  });

  it('asks for another referee when the senior decision rejects the reference', async () => {
    const { id, referees } = await referencesIn({ wouldReemploy: 'no' });
    const journey = accepted(await send(t, id, 'references.concernReviewed', { refereeEmail: referees[0]!.email, decision: 'reject', decidedBy: 'Dr Amara Osei', decidedByRole: 'Head of Temporary Staffing', reason: 'Would not re-employ: safeguarding concern' }));
    expect(journey.checks.find((c) => c.name === 'references')!.status).toBe('awaiting_candidate');
    expect(journey.context.referencesReceived).toEqual([referees[1]!.email]);
    refusedBy(await send(t, id, 'references.concernReviewed', { refereeEmail: referees[1]!.email, decision: 'accept', decidedBy: 'X', decidedByRole: 'Y', reason: 'Z' }), 'references.noConcern');
  });

  it('takes the referee’s own answer through their link as evidence: “would not re-employ” holds the check', async () => {
    const id = await awaitingReferees();
    const referees = [referee('line_manager', 700), referee('employer', 2000, 701)];
    accepted(await send(t, id, 'references.refereesProvided', { referees }));
    await drainDueJobs(t.intake.app, { kinds: ['email'] });
    // Staff never see a live link (the mailbox redacts it), so the link is derived as the sent email's was.
    const requests = await t.intake.app.db.select().from(referenceRequests);
    for (const [i, r] of referees.entries()) {
      const request = requests.find((q) => q.refereeEmail === r.email)!;
      const link = `http://intake.test/references/${referenceToken(t.intake.app.settings.secret, request.id)}`;
      const body = new URLSearchParams({ refereeName: r.name, refereePosition: 'Manager', jobTitle: 'Staff nurse', employedFrom: '2021-01', datesConfirmed: 'yes', roleConfirmed: 'yes', reemploy: i === 0 ? 'no' : 'yes', declaration: 'yes' });
      const res = await t.intake.http.request(new URL(link).pathname, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://intake.test' } });
      expect(res.status).toBe(200);
    }
    expect((await journeyOf(t, id)).context.referenceConcerns).toEqual([{ email: referees[0]!.email, reasons: ['would not re-employ'] }]);
    refusedBy(await send(t, id, 'references.cleared'), 'references.concernUndecided');
  });
});

describe('a waiver needs approval (by someone other than the recruiter who asks)', () => {
  async function staffHeaders(name: string) {
    const { user } = await createUser(t.intake.app.db, { email: `${name.toLowerCase().replace(/\W/g, '.')}.${Math.random().toString(36).slice(2, 6)}@example.nhs.uk`, name, role: 'admin', password: 'correct horse battery staple' }, null, t.clock.now());
    const { token } = await createPersonalToken(t.intake.app.db, { kind: 'staff', role: 'admin', userId: user.id, tokenId: null, via: 'token' }, 'rules', t.clock.now());
    return { authorization: `Bearer ${token}` };
  }

  it('refuses a waiver nobody asked for, and one approved by the recruiter who asked', async () => {
    const id = await awaitingReferees();
    const recruiter = await staffHeaders('Rita Recruiter');
    const approval = { approvedBy: 'Dr Amara Osei', approverRole: 'Head of Temporary Staffing', reason: 'Character references cover the years in education' };
    refusedBy(await send(t, id, 'references.waived', approval, recruiter), 'references.waiverNotRequested');
    accepted(await send(t, id, 'references.waiverRequested', { reason: 'Three years cannot be covered' }, recruiter));
    const detail = refusedBy(await send(t, id, 'references.waived', approval, recruiter), 'references.waiverSameApprover');
    expect(detail).toContain('someone other than');
    const journey = accepted(await send(t, id, 'references.waived', approval, await staffHeaders('Amara Osei')));
    expect(journey.checks.find((c) => c.name === 'references')!.status).toBe('waived');
    expect(journey.context.waivers).toEqual([expect.objectContaining({ check: 'references', approvedBy: 'Dr Amara Osei', requestedBy: expect.any(String) })]);
  });
});

describe('reference chasers: days 3, 6, 9 and 12; candidate and recruiter alerted on days 6 and 9; HR on day 10; then another referee', () => {
  it('sends each on its day', async () => {
    const id = await awaitingReferees();
    const referees = [referee('line_manager', 700), referee('employer', 2000, 701)];
    accepted(await send(t, id, 'references.refereesProvided', { referees }));
    const start = t.clock.now().getTime();
    const byDay: Record<number, string[]> = {};
    let seen = 0;
    for (let d = 1; d <= 13; d++) {
      t.clock.set(new Date(start + d * DAY));
      await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] });
      const all = (await t.get(`/api/candidates/${id}/emails`)).body.items as { template: string; to: string }[];
      byDay[d] = all.slice(seen).map((e) => `${e.template}→${e.to.split('@')[0]!.replace(/\.[a-z0-9]+$/, '')}`).sort();
      seen = all.length;
    }
    const chasers = (d: number) => byDay[d]!.filter((e) => e.startsWith('referenceChaser')).length;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].filter((d) => chasers(d) > 0)).toEqual([3, 6, 9, 12]);
    expect(chasers(12)).toBe(2); // both referees, the last chaser
    for (const d of [6, 9]) expect(byDay[d]!.filter((e) => e.startsWith('referenceDelayed'))).toHaveLength(2); // candidate and recruiter
    expect(byDay[3]!.filter((e) => e.startsWith('referenceDelayed'))).toEqual([]);
    expect(byDay[10]).toEqual(['referenceEscalated→hr']);
    expect(byDay[12]!.some((e) => e.startsWith('anotherRefereeNeeded'))).toBe(true);
    const journey = await journeyOf(t, id);
    expect(journey.checks.find((c) => c.name === 'references')).toMatchObject({ status: 'awaiting_candidate', owner: 'candidate' });
    // A late answer from a referee we asked still counts.
    accepted(await send(t, id, 'references.received', { refereeEmail: referees[0]!.email, datesConfirmed: true, roleConfirmed: true }));
  });
});

describe('references: a referee is someone other than the candidate', () => {
  it('refuses the candidate’s own email address as a referee, naming the field', async () => {
    const id = await awaitingReferees();
    const own = (await t.get(`/api/candidates/${id}`)).body.email as string;
    const referees = [referee('line_manager', 700), { ...referee('employer', 2000, 701), email: own.toUpperCase() }];
    invalidAt(await send(t, id, 'references.refereesProvided', { referees }), 'referees.1.email');
    accepted(await send(t, id, 'references.refereesProvided', { referees: [referees[0], referee('employer', 2000, 701)] }));
  });
});
