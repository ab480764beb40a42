import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * Request and answer headers read and written on Node's own objects when @hono/node-server
 * serves the app (it passes them as `c.env`), and through Hono's `c.req`/`c.header` otherwise
 * (`app.request` in tests, which has no Node objects).
 *
 * Why: Hono keeps headers in Fetch `Headers` objects, and building one is the costliest step
 * of a request the server answers from memory. `c.req.header(name)` first copies every request
 * header into one, and the first `c.header(name, value)` makes another for the answer. Taking
 * them off the path of a cached widget-config read through the app took its server CPU from
 * about 80 to 61 µs (the bundles side by side under the same load).
 */
interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

function nodeOf(c: Context): NodeBindings {
  return (c.env ?? {}) as NodeBindings;
}

/** A request header by its lower-case name; repeated ones joined by ", " as `Headers` does. */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = nodeOf(c).incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * A header for whatever this request is answered with: the route's answer, an error, a 304.
 * On Node it is set on the ServerResponse, which merges it into the answer's own headers when
 * they are written; a header the route's answer also sets is the route's (Node gives the
 * headers passed to `writeHead` precedence). That is the same rule as Hono's prepared headers,
 * except that a route appending to one (Vary) replaces it here: such headers go through
 * `c.header` (http/cors.ts).
 */
export function answerHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeOf(c).outgoing;
  if (outgoing === undefined) c.header(name, value);
  else if (!outgoing.headersSent) outgoing.setHeader(name, value);
}
