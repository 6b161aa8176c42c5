// Issue 12, finding 9: pages and API replies carry personal data (names, statuses, a link to
// sign in), so none may be kept by a browser or a shared cache: every reply says
// Cache-Control: no-store, errors and redirects too. Only the stylesheet may be cached. The
// routes are read from the app, so a page added later is checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../cohorts/support.js';
import { applicant, startTestIntake, TOKEN, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let candidateId: string;
let cookie: string;
beforeAll(async () => {
  t = await startTestIntake();
  candidateId = (await t.post('/api/candidates', applicant())).body.id;
  cookie = (await signIn(t, 'admin')).cookie;
});
afterAll(async () => { await t?.close(); });

const pathOf = (template: string) => template
  .replace(':programme', 'domestic')
  .replace(':token', 'not-a-token')
  .replace(':id', template.startsWith('/candidates') || template.startsWith('/api/candidates') ? candidateId : '00000000-0000-4000-8000-000000000000');

describe('Cache-Control', () => {
  it('is no-store on every page and API reply, signed in or not, success or error', async () => {
    const gets = [...new Set(t.intake.http.routes.filter((r) => r.method === 'GET' && !r.path.includes('*')).map((r) => r.path))];
    expect(gets.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const route of gets.filter((p) => p !== '/assets/app.css')) {
      for (const headers of [{ cookie, authorization: `Bearer ${TOKEN}` }, {}] as Record<string, string>[]) {
        const res = await t.intake.http.request(pathOf(route), { headers });
        expect(res.headers.get('cache-control'), `${route} (${res.status})`).toBe('no-store');
        checked.push(`${route} ${res.status}`);
      }
    }
    expect(checked.some((c) => c.endsWith(' 200'))).toBe(true);
    expect(checked.some((c) => / (303|401|404)$/.test(c))).toBe(true);
  });

  it('is no-store on form posts and their redirects', async () => {
    const res = await t.intake.http.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'x@example.com' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await t.post('/api/candidates', applicant())).headers.get('cache-control')).toBe('no-store');
  });

  it('lets the stylesheet be cached', async () => {
    expect((await t.intake.http.request('/assets/app.css')).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
