// The SSRF guard on its own: which addresses a receiver may be at, and the lookup that only
// ever connects to those.
import { describe, expect, it } from 'vitest';
import { addressAllowed, guardedLookup } from '../../src/services/webhooks/addresses.js';

const none: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] = [];
const loopback = [{ address: '127.0.0.0', prefix: 8, family: 'ipv4' as const }];

describe('the webhook address guard', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '224.0.0.1'])(
    'refuses %s unless its network is allowed', (address) => { expect(addressAllowed(address, none)).toBe(false); },
  );

  it.each(['8.8.8.8', '51.140.1.1', '2a00:1450:4009:81f::200e'])('allows the public address %s', (address) => {
    expect(addressAllowed(address, none)).toBe(true);
  });

  it('allows a listed network, and only that one', () => {
    expect(addressAllowed('127.0.0.1', loopback)).toBe(true);
    expect(addressAllowed('::ffff:127.0.0.1', loopback)).toBe(true);
    expect(addressAllowed('10.0.0.1', loopback)).toBe(false);
  });

  it('resolves a name to loopback as refused, unless loopback is allowed', async () => {
    const lookup = (networks: typeof none) => new Promise<unknown>((resolve) => {
      guardedLookup(networks)('localhost', { family: 4 }, (err, address) => resolve(err ?? address));
    });
    expect(await lookup(none)).toBeInstanceOf(Error);
    expect(await lookup(loopback)).toBe('127.0.0.1');
  });
});
