import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address: the socket's. (Reverse proxies' X-Forwarded-For comes with
 * TRUST_PROXY later.) Requests made in-process by tests have no socket: "local".
 */
export function clientAddress(c: Context): string {
  if (!c.env || typeof c.env !== 'object' || !('incoming' in c.env)) return 'local';
  return getConnInfo(c).remote.address ?? 'unknown';
}
