import type { MiddlewareHandler } from 'hono';
import { answerHeader } from './node-headers';

type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

const EVERY: HeaderList = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];
// sandbox: a file the inbox serves (a visitor's attachment) can never run as a page.
const API: HeaderList = [
  ...EVERY,
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox"],
];
const NEVER_FRAMED: HeaderList = [
  ...EVERY,
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * Headers every response carries: no MIME sniffing, and a referrer that never leaks a path to
 * another site. API answers are data, never a page: a CSP that allows nothing and no framing.
 * The inbox and the visitor's conversation page are never framed. Pages set their own CSP
 * (http/pages.ts); the widget's files must stay embeddable anywhere.
 */
export function securityHeadersOf(path: string): HeaderList {
  if (path.startsWith('/api/')) return API;
  if (path === '/inbox' || path.startsWith('/inbox/') || path.startsWith('/c/'))
    return NEVER_FRAMED;
  return EVERY;
}

/** `securityHeadersOf` for every answer the app makes (http/front-door.ts sends its own). */
export const securityHeaders: MiddlewareHandler = async function securityHeaders(c, next) {
  // Set before the handler runs, for any answer (http/node-headers.ts): a header added to a
  // finished response makes Hono build the response again (its body stream too). A handler
  // that sets one of these (a page's own Referrer-Policy) overrides it.
  for (const [name, value] of securityHeadersOf(c.req.path)) answerHeader(c, name, value);
  await next();
};
