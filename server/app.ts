import { Hono } from 'hono';
import { RULES_MAX_BYTES } from '../contract/limits';
import { adminApi, type AdminApiDeps } from './http/admin-api';
import { type AssetOptions, assets } from './http/assets';
import { limitBody } from './http/body-limit';
import { conversationApi } from './http/conversation-api';
import { errorHandler, errorJson } from './http/errors';
import { frontDoor } from './http/front-door';
import { inboxApi, type InboxApiDeps } from './http/inbox-api';
import { buildOpenApi } from './http/openapi';
import { pages } from './http/pages';
import { securityHeaders } from './http/security-headers';
import { publicApi, type PublicApiDeps } from './http/public-api';
import { clearingOnConfigChange, createWidgetConfigAnswers } from './http/widget-config-answers';
import { createLogger, type Logger } from './ops/log';
import { countingStore, createMetrics } from './ops/metrics';
import { accessRecorder, observe } from './ops/observe';
import { opsRoutes } from './ops/ops-routes';
import { requestId, type RequestIdVariables } from './ops/request-id';
import type { ReadinessCheck } from './ops/readiness';

/** Operations: all optional, so that tests leave them out. */
export interface OpsDeps {
  /** Default: warnings and errors only, on stdout (main.ts passes one at LOG_LEVEL). */
  logger?: Logger;
  /** Database and migrations (ops/readiness.ts); without it /readyz answers 503. */
  readiness?: ReadinessCheck;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken?: string | null;
  /** Node's process metrics too (memory, event loop, GC): once per process, not per test app. */
  processMetrics?: boolean;
}

export type AppDeps = PublicApiDeps &
  InboxApiDeps & { assets: AssetOptions } & OpsDeps &
  Pick<AdminApiDeps, 'allowPrivateWebhooks'>;

/** Largest JSON body an API route accepts, but an inquiry's. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Largest inquiry body. Every body the contract takes fits: 20 basket lines of 4,500 characters
 * (name, SKU, category, two links of 2,000), 8,000 of message, 4,100 of page, and the rest, about
 * 108,000 characters, under 650 KB even with every one escaped as \uXXXX. A smaller limit
 * refused valid baskets (20 lines with long non-ASCII links pass 64 KB), before the site's CORS
 * headers: the widget saw no answer, and kept sending the inquiry on every page view.
 */
export const MAX_INQUIRY_BYTES = 1024 * 1024;

/** A body limit of `bytes`, refused with 413 in our error shape. */
const limitOf = (bytes: number) =>
  limitBody({
    maxSize: bytes,
    onError: (c) =>
      errorJson(
        c,
        'PAYLOAD_TOO_LARGE',
        `The request body is over ${bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`}.`,
      ),
  });
const jsonLimit = limitOf(MAX_BODY_BYTES);
const inquiryLimit = limitOf(MAX_INQUIRY_BYTES);
const rulesLimit = limitOf(RULES_MAX_BYTES);
const isUpload = (path: string) => /^\/api\/v1\/sites\/[^/]+\/attachments$/.test(path);
const isInquiry = (path: string) => /^\/api\/v1\/sites\/[^/]+\/inquiries$/.test(path);
/** A body's limit: an inquiry's and a site's rule list's are larger than the rest. */
const limitFor = (path: string) =>
  isInquiry(path) ? inquiryLimit : path === '/api/inbox/admin/rules' ? rulesLimit : jsonLimit;

/** Builds the whole HTTP app from its dependencies (reads the built widget once). */
export function createApp(deps: AppDeps) {
  return createHttp(deps).app;
}

/**
 * The app, and the server's front door to it (http/front-door.ts): main.ts serves
 * `frontDoor(appListener)`, which sends kept widget-config answers itself.
 */
export function createHttp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger({ level: 'warn' });
  const metrics = createMetrics({ store: deps.store, processMetrics: deps.processMetrics });
  // Kept widget-config answers go stale by a few seconds at most, and at once on this
  // process's own admin changes (http/widget-config-answers.ts).
  const answers = createWidgetConfigAnswers({ now: () => deps.clock().getTime() });
  const all = {
    ...deps,
    store: clearingOnConfigChange(countingStore(deps.store, metrics), answers),
  };
  const openApi = buildOpenApi({ publicUrl: deps.publicUrl });
  const record = accessRecorder({ logger, metrics });
  const app = new Hono<{ Variables: RequestIdVariables }>()
    .use('*', requestId)
    .use('*', observe(record))
    .use('*', securityHeaders)
    .route(
      '/',
      opsRoutes({
        metrics,
        readiness: deps.readiness ?? null,
        metricsToken: deps.metricsToken ?? null,
      }),
    )
    .use('/api/*', (c, next) =>
      // An attached file has its own, larger limit (public-api.ts), an inquiry and a rule list
      // 1 MB (a list of 200 rules with long country lists passes 64 KB, and one the API took
      // and gave back could not be saved again); every other body, 64 KB. GET and HEAD carry
      // none, and asking for one would build a whole Request.
      c.req.method === 'GET' || c.req.method === 'HEAD' || isUpload(c.req.path)
        ? next()
        : limitFor(c.req.path)(c, next),
    )
    .get('/api/openapi.json', (c) => c.json(openApi))
    .route('/api/v1', publicApi(all, { answers }))
    .route('/api/v1/conversations', conversationApi(all))
    .route('/api/inbox/admin', adminApi(all))
    .route('/api/inbox', inboxApi(all))
    .route('/', assets(deps.assets))
    .route('/', pages({ store: all.store, distDir: deps.assets.widgetDir }))
    .notFound((c) => errorJson(c, 'NOT_FOUND', `Nothing at ${c.req.method} ${c.req.path}.`))
    .onError(errorHandler({ logger }));
  return {
    app,
    frontDoor: (appListener: Parameters<typeof frontDoor>[1]) =>
      frontDoor({ answers, record }, appListener),
  };
}
