import type { Context } from 'hono';
import { routePath } from 'hono/route';

/**
 * The pattern of the most specific route the request matched ("/api/inbox/inquiries/:id"),
 * also when a middleware before it answered (401, 403, a preflight). A path nothing handles
 * gets the catch-all that saw it last ("/*"): a small, fixed set of labels for metrics.
 */
export function routeLabel(c: Context): string {
  return routePath(c, -1) || 'unmatched';
}

const MAX_PATH = 300;

/**
 * The request path as it may be logged: a segment matched by a `:token` parameter is a
 * capability (whoever holds it reads the thread), so it is replaced by `:token`. The query
 * string is never included (it can hold an email address or a search).
 */
export function loggablePath(path: string, route: string): string {
  // Split and rejoined only on the few routes that carry a token.
  const masked = route.includes('/:token')
    ? maskTokens(path, route)
    : path.replace(TOKEN_PATH, (_, before: string) => `${before}:token`);
  return masked.length > MAX_PATH ? `${masked.slice(0, MAX_PATH)}...` : masked;
}

// A path under the token routes' prefixes that none of them matched ("/c/TOKEN/", a mistyped
// tail, another case): its segment after the prefix is taken for a token all the same.
const TOKEN_PATH = /^(\/c\/|\/api\/v1\/conversations\/)[^/]+/i;

function maskTokens(path: string, route: string): string {
  const pattern = route.split('/');
  return path
    .split('/')
    .map((segment, i) => (pattern[i]?.startsWith(':token') ? ':token' : segment))
    .join('/');
}
