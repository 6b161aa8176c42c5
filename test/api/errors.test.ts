// Acceptance: malformed JSON, unknown fields, wrong types, unknown ids and events for finished
// journeys each get their 4xx as application/problem+json with a stable `code`; nothing gives 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startTestIntake, type Reply, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const HOUR = 60 * 60 * 1000;

/** Every error: problem+json with the status repeated, a stable code, a title and a detail. */
function expectProblem(res: Reply, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(res.body.type).toBe(`https://intake.example/problems/${res.body.code}`);
  if (code) expect(res.body.code).toBe(code);
  return res.body;
}

async function createCandidate(over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.post('/api/candidates', applicant(over));
  expect(res.status).toBe(201);
  return res.body.id;
}

const events = (id: string) => `/api/candidates/${id}/events`;

/** Sends the first `advance` example until `stop` holds (a day passes while nothing can advance). */
async function advanceUntil(id: string, stop: (journey: any) => boolean) {
  for (let i = 0; i < 100; i++) {
    t.clock.advance(HOUR);
    let { journey } = (await t.get(`/api/candidates/${id}`)).body;
    if (stop(journey)) return journey;
    for (let d = 0; d < 30 && !journey.allowedEvents.some((e: { intent: string }) => e.intent === 'advance'); d++) {
      t.clock.advance(24 * HOUR);
      journey = (await t.get(`/api/candidates/${id}`)).body.journey;
    }
    const next = journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    if (!next) throw new Error(`stuck at ${journey.state}`);
    expect((await t.post(events(id), { type: next.type, ...next.example })).status).toBe(200);
  }
  throw new Error('never reached the stop condition');
}

describe('authentication', () => {
  it('returns 401 without an Authorization header', async () => {
    // Straight to the app: the harness always adds its token.
    const res = await t.intake.http.request('/api/candidates');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it.each([
    ['an empty Authorization header', ''],
    ['a token that was never issued', 'Bearer not-a-real-token'],
    ['a token differing in one character', 'Bearer test-admin-token-0123456789abcdeF'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a bearer with no token', 'Bearer '],
    ['a 600-character token', `Bearer ${'x'.repeat(600)}`],
  ])('returns 401 for %s', async (_, authorization) => {
    const res = await t.get('/api/candidates', { authorization });
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('returns 401 on every /api route, before looking at the body or the id', async () => {
    const none = { authorization: '' };
    expectProblem(await t.post('/api/candidates', applicant(), none), 401, 'unauthorized');
    expectProblem(await t.post('/api/candidates', '{not json', none), 401, 'unauthorized');
    expectProblem(await t.post(events(randomUUID()), { type: 'withdrawn', reason: 'x' }, none), 401, 'unauthorized');
    expectProblem(await t.get(`/api/candidates/${randomUUID()}/history`, none), 401, 'unauthorized');
    expectProblem(await t.get('/api/pipeline', none), 401, 'unauthorized');
    expectProblem(await t.get('/api/workflows/domestic', none), 401, 'unauthorized');
  });

  it('answers /healthz without a token', async () => {
    const res = await t.get('/healthz', { authorization: '' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('request bodies', () => {
  it('returns 400 malformed_json for a body that is not JSON', async () => {
    for (const body of ['{not json', '{"type":"withdrawn",}', "{'type':'withdrawn'}", '', '{"a":NaN}', '{"a":undefined}']) {
      expectProblem(await t.post('/api/candidates', body), 400, 'malformed_json');
    }
  });

  it.each([['an array', '[]'], ['a string', '"applicant"'], ['null', 'null'], ['a number', '42'], ['true', 'true']])(
    'returns 400 invalid_payload when the body is %s, not an object',
    async (_, body) => {
      const problem = expectProblem(await t.post('/api/candidates', body), 400, 'invalid_payload');
      expect(problem.field).toBe('(body)');
      expectProblem(await t.post(events(randomUUID()), body), 400, 'invalid_payload');
    },
  );

  it('returns 415 when the body is not sent as application/json', async () => {
    const body = JSON.stringify(applicant());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      expectProblem(await t.post('/api/candidates', body, { 'content-type': type }), 415, 'unsupported_media_type');
    }
    expectProblem(await t.request('POST', '/api/candidates'), 415, 'unsupported_media_type');
  });

  it('accepts application/json with a charset and +json media types', async () => {
    expect((await t.post('/api/candidates', JSON.stringify(applicant()), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    expect((await t.post('/api/candidates', JSON.stringify(applicant()), { 'content-type': 'application/merge-patch+json' })).status).toBe(201);
  });

  it('returns 413 for a body over 256 KiB', async () => {
    expectProblem(await t.post('/api/candidates', applicant({ fullName: 'x'.repeat(256 * 1024) })), 413, 'payload_too_large');
    const id = await createCandidate();
    expectProblem(await t.post(events(id), { type: 'withdrawn', reason: 'é'.repeat(140 * 1024) }), 413, 'payload_too_large');
  });
});

describe('creating a candidate', () => {
  it('returns 400 invalid_payload naming an unknown top-level field', async () => {
    const problem = expectProblem(await t.post('/api/candidates', applicant({ nickname: 'Ellie' })), 400, 'invalid_payload');
    expect(problem.field).toBe('nickname');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'nickname' })]);
  });

  it('returns 400 naming a "__proto__" key instead of ignoring it', async () => {
    const body = JSON.stringify(applicant()).replace(/}$/, ',"__proto__":{"admin":true}}');
    const problem = expectProblem(await t.post('/api/candidates', body), 400, 'invalid_payload');
    expect(problem.field).toBe('__proto__');
  });

  it.each([
    ['email', 42],
    ['email', 'not-an-email'],
    ['programme', 'martian'],
    ['profession', 'astronaut'],
    ['fullName', ''],
    ['fullName', ['Eleanor']],
    ['fullName', { first: 'Eleanor' }],
    ['phone', 'call me'],
    ['postcode', 'NOT A POSTCODE'],
    ['postcode', null],
  ])('returns 400 naming %s when it is %j', async (field, value) => {
    const problem = expectProblem(await t.post('/api/candidates', applicant({ [field]: value })), 400, 'invalid_payload');
    expect(problem.field).toBe(field);
    expect(problem.detail).toContain(field);
  });

  it('returns 400 naming every missing required field', async () => {
    const problem = expectProblem(await t.post('/api/candidates', {}), 400, 'invalid_payload');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['programme', 'profession', 'fullName', 'email']));
  });

  it('returns 400 for text PostgreSQL cannot store (a NUL character, an unpaired surrogate)', async () => {
    expect(expectProblem(await t.post('/api/candidates', applicant({ fullName: 'Eleanor\u0000Whitcombe' })), 400, 'invalid_payload').field).toBe('fullName');
    expect(expectProblem(await t.post('/api/candidates', applicant({ fullName: 'Eleanor \ud800' })), 400, 'invalid_payload').field).toBe('fullName');
  });

  it('keeps unicode names as sent', async () => {
    const res = await t.post('/api/candidates', applicant({ fullName: 'Zoë Ñandú-王 😀 Ó Súilleabháin' }));
    expect(res.status).toBe(201);
    expect((await t.get(`/api/candidates/${res.body.id}`)).body.fullName).toBe('Zoë Ñandú-王 😀 Ó Súilleabháin');
  });
});

describe('sending events', () => {
  it('returns 400 unknown_event for an event type no machine has', async () => {
    const id = await createCandidate();
    const problem = expectProblem(await t.post(events(id), { type: 'teleported' }), 400, 'unknown_event');
    expect(problem.detail).toContain('teleported');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'xstate.init', 'xstate.after.offerExpiry.domestic.offer.offered'])(
    'returns 400 unknown_event for the type %j, not a server error',
    async (type) => {
      const id = await createCandidate();
      expectProblem(await t.post(events(id), { type }), 400, 'unknown_event');
    },
  );

  it('returns 400 invalid_payload naming the type when it is missing or not a string', async () => {
    const id = await createCandidate();
    for (const body of [{}, { type: 42 }, { type: '' }, { type: ['withdrawn'] }, { type: { type: 'withdrawn' } }]) {
      expect(expectProblem(await t.post(events(id), body), 400, 'invalid_payload').field).toBe('type');
    }
  });

  it('returns 400 invalid_payload naming an unknown payload field', async () => {
    const id = await createCandidate();
    expect(expectProblem(await t.post(events(id), { type: 'screeningStarted', note: 'hello' }), 400, 'invalid_payload').field).toBe('note');
    expect(expectProblem(await t.post(events(id), { type: 'withdrawn', reason: 'x', at: '1999-01-01T00:00:00Z' }), 400, 'invalid_payload').field).toBe('at');
  });

  it('returns 400 invalid_payload for a "__proto__" payload key instead of ignoring it', async () => {
    const id = await createCandidate();
    const problem = expectProblem(await t.post(events(id), '{"type":"screeningStarted","__proto__":{"admin":true}}'), 400, 'invalid_payload');
    expect(problem.field).toBe('__proto__');
    expect((await t.get(`/api/candidates/${id}`)).body.journey.version).toBe(1);
  });

  it('returns 400 invalid_payload naming a field of the wrong type', async () => {
    const id = await createCandidate();
    expect(expectProblem(await t.post(events(id), { type: 'withdrawn', reason: 7 }), 400, 'invalid_payload').field).toBe('reason');
    expect(expectProblem(await t.post(events(id), { type: 'withdrawn', reason: 'x\u0000y' }), 400, 'invalid_payload').field).toBe('reason');
    expect(expectProblem(await t.post(events(id), { type: 'screeningPassed', careExperienceMonths: '12' }), 400, 'invalid_payload').field).toBe('careExperienceMonths');
    const nested = expectProblem(await t.post(events(id), {
      type: 'interviewPassed', scores: { workingTogether: 9, respectAndDignity: 5, commitmentToQuality: 4, compassion: 5, improvingLives: 4, everyoneCounts: 4 },
    }), 400, 'invalid_payload');
    expect(nested.field).toBe('scores.workingTogether');
  });

  it('validates the payload before looking for the candidate', async () => {
    expectProblem(await t.post(events(randomUUID()), { type: 'withdrawn', reason: 7 }), 400, 'invalid_payload');
    expectProblem(await t.post(events(randomUUID()), { type: 'withdrawn', reason: 'x' }), 404, 'not_found');
  });

  it('returns 422 event_not_allowed listing what is allowed at this step', async () => {
    const id = await createCandidate();
    const scores = { workingTogether: 4, respectAndDignity: 5, commitmentToQuality: 4, compassion: 5, improvingLives: 4, everyoneCounts: 4 };
    const problem = expectProblem(await t.post(events(id), { type: 'interviewPassed', scores }), 422, 'event_not_allowed');
    expect(problem).toMatchObject({ state: 'applied', allowed: ['screeningStarted', 'withdrawn', 'rejected'] });
    expect(problem.detail).toContain('interviewPassed');
    expect((await t.get(`/api/candidates/${id}/history`)).body.items).toHaveLength(1);
  });

  it('returns 422 naming the rule when screening is passed with a number in the wrong format', async () => {
    const id = await createCandidate({ profession: 'registered_nurse' });
    expect((await t.post(events(id), { type: 'screeningStarted' })).status).toBe(200);
    // Passes the schema (a string of up to 20 characters) but not the NMC format guard.
    const problem = expectProblem(await t.post(events(id), { type: 'screeningPassed', careExperienceMonths: 24, body: 'NMC', number: 'ABC' }), 422, 'event_not_allowed');
    expect(problem.detail).toContain('regulator’s format');
    expect(problem.allowed).toContain('screeningPassed');
    expect(problem.state).toBe('screening');
    // The same event with a well-formed number goes through.
    expect((await t.post(events(id), { type: 'screeningPassed', careExperienceMonths: 24, body: 'NMC', number: '12A3456B' })).status).toBe(200);
  });

  it('returns 422 naming the rule when DBS is cleared before identity', async () => {
    const id = await createCandidate();
    const journey = await advanceUntil(id, (j) => j.state === 'checks');
    const dbs = journey.checks.find((c: { name: string }) => c.name === 'dbs');
    expect(dbs.status).toBe('awaiting_candidate');
    expect((await t.post(events(id), { type: 'dbs.submitted' })).status).toBe(200);
    const problem = expectProblem(await t.post(events(id), {
      type: 'dbs.cleared', certificateNumber: '001234567890', issueDate: t.clock.now().toISOString().slice(0, 10), level: 'enhanced_adults_barred', outcome: 'clear',
    }), 422, 'event_not_allowed');
    expect(problem.detail).toContain('identity check is cleared');
    expect(problem.allowed).not.toContain('dbs.cleared');
  });

  it('returns 422 for any event once the journey is withdrawn', async () => {
    const id = await createCandidate();
    expect((await t.post(events(id), { type: 'withdrawn', reason: 'Moved away' })).status).toBe(200);
    for (const body of [{ type: 'screeningStarted' }, { type: 'withdrawn', reason: 'Again' }, { type: 'rejected', reason: 'Too late' }]) {
      const problem = expectProblem(await t.post(events(id), body), 422, 'event_not_allowed');
      expect(problem).toMatchObject({ status: 422, journeyStatus: 'withdrawn', allowed: [] });
      expect(problem.detail).toContain('finished');
    }
    const { journey } = (await t.get(`/api/candidates/${id}`)).body;
    expect(journey).toMatchObject({ status: 'withdrawn', version: 2, allowedEvents: [] });
  });

  it('returns 422 for any event once the journey is rejected', async () => {
    const id = await createCandidate();
    expect((await t.post(events(id), { type: 'rejected', reason: 'Not eligible' })).status).toBe(200);
    expectProblem(await t.post(events(id), { type: 'screeningStarted' }), 422, 'event_not_allowed');
  });
});

describe('If-Match', () => {
  it('returns 409 when If-Match names an old version, with the current version', async () => {
    const id = await createCandidate();
    const first = await t.post(events(id), { type: 'screeningStarted' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const problem = expectProblem(await t.post(events(id), { type: 'withdrawn', reason: 'x' }, { 'if-match': '"1"' }), 409, 'version_conflict');
    expect(problem.currentVersion).toBe(2);
    expect((await t.get(`/api/candidates/${id}`)).body.journey).toMatchObject({ state: 'screening', version: 2 });
  });

  it('accepts the current version, weak or unquoted', async () => {
    const id = await createCandidate();
    expect((await t.post(events(id), { type: 'screeningStarted' }, { 'if-match': 'W/"1"' })).status).toBe(200);
    expect((await t.post(events(id), { type: 'withdrawn', reason: 'x' }, { 'if-match': '2' })).status).toBe(200);
  });

  it.each(['*', '"abc"', '"1", "2"', '"-1"', '"1234567890"', ''])('returns 400 invalid_parameter for If-Match %j', async (value) => {
    const id = await createCandidate();
    const problem = expectProblem(await t.post(events(id), { type: 'screeningStarted' }, { 'if-match': value }), 400, 'invalid_parameter');
    expect(problem.field).toBe('If-Match');
  });
});

describe('ids and routes', () => {
  it('returns 404 for a well-formed id no candidate has', async () => {
    const id = randomUUID();
    expectProblem(await t.get(`/api/candidates/${id}`), 404, 'not_found');
    expectProblem(await t.get(`/api/candidates/${id}/history`), 404, 'not_found');
    expectProblem(await t.post(events(id), { type: 'screeningStarted' }), 404, 'not_found');
  });

  it.each(['abc', '123', 'not-a-uuid-at-all', '00000000-0000-0000-0000-00000000000g', "1' or '1'='1", '%00'])('returns 404 for the id %j', async (id) => {
    expectProblem(await t.get(`/api/candidates/${id}`), 404, 'not_found');
    expectProblem(await t.get(`/api/candidates/${id}/history`), 404, 'not_found');
    expectProblem(await t.post(events(id), { type: 'screeningStarted' }), 404, 'not_found');
  });

  it('finds a candidate by its id in upper case', async () => {
    const id = await createCandidate();
    expect((await t.get(`/api/candidates/${id.toUpperCase()}`)).body.id).toBe(id);
  });

  it('returns 404 problem+json for a route that does not exist', async () => {
    expectProblem(await t.get('/api/nowhere'), 404, 'not_found');
    const page = await t.get('/nowhere');
    expect(page.status).toBe(404); // a person's browser gets a page, not JSON
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectProblem(await t.post('/api/pipeline', {}), 404, 'not_found');
    expectProblem(await t.request('DELETE', `/api/candidates/${randomUUID()}`), 404, 'not_found');
  });

  it('returns 400 invalid_parameter for an unknown workflow', async () => {
    const problem = expectProblem(await t.get('/api/workflows/martian'), 400, 'invalid_parameter');
    expect(problem.field).toBe('programme');
  });
});

describe('list queries', () => {
  const forged = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=-3', 'limit'],
    ['status=nope', 'status'],
    ['programme=martian', 'programme'],
    ['stage=Not%20A%20Stage', 'stage'],
    ['q=', 'q'],
    [`q=${'a'.repeat(101)}`, 'q'],
    ['q=%00', 'q'],
    ['colour=blue', 'colour'],
    ['cursor=garbage', 'cursor'],
    [`cursor=${forged('2026-01-01T00:00:00.000Z|not-a-uuid')}`, 'cursor'],
    [`cursor=${forged(`2026-01-01T00:00:00.000Z|${'0'.repeat(36)}`)}`, 'cursor'],
    [`cursor=${forged(`-271821-04-20T00:00:00.000Z|${randomUUID()}`)}`, 'cursor'],
    [`cursor=${forged(`+275760-09-13T00:00:00.000Z|${randomUUID()}`)}`, 'cursor'],
    [`cursor=${forged(`0000-01-01T00:00:00.000Z|${randomUUID()}`)}`, 'cursor'],
    [`cursor=${'x'.repeat(201)}`, 'cursor'],
  ])('returns 400 invalid_query for ?%s', async (query, field) => {
    const problem = expectProblem(await t.get(`/api/candidates?${query}`), 400, 'invalid_query');
    expect(problem.field).toBe(field);
  });

  it('returns 400 invalid_query for an unknown programme on the pipeline', async () => {
    expectProblem(await t.get('/api/pipeline?programme=martian'), 400, 'invalid_query');
    expectProblem(await t.get('/api/pipeline?stage=checks'), 400, 'invalid_query');
  });
});

// ---------------------------------------------------------------------------------------------
// A sweep of odd shapes to every POST route: whatever arrives, the answer is never a 5xx.

const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
const referee = { name: 'R', email: 'r@example.org', organisation: 'O', relationship: 'employer' };

const oddShapes: [string, unknown][] = [
  ['an empty object', {}],
  ['an empty body', ''],
  ['whitespace', '   \n\t '],
  ['a byte-order mark before the JSON', '\ufeff{"type":"withdrawn","reason":"x"}'],
  ['a JSON number', '1e400'],
  ['a JSON array of events', '[{"type":"withdrawn","reason":"x"}]'],
  ['a deeply nested array', deepArray],
  ['a deeply nested object in a field', `{"type":"withdrawn","reason":"x","extra":${deepObject}}`],
  ['a deeply nested array as a name', `{"programme":"domestic","profession":"non_clinical","fullName":${deepArray},"email":"a@example.com"}`],
  ['duplicate keys', '{"type":"screeningStarted","type":"withdrawn","reason":"x"}'],
  ['a __proto__ key', '{"__proto__":{"type":"withdrawn","reason":"x"}}'],
  ['a __proto__ key beside a type', '{"type":"withdrawn","reason":"x","__proto__":{"admin":true}}'],
  ['a nested __proto__ key', '{"type":"interviewPassed","scores":{"__proto__":{"compassion":5}}}'],
  ['a constructor.prototype key', { type: 'withdrawn', reason: 'x', constructor: { prototype: { polluted: true } } }],
  ['a prototype-named event type', { type: 'constructor' }],
  ['an event type of __proto__', { type: '__proto__' }],
  ['an internal xstate event', { type: 'xstate.done.state.domestic.checks' }],
  ['a nested object as the type', { type: { type: 'withdrawn' } }],
  ['an array as the type', { type: ['withdrawn'] }],
  ['a number as the type', { type: 1e308 }],
  ['an empty type', { type: '' }],
  ['a 10 000-character type', { type: 'x'.repeat(10_000) }],
  ['a unicode type', { type: 'wïthdrawn✓' }],
  ['a huge number of months', { type: 'screeningPassed', careExperienceMonths: 1e308 }],
  ['a negative number of months', { type: 'screeningPassed', careExperienceMonths: -1 }],
  ['a fractional number of months', { type: 'screeningPassed', careExperienceMonths: 0.5 }],
  ['Infinity as JSON', '{"type":"screeningPassed","careExperienceMonths":1e999}'],
  ['-0 as JSON', '{"type":"screeningPassed","careExperienceMonths":-0}'],
  ['a string number', { type: 'screeningPassed', careExperienceMonths: '12' }],
  ['an empty reason', { type: 'withdrawn', reason: '' }],
  ['a whitespace reason', { type: 'withdrawn', reason: '   ' }],
  ['an object as the reason', { type: 'withdrawn', reason: { text: 'x' } }],
  ['an array as the reason', { type: 'rejected', reason: ['x', 'y'] }],
  ['a NUL in the reason', { type: 'withdrawn', reason: 'a\u0000b' }],
  ['an unpaired surrogate in the reason', { type: 'withdrawn', reason: 'a\udc00b' }],
  ['a NUL in a key', { type: 'screeningStarted', 'a\u0000b': 1 }],
  ['right-to-left and zero-width text', { type: 'withdrawn', reason: '\u202egnivom\u200b\u200d 😀' }],
  ['an impossible date', { type: 'interviewScheduled', interviewAt: '2026-02-30T10:00:00Z', location: 'Room 1' }],
  ['a date in year 99999', { type: 'interviewScheduled', interviewAt: '+099999-01-01T00:00:00Z', location: 'Room 1' }],
  ['a thousand referees', { type: 'references.refereesProvided', referees: Array.from({ length: 1000 }, () => referee) }],
  ['a string for referees', { type: 'references.refereesProvided', referees: 'two of them' }],
  ['a number for a DBS certificate', { type: 'dbs.cleared', certificateNumber: 1234567890123, issueDate: '2026-01-01', level: 'enhanced', outcome: 'clear' }],
  ['huge IELTS bands', { type: 'ieltsResult', date: '2026-01-01', overall: 1e308, listening: -1e308, reading: 9, writing: 9, speaking: 9 }],
  ['empty strings for every create field', { programme: '', profession: '', fullName: '', email: '', phone: '', postcode: '' }],
  ['arrays for every create field', { programme: ['domestic'], profession: ['registered_nurse'], fullName: ['A'], email: ['a@example.com'] }],
  ['objects for every create field', { programme: {}, profession: {}, fullName: {}, email: {} }],
  ['numbers for every create field', { programme: 1, profession: 2, fullName: 3, email: 4 }],
  ['nulls for every create field', { programme: null, profession: null, fullName: null, email: null, phone: null, postcode: null }],
  ['a 5 000-character name', applicant({ fullName: 'x'.repeat(5000) })],
  ['a unicode email', applicant({ email: 'zoë@exämple.com' })],
  ['a 400-character email', applicant({ email: `${'a'.repeat(390)}@example.com` })],
  ['a NUL in the email', applicant({ email: 'a\u0000@example.com' })],
  ['an unpaired surrogate in the name', applicant({ fullName: '\ud83d' })],
  ['a NUL in the name', applicant({ fullName: 'Eleanor\u0000' })],
  ['SQL in the name', applicant({ fullName: "Robert'); DROP TABLE candidates;--" })],
  ['a unicode name', applicant({ fullName: 'Zoë Ñandú 王 عربي 😀' })],
];

describe('odd shapes to every POST route', () => {
  const routes: [string, () => Promise<string>][] = [
    ['POST /api/candidates', async () => '/api/candidates'],
    ['POST /api/candidates/:id/events (a journey at screening)', async () => {
      const id = await createCandidate();
      await t.post(events(id), { type: 'screeningStarted' });
      return events(id);
    }],
    ['POST /api/candidates/:id/events (an unknown id)', async () => events(randomUUID())],
    ['POST /api/candidates/:id/events (a malformed id)', async () => events('not-a-uuid')],
  ];

  it.each(routes)('never answers 5xx on %s', async (_, pathFor) => {
    const failures: string[] = [];
    for (const [label, body] of oddShapes) {
      const res = await t.post(await pathFor(), body);
      if (res.status >= 500) failures.push(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status >= 400) {
        if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) failures.push(`${label}: ${res.headers.get('content-type')}`);
        if (typeof res.body?.code !== 'string') failures.push(`${label}: no code`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers 5xx to odd list queries', async () => {
    const queries = ['limit=0x10', 'limit=1e2', 'limit=%20', 'limit=1&limit=2', 'q=%25', 'q=_', 'q=%5C', 'q=%ED%A0%80', `q=${encodeURIComponent('😀')}`,
      'stage=x', 'status=hired&status=rejected', 'programme[]=domestic', 'cursor=', 'cursor=%00', `cursor=${Buffer.from('|').toString('base64url')}`];
    for (const q of queries) {
      const res = await t.get(`/api/candidates?${q}`);
      expect(res.status, `?${q}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  });
});
