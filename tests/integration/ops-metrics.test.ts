import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract';
import type { AppDeps } from '../../server/app';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';
import { opsApp } from './ops-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const app = (over: Partial<AppDeps> = {}) => opsApp(t, over);

/** The value of one sample line, e.g. `liaison_outbox_pending`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const postInquiry = (a: ReturnType<typeof app>, key: string) =>
  a.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(inquiryBody()),
  });

describe('/metrics', () => {
  it('counts requests by route pattern, inquiries stored, and reads the outbox when scraped', async () => {
    const a = app();
    expect((await postInquiry(a, 'key-1')).status).toBe(201);
    // A retry gets the first answer and stores nothing: not a second inquiry.
    expect((await postInquiry(a, 'key-1')).status).toBe(201);
    await a.request('/api/v1/sites/nope/widget-config');

    const res = await a.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const route = '/api/v1/sites/:siteKey/inquiries';
    expect(
      sample(text, `liaison_http_requests_total{method="POST",route="${route}",status="201"}`),
    ).toBe(2);
    expect(
      sample(
        text,
        'liaison_http_requests_total{method="GET",route="/api/v1/sites/:siteKey/widget-config",status="404"}',
      ),
    ).toBe(1);
    expect(
      sample(text, `liaison_http_request_duration_seconds_count{method="POST",route="${route}"}`),
    ).toBe(2);
    expect(sample(text, 'liaison_inquiries_created_total{status="new"}')).toBe(1);
    const pending = await t.store.countDeliveries('pending');
    expect(pending).toBeGreaterThan(0);
    expect(sample(text, 'liaison_outbox_pending')).toBe(pending);
    expect(sample(text, 'liaison_outbox_failed')).toBe(0);
  });

  it('shows failed deliveries as they are now, at each scrape', async () => {
    const a = app();
    await postInquiry(a, 'key-2');
    const [due] = await t.store.dueDeliveries(t.now.value.toISOString(), 1);
    if (!due) throw new Error('the inquiry queued no delivery');
    await t.store.markDeliveryAttemptFailed(due.id, due.nextAttemptAt, 'mailbox unavailable', null);
    const text = await (await a.request('/metrics')).text();
    expect(sample(text, 'liaison_outbox_failed')).toBe(1);
  });

  it('still answers when the database cannot be read: the outbox keeps its last figures', async () => {
    // The store as it is while the database is away (a PostgreSQL restart): its reads fail.
    let away = false;
    const store = new Proxy(t.store, {
      get: (target, name, receiver) =>
        name === 'countDeliveries' && away
          ? () => Promise.reject(new Error('Connection terminated unexpectedly'))
          : Reflect.get(target, name, receiver),
    });
    const a = app({ store });
    await postInquiry(a, 'key-3');
    const before = await (await a.request('/metrics')).text();
    const pending = sample(before, 'liaison_outbox_pending');
    expect(pending).toBeGreaterThan(0);
    away = true;
    const res = await a.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'liaison_outbox_pending')).toBe(pending);
    expect(sample(text, 'liaison_outbox_read_errors_total')).toBe(1);
    expect(
      sample(
        text,
        'liaison_http_requests_total{method="POST",route="/api/v1/sites/:siteKey/inquiries",status="201"}',
      ),
    ).toBe(1);
  });

  it('keeps each app in a registry of its own', async () => {
    const first = app();
    const second = app();
    await first.request('/healthz');
    const text = await (await second.request('/metrics')).text();
    expect(text).not.toContain('route="/healthz"');
  });

  it('wants the bearer token when one is set', async () => {
    const a = app({ metricsToken: 'scrape-token-123' });
    const none = await a.request('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    const wrong = await a.request('/metrics', {
      headers: { Authorization: 'Bearer scrape-token-12' },
    });
    expect(wrong.status).toBe(401);
    const right = await a.request('/metrics', {
      headers: { Authorization: 'Bearer scrape-token-123' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('liaison_outbox_pending');
  });
});
