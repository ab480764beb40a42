import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import { loggablePath, routeLabel } from './route-label';

export interface ObserveOptions {
  logger: Logger;
  metrics: Metrics;
}

/**
 * One access-log line and one metrics sample per request: request id, method, path (tokens
 * masked, no query), route, status, milliseconds. Never a body, a cookie, a header or the
 * client's address (README, Privacy). Runs after the request-id middleware.
 */
export const observe = ({
  logger,
  metrics,
}: ObserveOptions): MiddlewareHandler<{ Variables: RequestIdVariables }> =>
  async function observe(c, next) {
    const start = performance.now();
    await next();
    const ms = performance.now() - start;
    const route = routeLabel(c);
    const status = c.res.status;
    metrics.observeRequest(c.req.method, route, status, ms / 1000);
    logger.info('request', {
      id: c.var.requestId,
      method: c.req.method,
      path: loggablePath(c.req.path, route),
      route,
      status,
      ms: Math.round(ms * 10) / 10,
    });
  };
