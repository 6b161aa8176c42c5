// Issue 12, finding 10: passwords and sessions. scrypt at OWASP's cost (N = 2^17) with older
// hashes remade at the next sign-in; staff change their own password; a temporary password must
// be changed first; staff sessions end after an idle period; API tokens may expire.
import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { hashPassword, verifyPassword } from '../../src/auth/passwords.js';
import { createUser, resetPassword } from '../../src/services/users/manage.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { STAFF_IDLE_MINUTES: '20' } }); });
afterAll(async () => { await t?.close(); });

const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };
const signIn = (email: string, password: string) => t.intake.http.request('/sign-in', { method: 'POST', body: new URLSearchParams({ email, password }), headers: FORM });
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
const page = (path: string, cookie: string) => t.intake.http.request(path, { headers: { cookie } });
const csrfOf = async (cookie: string) => /name="_csrf" value="([^"]+)"/.exec(await (await page('/account/password', cookie)).text())![1]!;
const change = async (cookie: string, fields: Record<string, string>) =>
  t.intake.http.request('/account/password', { method: 'POST', body: new URLSearchParams({ _csrf: await csrfOf(cookie), ...fields }), headers: { ...FORM, cookie } });
const storedHash = async (email: string) => (await t.intake.app.db.select().from(users).where(eq(users.email, email)))[0]!.passwordHash;

describe('password hashes', () => {
  it('are scrypt at N = 2^17, r = 8, p = 1', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('another password', hash)).toBe(false);
  });

  it('are remade at the current cost when someone signs in with a weaker one', async () => {
    const { user } = await createUser(t.intake.app.db, { email: 'old.hash@example.nhs.uk', name: 'Old', role: 'recruiter', password: 'an old but good password' }, null, t.clock.now());
    const salt = randomBytes(16);
    const weak = `scrypt$32768$8$1$${salt.toString('base64url')}$${scryptSync('an old but good password', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('base64url')}`;
    await t.intake.app.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    expect((await signIn('old.hash@example.nhs.uk', 'an old but good password')).status).toBe(303);
    const remade = await storedHash('old.hash@example.nhs.uk');
    expect(remade).toMatch(/^scrypt\$131072\$/);
    expect((await signIn('old.hash@example.nhs.uk', 'an old but good password')).status).toBe(303);
  });

  it('refuse a stored hash that names a cost above today’s (no sign-in can be made to allocate gigabytes)', async () => {
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA$a2V5')).toBe(false);
  });
});

describe('temporary passwords and changing your own', () => {
  it('sends someone with a temporary password to change it, and lets them nowhere else until they do', async () => {
    const { temporaryPassword } = await createUser(t.intake.app.db, { email: 'new.starter@example.nhs.uk', name: 'New Starter', role: 'recruiter' }, null, t.clock.now());
    const first = await signIn('new.starter@example.nhs.uk', temporaryPassword!);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/account/password');
    const cookie = cookieOf(first);
    for (const path of ['/board', '/reports', '/mailbox']) {
      const res = await page(path, cookie);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/account/password');
    }
    expect(await (await page('/account/password', cookie)).text()).toContain('You signed in with a temporary password');

    expect((await change(cookie, { current: 'wrong', newPassword: 'my own long password', confirmPassword: 'my own long password' })).status).toBe(400);
    const mismatch = await change(cookie, { current: temporaryPassword!, newPassword: 'my own long password', confirmPassword: 'my own long passw0rd' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('The two new passwords are not the same');
    const short = await change(cookie, { current: temporaryPassword!, newPassword: 'short', confirmPassword: 'short' });
    expect(await short.text()).toContain('at least 12 characters');
    const done = await change(cookie, { current: temporaryPassword!, newPassword: 'my own long password', confirmPassword: 'my own long password' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/board');
    expect((await page('/board', cookie)).status).toBe(200);
    expect((await signIn('new.starter@example.nhs.uk', temporaryPassword!)).status).toBe(401);
    const again = await signIn('new.starter@example.nhs.uk', 'my own long password');
    expect(again.headers.get('location')).toBe('/board');
  });

  it('lets staff change their own password, ending their other sessions', async () => {
    await createUser(t.intake.app.db, { email: 'changer@example.nhs.uk', name: 'Changer', role: 'coordinator', password: 'the first password' }, null, t.clock.now());
    const here = cookieOf(await signIn('changer@example.nhs.uk', 'the first password'));
    const elsewhere = cookieOf(await signIn('changer@example.nhs.uk', 'the first password'));
    const res = await change(here, { current: 'the first password', newPassword: 'the second password', confirmPassword: 'the second password' });
    expect(res.headers.get('location')).toBe('/account/password?done=1');
    expect((await page('/board', here)).status).toBe(200);
    expect((await page('/board', elsewhere)).status).toBe(303);
  });

  it('makes a reset password temporary again', async () => {
    const { user } = await createUser(t.intake.app.db, { email: 'forgetful@example.nhs.uk', name: 'Forgetful', role: 'recruiter', password: 'a password I forgot' }, null, t.clock.now());
    const { temporaryPassword } = await resetPassword(t.intake.app.db, user.id, null, t.clock.now());
    expect((await signIn('forgetful@example.nhs.uk', temporaryPassword)).headers.get('location')).toBe('/account/password');
  });

  it('makes a password an admin sets through the API temporary', async () => {
    const created = await t.post('/api/users', { email: 'api.made@example.nhs.uk', name: 'Api Made', role: 'recruiter', password: 'chosen by the admin' });
    expect(created.status).toBe(201);
    expect((await signIn('api.made@example.nhs.uk', 'chosen by the admin')).headers.get('location')).toBe('/account/password');
  });
});

describe('idle staff sessions', () => {
  it('end after STAFF_IDLE_MINUTES without a request, however long the session would last', async () => {
    await createUser(t.intake.app.db, { email: 'idle@example.nhs.uk', name: 'Idle', role: 'recruiter', password: 'an idle password' }, null, t.clock.now());
    const cookie = cookieOf(await signIn('idle@example.nhs.uk', 'an idle password'));
    for (let i = 0; i < 4; i++) {
      t.clock.advance(15 * 60_000); // an hour in all, never 20 minutes idle
      expect((await page('/board', cookie)).status, `after ${(i + 1) * 15} minutes`).toBe(200);
    }
    t.clock.advance(20 * 60_000 + 1000);
    const idle = await page('/board', cookie);
    expect(idle.status).toBe(303);
    expect(idle.headers.get('location')).toMatch(/^\/sign-in/);
  });
});

describe('API tokens', () => {
  it('may carry an expiry, after which they stop working', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    const made = await t.post('/api/tokens', { name: 'one hour', expiresAt });
    expect(made.status).toBe(201);
    expect(made.body.expiresAt).toBe(expiresAt);
    const bearer = { authorization: `Bearer ${made.body.token}` };
    expect((await t.get('/api/pipeline', bearer)).status).toBe(200);
    expect((await t.get('/api/tokens')).body.items.find((i: { id: string }) => i.id === made.body.id).expiresAt).toBe(expiresAt);
    t.clock.advance(60 * 60_000 + 1000);
    expect((await t.get('/api/pipeline', bearer)).status).toBe(401);
  });

  it('refuse an expiry in the past, naming the field', async () => {
    const res = await t.post('/api/tokens', { name: 'already gone', expiresAt: '2020-01-01T00:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('expiresAt');
  });
});
