import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { adminApi } from './http/admin-api';
import { type AssetOptions, assets } from './http/assets';
import { conversationApi } from './http/conversation-api';
import { errorJson, onError } from './http/errors';
import { inboxApi, type InboxApiDeps } from './http/inbox-api';
import { pages } from './http/pages';
import { securityHeaders } from './http/security-headers';
import { publicApi, type PublicApiDeps } from './http/public-api';

export type AppDeps = PublicApiDeps & InboxApiDeps & { assets: AssetOptions };

/** Largest JSON body any API route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Builds the whole HTTP app from its dependencies (reads the built widget once). */
export function createApp(deps: AppDeps) {
  return new Hono()
    .use('*', securityHeaders)
    .get('/healthz', (c) => c.json({ ok: true }))
    .use(
      '/api/*',
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => errorJson(c, 'PAYLOAD_TOO_LARGE', 'The request body is over 64 KB.'),
      }),
    )
    .route('/api/v1', publicApi(deps))
    .route('/api/v1/conversations', conversationApi(deps))
    .route('/api/inbox/admin', adminApi(deps))
    .route('/api/inbox', inboxApi(deps))
    .route('/', assets(deps.assets))
    .route('/', pages({ store: deps.store, distDir: deps.assets.widgetDir }))
    .notFound((c) => errorJson(c, 'NOT_FOUND', `Nothing at ${c.req.method} ${c.req.path}.`))
    .onError(onError);
}
