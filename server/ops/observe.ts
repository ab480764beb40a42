import type { MiddlewareHandler } from 'hono';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import type { RequestIdVariables } from './request-id';
import { loggablePath, routeLabel } from './route-label';

export interface ObserveOptions {
  logger: Logger;
  metrics: Metrics;
}

/** One answered request, as the access log and the metrics see it. */
export interface AccessRecord {
  id: string;
  method: string;
  /** The request path (tokens are masked here, the query is never given). */
  path: string;
  /** The matched route's pattern. */
  route: string;
  status: number;
  ms: number;
}

/**
 * One access-log line and one metrics sample per request: request id, method, path (tokens
 * masked, no query), route, status, milliseconds. Never a body, a cookie, a header or the
 * client's address (README, Privacy).
 */
export function accessRecorder({ logger, metrics }: ObserveOptions): (r: AccessRecord) => void {
  return ({ id, method, path, route, status, ms }) => {
    metrics.observeRequest(method, route, status, ms / 1000);
    logger.info('request', {
      id,
      method,
      path: loggablePath(path, route),
      route,
      status,
      ms: Math.round(ms * 10) / 10,
    });
  };
}

/** `record` (an `accessRecorder`) for every request the app answers; after the request id. */
export const observe = (
  record: (r: AccessRecord) => void,
): MiddlewareHandler<{ Variables: RequestIdVariables }> => {
  return async function observe(c, next) {
    const start = performance.now();
    await next();
    record({
      id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      route: routeLabel(c),
      status: c.res.status,
      ms: performance.now() - start,
    });
  };
};
