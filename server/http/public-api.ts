import { Hono, type Context } from 'hono';
import { InquiryInput, WidgetConfigQuery } from '../../contract';
import { ATTACHMENT_BYTES_MAX, ATTACHMENTS_MAX } from '../../contract/limits';
import { DomainError } from '../domain/errors';
import { receiveAttachment } from '../domain/attachments';
import type { AbuseLimits } from '../config';
import { receiveInquiry, type InquiryDeps } from '../domain/inquiries';
import { challengeFor, checkProofOfWork } from '../domain/proof-of-work';
import { withinMinuteLimits } from '../domain/rate-limit';
import type { ClientAddress } from './client-address';
import { widgetConfig, type WidgetConfigDeps } from '../domain/widget-config';
import { jsonBody, requireJson, validated } from './json-body';
import { errorJson } from './errors';
import { siteCors, type SiteEnv } from './site-cors';
import { limitBody } from './body-limit';
import { applyCors } from './cors';
import { answerHeader, requestHeader } from './node-headers';
import {
  createWidgetConfigAnswers,
  matchesEtag,
  type WidgetConfigAnswer,
  type WidgetConfigAnswers,
  WIDGET_CONFIG_CACHE_CONTROL,
} from './widget-config-answers';

export type PublicApiDeps = InquiryDeps &
  WidgetConfigDeps & {
    clientAddress: ClientAddress;
    abuse: AbuseLimits;
  };

/**
 * The widget's API, under /api/v1: what a visitor's browser (or a site's own form) calls.
 * `answers` keeps widget-config answers for a few seconds; createApp passes the one its
 * admin writes clear.
 */
export function publicApi(
  deps: PublicApiDeps,
  { answers = createWidgetConfigAnswers() }: { answers?: WidgetConfigAnswers } = {},
) {
  const powDeps = { ...deps, floodPerMinute: deps.abuse.floodPerMinute };
  return (
    new Hono<SiteEnv>()
      // Every page view asks this: a kept answer is sent before the site is even looked up
      // (its CORS policy is kept with it), else the route after siteCors makes and keeps one.
      .get('/sites/:siteKey/widget-config', async function keptWidgetConfig(c, next) {
        const answer = answers.get(c.req.param('siteKey'), queryOf(c.req.url));
        if (!answer) return next();
        applyCors(c, answer.allowedOrigins);
        return sendWidgetConfig(c, answer);
      })
      .use('/sites/:siteKey/*', siteCors(deps))
      .get('/sites/:siteKey/widget-config', validated('query', WidgetConfigQuery), async (c) => {
        const config = await widgetConfig(deps, c.var.site, c.req.valid('query'));
        const answer = answers.put(c.req.param('siteKey'), queryOf(c.req.url), {
          body: JSON.stringify(config),
          allowedOrigins: c.var.site.allowedOrigins,
        });
        return sendWidgetConfig(c, answer);
      })
      // Asked by the widget just before it sends, never on a page view.
      .get('/sites/:siteKey/challenge', async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await challengeFor(powDeps, c.var.site));
      })
      .post('/sites/:siteKey/inquiries', requireJson, jsonBody(InquiryInput), async (c) => {
        const { site } = c.var;
        const now = deps.clock();
        const input = c.req.valid('json');
        const created = await receiveInquiry(deps, site, input, {
          idempotencyKey: c.req.header('Idempotency-Key'),
          minFormMs: deps.abuse.minFormMs,
          // Not for a repeated key, whose inquiry is stored: its answer is sent again.
          admit: async () => {
            // Before counting this request: 'auto' asks from the request after the flood threshold.
            await checkProofOfWork(powDeps, site, input.pow);
            await limit(c, 'inquiry', 1, now);
          },
        });
        return c.json(created, 201);
      })
      // A file of the coming inquiry: its bytes as the body, its name in X-Filename.
      .post(
        '/sites/:siteKey/attachments',
        limitBody({
          maxSize: ATTACHMENT_BYTES_MAX,
          onError: (c) => errorJson(c, 'PAYLOAD_TOO_LARGE', 'A file may be up to 5 MB.'),
        }),
        async (c) => {
          // A form upload would be judged by its multipart framing: "only images, PDF..." about
          // a PDF. It is told what this takes instead.
          if (/^multipart\//i.test(c.req.header('Content-Type') ?? '')) {
            throw new DomainError(
              'UNSUPPORTED_MEDIA_TYPE',
              "Send the file's bytes as the body, not as multipart/form-data, and its name in X-Filename.",
            );
          }
          // Up to three files go with each inquiry: three times the inquiry's limits.
          await limit(c, 'attachment', ATTACHMENTS_MAX, deps.clock());
          const bytes = new Uint8Array(await c.req.arrayBuffer());
          const created = await receiveAttachment(deps, c.var.site, {
            bytes,
            filename: c.req.header('X-Filename'),
          });
          return c.json(created, 201);
        },
      )
  );

  /** Limits a person never meets, per client address and per site. */
  function limit(c: Context<SiteEnv>, what: string, times: number, now: Date) {
    return withinMinuteLimits(
      deps.store,
      [
        [`${what}:ip:${deps.clientAddress(c)}`, deps.abuse.ipPerMinute * times],
        [`${what}:site:${c.var.site.id}`, deps.abuse.sitePerMinute * times],
      ],
      now,
      'Too many inquiries were sent from here. Please wait a minute and try again.',
    );
  }
}

const queryOf = (url: string) => {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
};

/** The answer with its validators, or 304 when the browser has it already. */
function sendWidgetConfig(c: Context, { body, etag }: WidgetConfigAnswer): Response {
  answerHeader(c, 'Cache-Control', WIDGET_CONFIG_CACHE_CONTROL);
  answerHeader(c, 'ETag', etag);
  if (matchesEtag(requestHeader(c, 'if-none-match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}
