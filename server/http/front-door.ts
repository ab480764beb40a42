import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed } from '../domain/origins';
import type { AccessRecord } from '../ops/observe';
import { requestIdOf } from '../ops/request-id';
import { securityHeadersOf } from './security-headers';
import {
  matchesEtag,
  WIDGET_CONFIG_CACHE_CONTROL,
  type WidgetConfigAnswers,
} from './widget-config-answers';

type Listener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

export interface FrontDoorOptions {
  /** The answers the app keeps (http/widget-config-answers.ts): the same object it fills. */
  answers: WidgetConfigAnswers;
  /** The app's access log and metrics (ops/observe.ts). */
  record: (access: AccessRecord) => void;
}

export const WIDGET_CONFIG_ROUTE = '/api/v1/sites/:siteKey/widget-config';
const WIDGET_CONFIG_PATH = /^\/api\/v1\/sites\/([a-z0-9-]+)\/widget-config$/;
// A Host @hono/node-server takes as it is (anything else it checks, or refuses with 400).
const PLAIN_HOST = /^[a-z0-9._-]+(?::\d+)?$/i;

/**
 * The HTTP server's first step: a widget-config read the app has an answer kept for, from an
 * origin that answer allows, is sent from here; every other request goes on to `app` (Hono,
 * through @hono/node-server). Every page view of every site asks for its config, and the app
 * spends more on routing, its context and Fetch objects than on sending a kept answer: served
 * here, a read costs about a third more server CPU than a bare route sending the same bytes
 * (33-38 against 27-29 µs; through the app it was 61-86: tests/bench/api-throughput.ts).
 *
 * The answer is the app's, header for header: the same security headers, request id, CORS,
 * validators and 304, the same access line and metrics sample (tests/integration/front-door
 * .test.ts compares the two). Anything else (no kept answer, an origin refused, a HEAD, a Host
 * that is not plain, a path that only decodes to a site key) is the app's to answer, errors
 * included.
 */
export function frontDoor({ answers, record }: FrontDoorOptions, app: Listener): Listener {
  return (incoming, outgoing) => {
    try {
      if (sendKeptAnswer(incoming, outgoing)) return;
    } catch {
      // Never expected, but a throw here would escape Node's request listener and stop the
      // process. Sent already: only its log line or sample failed. Half sent: the connection
      // goes. Not begun: the app answers instead.
      if (outgoing.writableEnded) return;
      if (outgoing.headersSent) return void outgoing.destroy();
    }
    app(incoming, outgoing);
  };

  function sendKeptAnswer(incoming: IncomingMessage, outgoing: ServerResponse): boolean {
    const start = performance.now();
    const url = incoming.url;
    if (incoming.method !== 'GET' || url === undefined) return false;
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    const siteKey = WIDGET_CONFIG_PATH.exec(path)?.[1];
    if (siteKey === undefined) return false;
    const answer = answers.get(siteKey, at < 0 ? '' : url.slice(at + 1));
    if (answer === null) return false;
    const {
      host,
      origin,
      'if-none-match': ifNoneMatch,
      'x-request-id': givenId,
    } = incoming.headers;
    if (host === undefined || !PLAIN_HOST.test(host)) return false;
    if (origin !== undefined && !originAllowed(origin, answer.allowedOrigins)) return false;

    const id = requestIdOf(typeof givenId === 'string' ? givenId : undefined);
    const headers: Record<string, string> = { 'X-Request-Id': id };
    for (const [name, value] of securityHeadersOf(path)) headers[name] = value;
    headers.Vary = 'Origin';
    if (origin !== undefined) headers['Access-Control-Allow-Origin'] = origin;
    headers['Cache-Control'] = WIDGET_CONFIG_CACHE_CONTROL;
    headers.ETag = answer.etag;
    const status = matchesEtag(ifNoneMatch, answer.etag) ? 304 : 200;
    if (status === 200) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(answer.body));
    }
    outgoing.writeHead(status, headers);
    outgoing.end(status === 200 ? answer.body : undefined);
    record({
      id,
      method: 'GET',
      path,
      route: WIDGET_CONFIG_ROUTE,
      status,
      ms: performance.now() - start,
    });
    return true;
  }
}
