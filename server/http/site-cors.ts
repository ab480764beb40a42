import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';
import type { Site, Store } from '../storage/store';
import { applyCors } from './cors';

/** Hono env of the routes under a site: the site is looked up once, here. */
export interface SiteEnv {
  Variables: { site: Site };
}

export interface SiteCorsOptions {
  store: Store;
}

/** Loads the site named in the path and applies its CORS policy (see applyCors). */
export const siteCors = ({ store }: SiteCorsOptions): MiddlewareHandler<SiteEnv> =>
  async function siteCors(c, next) {
    const key = c.req.param('siteKey') ?? '';
    const site = await store.findSiteByKey(key);
    if (!site) throw new DomainError('SITE_NOT_FOUND', `No site has the key "${key}".`);
    c.set('site', site);

    const preflight = applyCors(c, site.allowedOrigins);
    if (preflight) return preflight;
    await next();
  };
