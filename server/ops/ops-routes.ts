import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { ErrorBody } from '../../contract';
import { errorJson } from '../http/errors';
import type { Metrics } from './metrics';
import type { ReadinessCheck } from './readiness';

export interface OpsRoutesOptions {
  metrics: Metrics;
  /** Null: /readyz answers 503, since nothing says the database is there. */
  readiness: ReadinessCheck | null;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken: string | null;
}

/** `/healthz` (the process is alive), `/readyz` (it can serve: database, migrations), `/metrics`. */
export function opsRoutes({ metrics, readiness, metricsToken }: OpsRoutesOptions) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      c.header('Cache-Control', 'no-store');
      const problems = readiness ? await readiness() : { readiness: 'No readiness check is set.' };
      if (Object.keys(problems).length === 0) return c.json({ ok: true });
      // No error code of the contract means "unavailable"; INTERNAL with 503 until one does.
      const body: ErrorBody = {
        error: {
          code: 'INTERNAL',
          message: `Not ready: ${Object.values(problems).join(' ')}`,
          fields: problems,
        },
      };
      return c.json(body, 503);
    })
    .get('/metrics', async (c) => {
      if (metricsToken !== null && !bearerMatches(c.req.header('Authorization'), metricsToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return errorJson(c, 'UNAUTHENTICATED', 'The metrics need a bearer token.');
      }
      c.header('Cache-Control', 'no-store');
      return c.body(await metrics.registry.metrics(), 200, {
        'Content-Type': metrics.registry.contentType,
      });
    });
}

// Compares digests, so that neither the length nor the bytes leak through timing.
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}
