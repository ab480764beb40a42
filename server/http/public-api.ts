import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { InquiryInput, WidgetConfigQuery } from '../../contract';
import { receiveInquiry, type InquiryDeps } from '../domain/inquiries';
import { widgetConfig, type WidgetConfigDeps } from '../domain/widget-config';
import { jsonBody, requireJson, validated } from './json-body';
import { siteCors, type SiteEnv } from './site-cors';

export type PublicApiDeps = InquiryDeps & WidgetConfigDeps;

/** The widget's API, under /api/v1: what a visitor's browser (or a site's own form) calls. */
export const publicApi = (deps: PublicApiDeps) =>
  new Hono<SiteEnv>()
    .use('/sites/:siteKey/*', siteCors(deps))
    .get(
      '/sites/:siteKey/widget-config',
      validated('query', WidgetConfigQuery),
      etag(),
      async (c) => {
        // A minute: availability changes at shift boundaries, and a card a minute late is fine.
        c.header('Cache-Control', 'public, max-age=60');
        return c.json(await widgetConfig(deps, c.var.site, c.req.valid('query')));
      },
    )
    .post('/sites/:siteKey/inquiries', requireJson, jsonBody(InquiryInput), async (c) =>
      c.json(
        await receiveInquiry(
          deps,
          c.var.site,
          c.req.valid('json'),
          c.req.header('Idempotency-Key'),
        ),
        201,
      ),
    );
