import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless the operator opts in (WEBHOOK_ALLOW_PRIVATE): this
 * host, its networks, and everything that is not a unicast Internet host. An IPv4-mapped IPv6
 * address (`::ffff:127.0.0.1`) is checked as the IPv4 address it carries.
 */
const NOT_PUBLIC = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata services: 169.254.169.254)
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 96], // unspecified, loopback (::1), IPv4-compatible
    ['64:ff9b::', 96], // NAT64: an IPv4 address behind a translator
    ['64:ff9b:1::', 48], // local-use NAT64
    ['100::', 64], // discard
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated, still routed by some)
    ['ff00::', 8], // multicast
  ] as const) {
    list.addSubnet(network, prefix, 'ipv6');
  }
  return list;
})();

/** Whether `address` (an IP literal) is loopback, private, link-local, multicast or otherwise not a public host. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return false;
  return NOT_PUBLIC.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a destination is refused, as the admin CLI and the delivery log say it. */
export function refusedDestination(host: string, address: string): string {
  const named = host === address ? address : `${host} (${address})`;
  return `${named} is a loopback, private, link-local or multicast address; set WEBHOOK_ALLOW_PRIVATE=true to allow it`;
}

/** Thrown (as a connect error) when a name resolves to an address that is refused. */
export class RefusedDestinationError extends Error {
  readonly code = 'ERR_WEBHOOK_DESTINATION_REFUSED';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup` for the webhook agent's sockets: resolves as usual, then fails the connection
 * when any address it would connect to is refused. It runs at every connect, so a name whose
 * DNS answer changes after the rule was checked (DNS rebinding) is caught where it matters.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused) return callback(new RefusedDestinationError(refusedDestination(hostname, refused.address)), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

/**
 * Checks a webhook URL before a rule is stored: an IP literal host directly, a name by
 * resolving it (every address it resolves to must be public). Null when it may be used;
 * otherwise the reason. A name that does not resolve is left to delivery (it may later).
 */
export async function checkWebhookDestination(url: string): Promise<string | null> {
  const host = new URL(url).hostname;
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare) !== 0) return isNonPublicAddress(bare) ? refusedDestination(bare, bare) : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(bare, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  const refused = addresses.find((a) => isNonPublicAddress(a.address));
  return refused ? refusedDestination(bare, refused.address) : null;
}
