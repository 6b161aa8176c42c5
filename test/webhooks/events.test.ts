// Which webhook events an accepted journey event causes (pure: src/engine/webhook-events.ts).
import { describe, expect, it } from 'vitest';
import { journeyWebhookEvents, startWebhookEvents } from '../../src/engine/webhook-events.js';

const at = new Date('2026-03-02T09:00:00Z');
const journey = { id: 'j1', candidateId: 'c1', programme: 'domestic', state: 'checks', stage: 'checks', status: 'in_progress', version: 7 };
const types = (from: object, to: object, event: string) => journeyWebhookEvents({ ...journey, ...from }, { ...journey, ...to }, event, at).map((e) => e.type);

describe('webhook events of a journey event', () => {
  it('names the check that was cleared or failed', () => {
    const [cleared] = journeyWebhookEvents(journey, journey, 'dbs.cleared', at);
    expect(cleared).toEqual({ type: 'check.cleared', data: expect.objectContaining({ check: 'dbs', candidateId: 'c1', event: 'dbs.cleared', at: at.toISOString() }) });
    expect(types({}, {}, 'identity.failed')).toEqual(['check.failed']);
    expect(types({}, {}, 'dbs.submitted')).toEqual([]);
  });

  it('tells offers, stage changes and how a journey finished, in that order', () => {
    expect(types({ stage: 'offer' }, { stage: 'checks' }, 'offerAccepted')).toEqual(['offer.accepted', 'stage.changed']);
    expect(types({ stage: 'first_shift' }, { stage: 'hired', status: 'hired' }, 'firstShiftWorked')).toEqual(['stage.changed', 'hired']);
    expect(types({}, { status: 'withdrawn', stage: 'withdrawn' }, 'withdrawn')).toEqual(['stage.changed', 'withdrawn']);
  });

  it('tells a new candidate from a move to another programme', () => {
    expect(startWebhookEvents({ ...journey, profession: 'midwife' }, at).map((e) => e.type)).toEqual(['candidate.created']);
    expect(startWebhookEvents({ ...journey, profession: 'healthcare_assistant' }, at, 'j0')[0]).toMatchObject({ type: 'programme.changed', data: { previousJourneyId: 'j0' } });
  });
});
