import type { MiddlewareHandler } from 'hono';
import { answerHeader, requestHeader } from '../http/node-headers';

export interface RequestIdVariables {
  requestId: string;
}

// An incoming X-Request-Id (a proxy's) is kept when it is short and plain, else one is made.
const KEPT = /^[\w\-=]{1,64}$/;

/** A request's id, given the X-Request-Id it came with (if any). */
export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && KEPT.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Each request's id (`requestIdOf`), kept in `c.get('requestId')` for the logs and sent back
 * as X-Request-Id. Hono's own request-id middleware does the same through `c.req.header` and
 * `c.header`, which build Fetch `Headers` objects on every request (http/node-headers.ts).
 */
export const requestId: MiddlewareHandler<{ Variables: RequestIdVariables }> =
  async function requestId(c, next) {
    const id = requestIdOf(requestHeader(c, 'x-request-id'));
    c.set('requestId', id);
    answerHeader(c, 'X-Request-Id', id);
    await next();
  };
