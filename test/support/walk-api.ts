// Test helper: walks a candidate forward through the HTTP API using only the examples the API
// offers in `allowedEvents`, taking the first `advance` event each step, as a recruiter clicking
// "next" would. Steps are an hour apart on the test clock; when nothing can advance yet (a result
// cannot be recorded before its booked sitting, an interview passed before its day), days pass, as
// they would: a day at a time for two weeks, then a week at a time. Each event is sent with
// If-Match, so a stale read would show as 409.
import { expect } from 'vitest';
import type { TestIntake } from './intake.js';

const HOUR = 60 * 60 * 1000;

interface AllowedEvent { type: string; intent: 'advance' | 'hold' | 'exit'; example: Record<string, unknown> }
export interface ApiStep { type: string; from: string; to: string; version: number }
type Journey = { state: string; status: string; version: number; allowedEvents: AllowedEvent[] } & Record<string, unknown>;

/** Walks until `done(journey)` holds; `adjust` may change an event's example. */
export async function walkApi(
  t: TestIntake, id: string, done: (journey: Journey) => boolean,
  adjust: (type: string, example: Record<string, unknown>) => Record<string, unknown> = (_, e) => e,
): Promise<{ candidate: { journey: Journey } & Record<string, unknown>; steps: ApiStep[] }> {
  const steps: ApiStep[] = [];
  for (let i = 0; i < 300; i++) {
    let current = await t.get(`/api/candidates/${id}`);
    expect(current.status).toBe(200);
    if (done(current.body.journey)) return { candidate: current.body, steps };
    t.clock.advance(HOUR);
    current = await t.get(`/api/candidates/${id}`);
    for (let waited = 0; waited < 64 && !(current.body.journey.allowedEvents as AllowedEvent[]).some((e) => e.intent === 'advance'); waited++) {
      t.clock.advance((waited < 14 ? 1 : 7) * 24 * HOUR);
      current = await t.get(`/api/candidates/${id}`);
    }
    const journey = current.body.journey as Journey;
    const next = journey.allowedEvents.find((e) => e.intent === 'advance');
    if (!next) throw new Error(`stuck at ${journey.state}: allowed ${journey.allowedEvents.map((e) => e.type).join(', ')}`);
    const res = await t.post(`/api/candidates/${id}/events`, { type: next.type, ...adjust(next.type, next.example) }, { 'if-match': `"${journey.version}"` });
    expect(res.status, `${next.type} at ${journey.state}: ${JSON.stringify(res.body)}`).toBe(200);
    expect(res.body.journey.version).toBe(journey.version + 1);
    steps.push({ type: next.type, from: journey.state, to: res.body.journey.state, version: res.body.journey.version });
  }
  throw new Error('walked 300 steps without getting there');
}
