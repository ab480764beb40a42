import { BlockList, isIP } from 'node:net';

// Where a webhook may point. Without the server's allowance (WEBHOOKS_ALLOW_PRIVATE, tests),
// only https to public addresses: a webhook URL is chosen by a site admin, and must not turn
// the server into a way to reach its own network (SSRF). Names are checked again on every
// call, on the address actually connected to (webhook-post.ts), so DNS cannot swap them.

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: an IPv4 address in disguise
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/** The host of a URL as an IP address, when it is one (brackets of IPv6 taken off). */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) ? bare : null;
}

/**
 * Why a webhook URL is refused, or null when it is fine: https only, no credentials in it, and
 * (unless `allowPrivate`) no host that is plainly local. Names that resolve to a private
 * address are refused when called.
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Must be an https:// address.';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return 'Must be an https:// address.';
  }
  if (url.username || url.password) return 'Must not carry a user name or password.';
  if (allowPrivate) return null;
  const literal = literalAddress(url.hostname);
  const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  if (local || (literal !== null && isPrivateAddress(literal))) {
    return 'Must be an address on the internet, not a local or private one.';
  }
  return null;
}
