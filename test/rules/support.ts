// Helpers for the NHS rule tests (one test per DOMAIN.md rule, through the HTTP API): a candidate
// walked to the step a rule is about with the API's own examples, events sent as a recruiter
// would, and the two ways a rule refuses — 422 naming the rule, or 400 naming the field.
import { expect } from 'vitest';
import { type Reply, type TestIntake, applicant } from '../support/intake.js';
import { walkApi } from '../support/walk-api.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

type Journey = { state: string; status: string; checks: { name: string; status: string }[]; context: Record<string, any>; allowedEvents: { type: string; example: Record<string, unknown> }[] };

/** A new candidate walked (first `advance` example each step) until `until(journey)` holds. */
export async function candidateAt(
  t: TestIntake,
  until: (journey: Journey) => boolean,
  opts: { programme?: string; profession?: string; adjust?: (type: string, example: Record<string, unknown>) => Record<string, unknown> } = {},
): Promise<string> {
  const created = await t.post('/api/candidates', applicant({ programme: opts.programme ?? 'domestic', profession: opts.profession ?? 'registered_nurse' }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await walkApi(t, created.body.id, until as never, opts.adjust);
  return created.body.id as string;
}

export const journeyOf = async (t: TestIntake, id: string): Promise<Journey> => (await t.get(`/api/candidates/${id}`)).body.journey;

/** Sends an event an hour after the last, as staff recording it now. */
export async function send(t: TestIntake, id: string, type: string, payload: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Reply> {
  t.clock.advance(HOUR);
  return t.post(`/api/candidates/${id}/events`, { type, ...payload }, headers);
}

/** The API's own example for an event allowed now (so a test changes only the field it probes). */
export async function exampleOf(t: TestIntake, id: string, type: string): Promise<Record<string, unknown>> {
  const allowed = (await journeyOf(t, id)).allowedEvents.find((e) => e.type === type);
  if (!allowed) throw new Error(`${type} is not allowed now`);
  return allowed.example;
}

export function accepted(res: Reply) {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.journey as Journey;
}

/** 422 event_not_allowed naming the rule (and the field at fault), in words. */
export function refusedBy(res: Reply, rule: string, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.code).toBe('event_not_allowed');
  expect(res.body.rule).toBe(rule);
  if (field !== undefined) expect(res.body.field).toBe(field);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return res.body.detail as string;
}

/** 400 invalid_payload naming the field, with the standard's words. */
export function invalidAt(res: Reply, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe('invalid_payload');
  expect(res.body.field).toBe(field);
  return res.body.detail as string;
}

export const checkStatus = (name: string, status: string) => (j: Journey) => j.checks?.some((c) => c.name === name && c.status === status);
export const atState = (state: string) => (j: Journey) => j.state === state;
export const both = (...fs: ((j: Journey) => boolean | undefined)[]) => (j: Journey) => fs.every((f) => f(j));

/** `n` days from the test clock, as a date. */
export const day = (t: TestIntake, n: number) => new Date(t.clock.now().getTime() + n * DAY).toISOString().slice(0, 10);
