import type { Context } from 'hono';
import { DomainError } from '../domain/errors';
import { originAllowed } from '../domain/origins';
import { requestHeader } from './node-headers';

/**
 * The CORS policy of the visitor-facing API, given the origins allowed: a browser request from
 * another origin is refused, an allowed one is echoed back (never `*`); requests without an
 * Origin (a site owner's own server) pass without CORS headers. Answers a preflight itself
 * (returns its response); otherwise returns null and the route goes on.
 */
export function applyCors(c: Context, allowed: readonly string[]): Response | null {
  // Through Hono, not Node's ServerResponse (http/node-headers.ts): a route's own Vary then
  // adds to this one instead of replacing it.
  c.header('Vary', 'Origin', { append: true });
  const origin = requestHeader(c, 'origin');
  if (origin !== undefined) {
    if (!originAllowed(origin, allowed)) {
      throw new DomainError('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this site.`);
    }
    c.header('Access-Control-Allow-Origin', origin);
  }
  if (c.req.method !== 'OPTIONS') return null;
  c.header('Access-Control-Allow-Methods', 'GET, POST');
  c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, X-Filename');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}
