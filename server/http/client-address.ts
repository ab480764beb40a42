import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/** The client as this server may believe it, as rate limits count clients (limitKeyOf). */
export type ClientAddress = (c: Context) => string;

/**
 * The socket's address, unless `trustProxy` names the reverse proxies (the values Express's
 * `trust proxy` takes: "loopback", "uniquelocal", addresses, CIDR ranges) whose
 * X-Forwarded-For is then believed, hop by hop, with proxy-addr. Requests made in-process by
 * tests have no socket: "local".
 */
export function createClientAddress(trustProxy: readonly string[] = []): ClientAddress {
  const trust = proxyaddr.compile([...trustProxy]);
  return (c) => {
    const incoming: unknown =
      c.env && typeof c.env === 'object' ? Reflect.get(c.env, 'incoming') : undefined;
    if (!incoming || typeof incoming !== 'object' || !('socket' in incoming)) return 'local';
    return limitKeyOf(proxyaddr(incoming as IncomingMessage, trust));
  };
}

/**
 * The part of an address that names one client for rate limits: an IPv4 address (also when
 * written as IPv4-mapped IPv6), or an IPv6 address's /64, which one host or home usually has
 * whole, so that a new address per request does not dodge a per-address limit.
 */
export function limitKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${prefix.map((part) => part.toString(16)).join(':')}::/64`;
}
