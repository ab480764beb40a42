import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

/** The client's address as this server may believe it. */
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
    return proxyaddr(incoming as IncomingMessage, trust);
  };
}
