import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, nodeListener } from '../support/http-listener';
import { ORIGIN } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// Headers every answer carries are set on Node's own ServerResponse when the app is served
// over HTTP, and through Hono under app.request (http/node-headers.ts). Both must give each
// route the same headers: the other tests mostly see the second.

let t: TestApp;
let base: string;
let close: () => Promise<void>;
beforeEach(async () => {
  t = await createTestApp();
  ({ base, close } = await listen(nodeListener(t.app.fetch)));
});
afterEach(async () => {
  await close();
  await t.close();
});

// Set per connection or per answer, or only by one of the two ways of serving (fetch always
// asks for gzip; app.request's Request carries no Accept-Encoding).
const TRANSPORT = new Set([
  'content-encoding',
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-request-id',
]);
const headersOf = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => !TRANSPORT.has(name)));

const CASES: Array<[string, string, Record<string, string>?]> = [
  ['GET', '/api/v1/sites/demo/widget-config', { Origin: ORIGIN }],
  ['GET', '/api/v1/sites/demo/widget-config?unknown=1', { Origin: ORIGIN }],
  ['GET', '/api/v1/sites/demo/widget-config', { Origin: 'https://evil.example' }],
  [
    'OPTIONS',
    '/api/v1/sites/demo/inquiries',
    { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
  ],
  ['GET', '/api/v1/sites/demo/challenge', { Origin: ORIGIN }],
  ['GET', '/api/v1/conversations/not-a-token', { Origin: ORIGIN }],
  ['GET', '/api/inbox/me'],
  ['GET', '/api/openapi.json'],
  ['GET', '/inbox/'],
  ['GET', '/c/not-a-token'],
  ['GET', '/widget.js'],
  ['GET', '/healthz'],
  ['GET', '/nothing-here'],
];

describe('answer headers', () => {
  it.each(CASES)(
    'are the same over HTTP as under app.request: %s %s',
    async (method, path, headers = {}) => {
      const viaHono = await t.app.request(path, { method, headers });
      const viaNode = await fetch(`${base}${path}`, { method, headers });
      expect(viaNode.status).toBe(viaHono.status);
      expect(headersOf(viaNode)).toEqual(headersOf(viaHono));
      expect(viaNode.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(viaNode.headers.get('X-Content-Type-Options')).toBe('nosniff');
    },
  );
});
