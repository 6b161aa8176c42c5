// Staff sign-in: brute force is stopped per account, the right password works again after the
// window, answers do not say whether an account exists, sessions open the staff pages.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { createUser } from '../../src/services/users/manage.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
const PASSWORD = 'correct horse battery staple';
beforeAll(async () => {
  t = await startTestIntake();
  await createUser(t.intake.app.db, { email: 'rita.recruiter@example.nhs.uk', name: 'Rita', role: 'recruiter', password: PASSWORD }, null, t.clock.now());
  await createUser(t.intake.app.db, { email: 'other.recruiter@example.nhs.uk', name: 'Other', role: 'recruiter', password: PASSWORD }, null, t.clock.now());
});
afterAll(async () => { await t?.close(); });

const signIn = (email: string, password: string) => t.intake.http.request('/sign-in', {
  method: 'POST', body: new URLSearchParams({ email, password, next: '/board' }),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
});

describe('staff sign-in', () => {
  it('signs in with the right password to an HttpOnly, SameSite=Lax session cookie that expires', async () => {
    const res = await signIn('Rita.Recruiter@example.nhs.uk', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/board');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^intake_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; Secure when PUBLIC_URL is https
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await signIn('other.recruiter@example.nhs.uk', 'not it');
    const unknown = await signIn('nobody@example.nhs.uk', 'not it');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const text = (s: string) => s.replace(/value="[^"]*"/g, '');
    expect(text(await wrong.text())).toBe(text(await unknown.text()));
  });

  it('refuses the 11th wrong password in a minute with 429, and lets the right one in after the window', async () => {
    for (let i = 1; i <= 10; i++) expect((await signIn('rita.recruiter@example.nhs.uk', `guess ${i}`)).status, `attempt ${i}`).toBe(401);
    const eleventh = await signIn('rita.recruiter@example.nhs.uk', 'guess 11');
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits out the window: the guesser learns nothing.
    expect((await signIn('rita.recruiter@example.nhs.uk', PASSWORD)).status).toBe(429);
    // Another account is not locked by this one's attempts.
    expect((await signIn('other.recruiter@example.nhs.uk', PASSWORD)).status).toBe(303);
    t.clock.advance(61_000);
    expect((await signIn('rita.recruiter@example.nhs.uk', PASSWORD)).status).toBe(303);
  });

  it('records sign-ins, failures and throttling by id, never by email', async () => {
    const rows = await t.intake.app.db.select().from(auditLog);
    const kinds = new Set(rows.map((r) => r.kind));
    expect(kinds).toEqual(expect.objectContaining(new Set(['sign_in', 'sign_in_failed', 'sign_in_throttled'])));
    expect(JSON.stringify(rows)).not.toContain('@example');
    expect((await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'sign_in'))).every((r) => r.actorId)).toBe(true);
  });

  it('does not follow a next= pointing at another site', async () => {
    const res = await t.intake.http.request('/sign-in', {
      method: 'POST', body: new URLSearchParams({ email: 'other.recruiter@example.nhs.uk', password: PASSWORD, next: '//evil.example/phish' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    });
    expect(res.headers.get('location')).toBe('/board');
  });

  it('refuses a sign-in form posted from another site', async () => {
    const res = await t.intake.http.request('/sign-in', {
      method: 'POST', body: new URLSearchParams({ email: 'x', password: 'y' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('sends pages a strict Content-Security-Policy and no Referer', async () => {
    const res = await t.intake.http.request('/sign-in');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).not.toMatch(/<style|style="/);
  });
});
