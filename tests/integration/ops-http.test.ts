import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InquiryCreated } from '../../contract';
import type { AppDeps } from '../../server/app';
import { createLogger } from '../../server/ops/log';
import type { Store } from '../../server/storage/store';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';
import { opsApp } from './ops-app';

let t: TestApp;
let lines: Array<Record<string, unknown>>;

beforeEach(async () => {
  t = await createTestApp();
  lines = [];
});
afterEach(async () => {
  await t.close();
});

/** An app on the test app's store whose logger keeps its lines. */
function app(over: Partial<AppDeps> = {}) {
  return opsApp(t, {
    logger: createLogger({
      level: 'info',
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    }),
    ...over,
  });
}

const INQUIRIES = '/api/v1/sites/demo/inquiries';
const json = { 'Content-Type': 'application/json' };

describe('request ids', () => {
  it('keeps a plain incoming X-Request-Id and echoes it', async () => {
    const res = await app().request('/healthz', { headers: { 'X-Request-Id': 'lb-1234_ab=' } });
    expect(res.headers.get('X-Request-Id')).toBe('lb-1234_ab=');
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', id: 'lb-1234_ab=' })]);
  });

  it.each([
    ['missing', undefined],
    ['with odd characters', 'a b\u0007<script>'],
    ['too long', 'x'.repeat(65)],
  ])('makes its own when the incoming one is %s', async (_, incoming) => {
    const headers: Record<string, string> = incoming ? { 'X-Request-Id': incoming } : {};
    const res = await app().request('/healthz', { headers });
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]?.id).toBe(id);
  });
});

describe('access log', () => {
  it('writes one JSON line per request: id, method, path, route, status, ms', async () => {
    const res = await app().request(INQUIRIES, {
      method: 'POST',
      headers: {
        ...json,
        Cookie: 'liaison_session=secret-cookie',
        'X-Forwarded-For': '203.0.113.9',
      },
      body: JSON.stringify(inquiryBody()),
    });
    expect(res.status).toBe(201);
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? {};
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      id: res.headers.get('X-Request-Id'),
      method: 'POST',
      path: INQUIRIES,
      route: '/api/v1/sites/:siteKey/inquiries',
      status: 201,
    });
    expect(typeof line.ms).toBe('number');
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
    const text = JSON.stringify(lines);
    for (const secret of ['secret-cookie', '203.0.113.9', 'jane@buyer.example', 'DN50']) {
      expect(text).not.toContain(secret);
    }
  });

  it('masks conversation tokens in the path and leaves out the query string', async () => {
    const a = app();
    const created = await a.request(INQUIRIES, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(inquiryBody()),
    });
    const { token } = (await created.json()) as InquiryCreated;
    await a.request(`/api/v1/conversations/${token}?visitor=jane@buyer.example`);
    await a.request(`/c/${token}`);
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain('jane@buyer.example');
    expect(lines[1]).toMatchObject({
      path: '/api/v1/conversations/:token',
      route: '/api/v1/conversations/:token',
      status: 200,
    });
    expect(lines[2]).toMatchObject({ path: '/c/:token', route: '/c/:token' });
    // Paths no token route matched (a trailing slash, a mistyped tail) still carry one.
    await a.request(`/c/${token}/`);
    await a.request(`/api/v1/conversations/${token}/nothing/here`);
    await a.request(`/C/${token}`);
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(lines.slice(3).map((l) => l.path)).toEqual([
      '/c/:token/',
      '/api/v1/conversations/:token/nothing/here',
      '/C/:token',
    ]);
  });

  it('logs nothing at level silent', async () => {
    await app({ logger: createLogger({ level: 'silent', write: () => lines.push({}) }) }).request(
      '/healthz',
    );
    expect(lines).toEqual([]);
  });
});

describe('unexpected errors', () => {
  it('answers INTERNAL and logs the error with the request id', async () => {
    const broken: Store = {
      ...t.store,
      findSiteByKey: () => Promise.reject(new Error('disk on fire')),
    };
    const res = await app({ store: broken }).request('/api/v1/sites/demo/widget-config', {
      headers: { 'X-Request-Id': 'req-42' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('X-Request-Id')).toBe('req-42');
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    const error = lines.find((l) => l.level === 'error');
    expect(error).toMatchObject({
      msg: 'unexpected error',
      id: 'req-42',
      method: 'GET',
      route: '/api/v1/sites/:siteKey/widget-config',
      err: { name: 'Error', message: 'disk on fire' },
    });
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ id: 'req-42', status: 500 });
  });
});
