import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { createOutboxWorker, MAX_ATTEMPTS, retryDelayMs } from '../../server/domain/outbox';
import { deliveryHandlers } from '../../server/domain/delivery-handlers';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import { addressOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, inquiryBody, PUBLIC_URL, type TestApp } from '../support/test-app';
import { mailContextOf } from '../support/mail-worker';

let t: TestApp;
let sink: SmtpSink;
beforeEach(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
  await t.close();
});

function workerFor(smtpUrl: string, maxAttempts = 3) {
  const mailer = createSmtpMailer({ url: smtpUrl, from: 'Liaison <liaison@localhost>' });
  const worker = createOutboxWorker({
    store: t.store,
    clock: () => t.now.value,
    random: () => 0.5,
    maxAttempts,
    handlers: deliveryHandlers(mailContextOf(t, mailer)),
  });
  return { worker, close: () => mailer.close() };
}

async function send(body: Record<string, unknown>): Promise<InquiryCreated> {
  const res = await t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as InquiryCreated;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('rep notification mail', () => {
  it('reaches the rep, Reply-To the visitor, with every field, exactly once', async () => {
    await send(inquiryBody());
    expect(sink.mails).toHaveLength(0); // nothing is sent inside the request

    const { worker, close } = workerFor(sink.url);
    const results = await worker.runOnce();
    close();
    // The rep's notification and the visitor's acknowledgement.
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    const [notification] = await t.db
      .selectFrom('deliveries')
      .select('id')
      .where('kind', '=', 'rep-notification')
      .execute();

    const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    expect(addressOf(mail.to)).toBe('moore.liu@example.com');
    expect(addressOf(mail.replyTo)).toBe('jane@buyer.example');
    expect(mail.subject).toBe('[Hengda Fluid Control] New inquiry: Ball Valve DN50');
    expect(mail.messageId).toBe(`<${notification?.id}@localhost>`); // PUBLIC_URL's host
    for (const part of [
      'Jane Buyer',
      'Buyer GmbH',
      'Germany',
      '+49 30 1234567',
      'BV-50',
      '500 pieces',
      'https://hengda.example/news/1',
      'Please quote 500 pieces of DN50 ball valves',
      // 08:00 UTC is 09:00 in Berlin in November.
      'Sun, 29 Nov 2026, 09:00 (Europe/Berlin)',
    ]) {
      expect(mail.text).toContain(part);
      expect(mail.html).toContain(part);
    }

    // A second run finds nothing due: the row was marked sent once.
    const second = workerFor(sink.url);
    expect(await second.worker.runOnce()).toEqual([]);
    second.close();
    expect(sink.mails.filter((m) => addressOf(m.to) === 'moore.liu@example.com')).toHaveLength(1);
    expect(await t.store.countDeliveries('sent')).toBe(2);
  });

  it('names the first words of the message when no product is attached', async () => {
    await send(
      inquiryBody({
        product: undefined,
        message: 'Do you make stainless steel gate valves for seawater service?',
      }),
    );
    const { worker, close } = workerFor(sink.url);
    await worker.runOnce();
    close();
    const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    expect(mail.subject).toBe(
      '[Hengda Fluid Control] New inquiry: Do you make stainless steel gate valves for…',
    );
  });

  it('escapes visitor HTML and keeps header syntax out of the headers', async () => {
    await send(
      inquiryBody({
        name: 'Eve\r\nBcc: victim@example.com',
        company: '<img src=x onerror=alert(1)>',
        message: '<script>alert("x")</script> please send a quote for valves',
        product: { name: 'Valve</td><script>alert(2)</script>' },
      }),
    );
    const { worker, close } = workerFor(sink.url);
    await worker.runOnce();
    close();
    const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    expect(mail.html).not.toMatch(/<script|<img/i);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(addressOf(mail.to)).toBe('moore.liu@example.com');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toHaveLength(1);
  });

  it('retries a failed send with backoff, then delivers once the server is back', async () => {
    const { id } = await send(inquiryBody());
    const down = workerFor(`smtp://127.0.0.1:${await closedPort()}`);
    const results = await down.worker.runOnce();
    down.close();
    expect(results.map((r) => r.outcome)).toEqual(['retry', 'retry']);
    const delivery = (await t.store.dueDeliveries('9999', 10))[0];
    expect(delivery).toMatchObject({ attempts: 1, lastError: expect.any(String) });
    // random 0.5 gives three quarters of the 10 s ceiling for the first retry.
    expect(delivery?.nextAttemptAt).toBe(new Date(t.now.value.getTime() + 7_500).toISOString());

    // Not due yet: nothing happens.
    const up = workerFor(sink.url);
    expect(await up.worker.runOnce()).toEqual([]);
    t.now.value = new Date(t.now.value.getTime() + 7_500);
    expect((await up.worker.runOnce()).map((r) => r.outcome)).toEqual(['sent', 'sent']);
    up.close();
    const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    expect(mail.text).toContain('Jane Buyer');
    expect((await t.store.findInquiry(id))?.status).toBe('new');
  });

  it('marks a delivery failed after its last attempt', async () => {
    await send(inquiryBody());
    const down = workerFor(`smtp://127.0.0.1:${await closedPort()}`, 2);
    expect((await down.worker.runOnce()).map((r) => r.outcome)).toEqual(['retry', 'retry']);
    t.now.value = new Date(t.now.value.getTime() + 60_000);
    expect((await down.worker.runOnce()).map((r) => r.outcome)).toEqual(['failed', 'failed']);
    t.now.value = new Date(t.now.value.getTime() + 3_600_000);
    expect(await down.worker.runOnce()).toEqual([]);
    down.close();
    expect(await t.store.countDeliveries('failed')).toBe(2);
  });

  it('lets only one of two racing workers claim a delivery', async () => {
    await send(inquiryBody());
    const [due] = await t.store.dueDeliveries(t.now.value.toISOString(), 1);
    if (!due) throw new Error('no delivery');
    const lease = new Date(t.now.value.getTime() + 60_000).toISOString();
    const claims = await Promise.all([
      t.store.claimDelivery(due, lease),
      t.store.claimDelivery(due, lease),
    ]);
    expect(claims.sort()).toEqual([false, true]);
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially, is capped at two hours, and jitters within the upper half', () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, () => 1)).toBe(10_000);
    expect(retryDelayMs(3, () => 1)).toBe(40_000);
    expect(retryDelayMs(30, () => 1)).toBe(7_200_000);
    expect(retryDelayMs(30, () => 0)).toBe(3_600_000);
  });

  it("waits out a night's outage over the worker's attempts", () => {
    const window = (random: () => number) =>
      Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, random)).reduce(
        (a, b) => a + b,
      );
    const hours = (ms: number) => ms / 3_600_000;
    expect(hours(window(() => 0))).toBeGreaterThan(10);
    expect(hours(window(() => 1))).toBeLessThan(21);
  });
});
