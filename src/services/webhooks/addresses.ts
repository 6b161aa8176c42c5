// Server-side request forgery: a webhook URL is chosen by an admin, but the request is made from
// inside the bank's network, so it must not reach what only that network can reach (the cloud's
// metadata service, the database, an internal admin page). A receiver must be on a public address
// unless its network is listed in WEBHOOK_ALLOWED_NETWORKS (a trust's own network; loopback for
// tests and a receiver on the same machine). The address is checked where the connection is made
// (resolve, check, connect to the checked address), so a name that resolves differently later
// (DNS rebinding) cannot slip past; redirects are not followed.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, type LookupFunction, isIP } from 'node:net';
import type { WebhookSettings } from '../../context.js';

/** Special-purpose ranges (IANA registries): private, loopback, link-local, shared, documentation, multicast, reserved. */
const RESERVED_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
];
const RESERVED_V6 = ['::/128', '::1/128', '64:ff9b::/96', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10', 'ff00::/8'];

const reserved = new BlockList();
for (const net of RESERVED_V4) reserved.addSubnet(net.split('/')[0]!, Number(net.split('/')[1]), 'ipv4');
for (const net of RESERVED_V6) reserved.addSubnet(net.split('/')[0]!, Number(net.split('/')[1]), 'ipv6');

const allowLists = new WeakMap<WebhookSettings['allowedNetworks'], BlockList>();
function allowList(networks: WebhookSettings['allowedNetworks']): BlockList {
  let list = allowLists.get(networks);
  if (!list) {
    list = new BlockList();
    for (const n of networks) list.addSubnet(n.address, n.prefix, n.family);
    allowLists.set(networks, list);
  }
  return list;
}

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1 or ::ffff:7f00:1) is judged as IPv4. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const v6 = address.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (dotted) return { address: dotted[1]!, family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return { address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), family: 'ipv4' };
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** True when a receiver may be at `address`: a public one, or one on an allowed network. */
export function addressAllowed(address: string, networks: WebhookSettings['allowedNetworks']): boolean {
  const { address: a, family } = unmapped(address);
  return allowList(networks).check(a, family) || !reserved.check(a, family);
}

export class AddressRefusedError extends Error {}

/** A URL's host as an address, when it is one ([::1] → ::1); null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) ? bare : null;
}

/** A DNS lookup for http.request that only ever answers with addresses a receiver may be at. */
export function guardedLookup(networks: WebhookSettings['allowedNetworks']): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, ...(options.hints ? { hints: options.hints } : {}) }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const usable = addresses.filter((a) => addressAllowed(a.address, networks));
      if (!usable.length) return callback(new AddressRefusedError(`${hostname} resolves only to addresses webhooks may not reach (private, loopback or reserved); see WEBHOOK_ALLOWED_NETWORKS`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
