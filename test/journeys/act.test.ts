// The front door (src/services/journeys/act.ts) decides who may send what, whichever door an
// event comes in by: staff by the permission table, an applicant only into their own journey and
// only to withdraw, a referee only with the reference they were asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../src/auth/principal.js';
import { act, actInTx } from '../../src/services/journeys/act.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const newCandidate = async (over: Record<string, unknown> = {}) => {
  const res = await t.post('/api/candidates', applicant(over));
  expect(res.status).toBe(201);
  return res.body as { id: string; journey: { id: string; version: number } };
};
const recruiter: StaffPrincipal = { kind: 'staff', role: 'recruiter', userId: null, tokenId: null, via: 'token' };

describe('the front door', () => {
  it('lets an applicant withdraw their own application, and nothing else', async () => {
    const mine = await newCandidate();
    const who = { kind: 'applicant' as const, email: (await t.get(`/api/candidates/${mine.id}`)).body.email };
    await expect(act(t.intake.app, who, mine.id, { type: 'screeningStarted', payload: {} })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    const acted = await act(t.intake.app, who, mine.id, { type: 'withdrawn', payload: { reason: 'Found a post nearer home' } });
    expect(acted.journey).toMatchObject({ status: 'withdrawn', version: 2 });
    const [event] = (await t.get(`/api/candidates/${mine.id}/history`)).body.items.slice(-1);
    expect(event).toMatchObject({ type: 'withdrawn', actor: { type: 'applicant', id: mine.id } });
  });

  it('does not let an applicant reach someone else’s journey: it does not exist for them', async () => {
    const mine = await newCandidate();
    const theirs = await newCandidate();
    const email = (await t.get(`/api/candidates/${mine.id}`)).body.email;
    await expect(act(t.intake.app, { kind: 'applicant', email }, theirs.id, { type: 'withdrawn', payload: { reason: 'x' } }))
      .rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.get(`/api/candidates/${theirs.id}`)).body.journey.status).toBe('in_progress');
  });

  it('checks the payload before anything about the candidate, then the permission table', async () => {
    const international = await newCandidate({ programme: 'international' });
    await expect(act(t.intake.app, recruiter, international.id, { type: 'withdrawn', payload: { reason: 7 } })).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(act(t.intake.app, recruiter, international.id, { type: 'withdrawn', payload: { reason: 'x' } })).rejects.toMatchObject({ status: 403 });
  });

  it('lets a referee send only the reference they were asked for, into that journey', async () => {
    const c = await newCandidate();
    const referee = { kind: 'referee' as const, requestId: '00000000-0000-4000-8000-000000000001', journeyId: c.journey.id };
    await expect(t.intake.app.db.transaction((tx) => actInTx(t.intake.app, tx, { who: referee }, { type: 'withdrawn', payload: { reason: 'x' } })))
      .rejects.toMatchObject({ status: 403, code: 'forbidden' });
    // Not asked for at this step: dropped, not an error, so a late answer is kept on file quietly.
    const late = await t.intake.app.db.transaction((tx) => actInTx(t.intake.app, tx, { who: referee }, {
      type: 'references.received', payload: { refereeEmail: 'referee1@example.org', datesConfirmed: true, roleConfirmed: true },
    }, { dropIfRefused: true }));
    expect(late.accepted).toBe(false);
    expect((await t.get(`/api/candidates/${c.id}`)).body.journey.version).toBe(c.journey.version);
  });
});
