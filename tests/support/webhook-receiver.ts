import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportUndelivered } from '../../server/domain/admin-notices';
import { deliveryHandlers } from '../../server/domain/delivery-handlers';
import { createOutboxWorker, type OutboxWorker } from '../../server/domain/outbox';
import type { TestApp } from './test-app';
import { mailContextOf } from './mail-worker';

/** One request a receiver got. */
export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1 that records every call and answers as told. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT` */
  url: string;
  calls: ReceivedCall[];
  /** Calls to one path (each webhook gets its own path). */
  callsTo(path: string): ReceivedCall[];
  /** The next answers, in order (status, body); afterwards 200 with `{}`. */
  answer(...replies: Array<[number, string?]>): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const replies: Array<[number, string?]> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      calls.push({ path: req.url ?? '/', headers: req.headers, body });
      const [status, text = '{}'] = replies.shift() ?? [200];
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    answer: (...next) => replies.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The three Standard Webhooks headers of a call, for `Webhook.verify`. */
export function signatureHeaders(call: ReceivedCall): Record<string, string> {
  const pick = (name: string) => {
    const value = call.headers[name];
    if (typeof value !== 'string') throw new Error(`no ${name} header`);
    return value;
  };
  return {
    'webhook-id': pick('webhook-id'),
    'webhook-timestamp': pick('webhook-timestamp'),
    'webhook-signature': pick('webhook-signature'),
  };
}

/** The test app's outbox with every handler; mail goes nowhere, webhooks to loopback are allowed. */
export function webhookWorker(
  t: TestApp,
  { allowPrivate = true, maxAttempts = 8 }: { allowPrivate?: boolean; maxAttempts?: number } = {},
): OutboxWorker {
  return createOutboxWorker({
    store: t.store,
    clock: () => t.now.value,
    random: () => 0.5,
    maxAttempts,
    onFailed: (delivery) =>
      reportUndelivered({ store: t.store, newId: t.newId, clock: () => t.now.value }, delivery),
    handlers: deliveryHandlers(
      // Mail is another test's subject: here it goes nowhere.
      mailContextOf(t, { send: async () => {} }),
      { allowPrivate, timeoutMs: 5000 },
    ),
  });
}
