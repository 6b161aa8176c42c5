// Interview times offered for the applicant to choose (issue 15): each offered time is ahead, the
// applicant can only take one that was offered and is still ahead, and the recruiter's form reads
// its times as UK wall-clock time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukLocalToIso } from '../../src/ui/uk-time.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { HOUR, toInterview } from '../support/portal.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

describe('interview times offered and chosen', () => {
  it('refuses a time in the past, and a choice of a time that was not offered or has passed', async () => {
    const c = await t.post('/api/candidates', applicant());
    await toInterview(t, c.body.id);
    const past = await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotsOffered', slots: [{ at: at(48), location: 'Room 1' }, { at: at(-1), location: 'Room 1' }] });
    expect([past.status, past.body.rule, past.body.field]).toEqual([422, 'interview.slotInPast', 'slots.1.at']);
    const twice = await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotsOffered', slots: [{ at: at(48), location: 'Room 1' }, { at: at(48), location: 'Room 2' }] });
    expect(twice.status).toBe(400);
    const soon = at(2);
    expect((await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotsOffered', slots: [{ at: soon, location: 'Room 1' }, { at: at(48), location: 'Room 2' }] })).status).toBe(200);
    const other = await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotChosen', interviewAt: at(24) });
    expect([other.status, other.body.rule]).toEqual([422, 'interview.slotNotOffered']);
    t.clock.advance(3 * HOUR);
    const gone = await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotChosen', interviewAt: soon });
    expect([gone.status, gone.body.rule]).toEqual([422, 'interview.slotInPast']);
  });

  it('lets the recruiter schedule directly instead, which voids the times offered', async () => {
    const c = await t.post('/api/candidates', applicant());
    await toInterview(t, c.body.id);
    const slot = at(48);
    expect((await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotsOffered', slots: [{ at: slot, location: 'Room 1' }] })).status).toBe(200);
    expect((await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewScheduled', interviewAt: at(72), location: 'Room 3' })).status).toBe(200);
    const after = await t.post(`/api/candidates/${c.body.id}/events`, { type: 'interviewSlotChosen', interviewAt: slot });
    expect(after.status).toBe(422);
  });

  it('reads the form’s times as UK time, in winter and in summer', () => {
    expect(ukLocalToIso('2026-01-15T10:00')).toBe('2026-01-15T10:00:00.000Z');
    expect(ukLocalToIso('2026-07-15T10:00')).toBe('2026-07-15T09:00:00.000Z');
    expect(ukLocalToIso('2026-03-29T12:30')).toBe('2026-03-29T11:30:00.000Z');
    expect(ukLocalToIso('15/07/2026 10:00')).toBeNull();
  });
});
