// Issue 12, finding 5: behind proxies the client no longer chooses its own address. Before,
// TRUST_PROXY=on took the leftmost X-Forwarded-For entry, which the client writes; now
// TRUST_PROXY is the number of trusted proxies, and the address is the one the outermost of them
// saw (that many entries from the right).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedAddress } from '../../src/auth/address.js';
import { loadConfig } from '../../src/config.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

describe('TRUST_PROXY', () => {
  it('is a number of proxies, with on and off kept', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/);
  });

  it('takes the address the outermost trusted proxy saw, never one the client wrote', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; each proxy appended the address it saw.
    expect(forwardedAddress('6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedAddress('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(forwardedAddress('203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedAddress('2001:db8::1', 1)).toBe('2001:db8::1');
    expect(forwardedAddress('6.6.6.6, 203.0.113.7', 0)).toBeNull();
    expect(forwardedAddress('6.6.6.6, not-an-address', 1)).toBeNull();
    expect(forwardedAddress(undefined, 1)).toBeNull();
  });
});

describe('rate limits behind one proxy', () => {
  let t: TestIntake;
  beforeAll(async () => { t = await startTestIntake({ env: { TRUST_PROXY: '1' } }); });
  afterAll(async () => { await t?.close(); });

  it('counts one client as one, however it fills in X-Forwarded-For', async () => {
    await t.post('/api/candidates', applicant({ email: 'pat.proxy@example.com' }));
    const ask = (i: number) => t.intake.http.request('/portal/sign-in', {
      method: 'POST', body: new URLSearchParams({ email: `someone.${i}@example.com` }),
      // The client writes a different address each time; the proxy appends the one it saw.
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.9` },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await ask(i)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another client behind the same proxy is not held up.
    const other = await t.intake.http.request('/portal/sign-in', {
      method: 'POST', body: new URLSearchParams({ email: 'pat.proxy@example.com' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'x-forwarded-for': '203.0.113.10' },
    });
    expect(other.status).toBe(200);
  });
});
