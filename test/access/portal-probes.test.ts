// Hostile and careless input to every portal action: on an application at the wrong step, with
// NUL bytes, huge values, prototype keys and a finished journey. Each is a 4xx page naming what
// to fix (never a 500, never accepted), and another applicant's application is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { portalSignIn } from '../support/portal.js';

const ORIGIN = 'http://intake.test';
let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: ORIGIN } }); });
afterAll(async () => { await t?.close(); });

async function page(path: string, cookie: string) {
  const res = await t.intake.http.request(path, { headers: { cookie } });
  return { status: res.status, text: await res.text() };
}

async function post(path: string, cookie: string, fields: [string, string][]) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await page('/portal', cookie)).text)![1]!;
  const body = new URLSearchParams([['_csrf', csrf], ...fields]);
  const res = await t.intake.http.request(path, { method: 'POST', body, headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: res.status, text: `${res.headers.get('location') ?? ''} ${await res.text()}` };
}

const actions: [string, [string, string][]][] = [
  ['offer', [['decision', 'accept']]],
  ['offer', [['decision', 'decline'], ['reason', '']]],
  ['offer', [['decision', '__proto__']]],
  ['interview', [['interviewAt', '2026-03-10T10:00']]],
  ['interview', [['interviewAt', 'not\u0000a date']]],
  ['right-to-work', [['route', 'share_code'], ['shareCode', 'W9K'], ['dateOfBirth', '1990-01-01']]],
  ['right-to-work', [['route', 'share_code'], ['shareCode', 'x'.repeat(200_000)], ['dateOfBirth', '1990-13-45']]],
  ['documents/done', [['check', 'dbs']]],
  ['documents/done', [['check', 'constructor']]],
  ['queries/identity', [['answer', 'here it is\u0000']]],
  ['queries/__proto__', [['answer', 'hello']]],
  ['referees', [['intent', 'send'], ['__proto__[polluted]', 'yes'], ['referees[0][email]', 'a@example.org']]],
];

describe('hostile input to the portal’s actions', () => {
  it('refuses each with a 4xx, on a journey at another step, and on another applicant’s application', async () => {
    const me = await t.post('/api/candidates', applicant({ email: 'probe.me@example.com' }));
    const other = await t.post('/api/candidates', applicant({ email: 'probe.other@example.com' }));
    const mine = await portalSignIn(t, 'probe.me@example.com', ORIGIN);
    for (const [action, fields] of actions) {
      const own = await post(`/portal/applications/${me.body.id}/${action}`, mine, fields);
      // Refused with the page and what to fix, or (a step not open yet) sent back to the application, never done.
      expect(own.status, `${action} ${JSON.stringify(fields).slice(0, 120)}: ${own.text.slice(0, 300)}`).toBeGreaterThanOrEqual(own.status === 303 ? 303 : 400);
      expect(own.text, action).not.toContain('done=');
      expect(own.status, action).toBeLessThan(500);
      const theirs = await post(`/portal/applications/${other.body.id}/${action}`, mine, fields);
      expect([400, 404, 413], `${action} on another's: ${theirs.status}`).toContain(theirs.status);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing reached the history.
    const history = (await t.get(`/api/candidates/${me.body.id}/history`)).body;
    expect(JSON.stringify(history)).not.toContain('"actorType":"applicant"');
  });

  it('takes nothing more once the applicant has withdrawn', async () => {
    const me = await t.post('/api/candidates', applicant({ email: 'probe.gone@example.com' }));
    const mine = await portalSignIn(t, 'probe.gone@example.com', ORIGIN);
    expect((await t.post(`/api/candidates/${me.body.id}/events`, { type: 'withdrawn', reason: 'Took another post' })).status).toBe(200);
    for (const [action, fields] of actions.slice(0, 4)) {
      const res = await post(`/portal/applications/${me.body.id}/${action}`, mine, fields);
      expect(res.status, action).toBeGreaterThanOrEqual(400);
      expect(res.status, `${action}: ${res.text.slice(0, 400)}`).toBeLessThan(500);
    }
  });
});
