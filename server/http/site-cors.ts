import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';
import { originAllowed } from '../domain/origins';
import type { Site, Store } from '../storage/store';

/** Hono env of the routes under a site: the site is looked up once, here. */
export interface SiteEnv {
  Variables: { site: Site };
}

export interface SiteCorsOptions {
  store: Store;
}

/**
 * Loads the site named in the path and applies its CORS policy: a browser request from an
 * origin the site does not allow is refused; an allowed one is echoed back, never `*`.
 * Requests without an Origin (a site owner's own server) pass without CORS headers.
 */
export const siteCors = ({ store }: SiteCorsOptions): MiddlewareHandler<SiteEnv> =>
  async function siteCors(c, next) {
    const key = c.req.param('siteKey') ?? '';
    const site = await store.findSiteByKey(key);
    if (!site) throw new DomainError('SITE_NOT_FOUND', `No site has the key "${key}".`);
    c.set('site', site);

    c.header('Vary', 'Origin');
    const origin = c.req.header('Origin');
    if (origin !== undefined) {
      if (!originAllowed(origin, site.allowedOrigins)) {
        throw new DomainError('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this site.`);
      }
      c.header('Access-Control-Allow-Origin', origin);
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
  };
