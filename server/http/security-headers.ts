import type { MiddlewareHandler } from 'hono';

/**
 * Headers every response carries: no MIME sniffing, and a referrer that never leaks a path to
 * another site. API answers are data, never a page: a CSP that allows nothing and no framing.
 * Pages set their own CSP (http/pages.ts); the widget's files must stay embeddable anywhere.
 */
export const securityHeaders: MiddlewareHandler = async function securityHeaders(c, next) {
  // Set before the handler runs: a header added to a finished response makes Hono build the
  // response again (its body stream too), the costliest step of a cached config answer.
  // A handler that sets one of these (a page's own Referrer-Policy) overrides it.
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (c.req.path.startsWith('/api/')) {
    // sandbox: a file the inbox serves (a visitor's attachment) can never run as a page.
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
  }
  if (c.req.path === '/inbox' || c.req.path.startsWith('/inbox/') || c.req.path.startsWith('/c/')) {
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  }
  await next();
};
