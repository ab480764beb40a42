import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import type { AdminStats, WebhookFormat } from '../../contract';
import { WEBHOOK } from '../../server/domain/webhook-events';
import { postWebhook, RefusedAddressError } from '../../server/domain/webhook-post';
import { newWebhookSecret } from '../../server/domain/webhooks-admin';
import type { Webhook } from '../../server/storage/webhook-queries';
import { inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, PUBLIC_URL, type TestApp } from '../support/test-app';
import {
  signatureHeaders,
  startWebhookReceiver,
  webhookWorker,
  type WebhookReceiver,
} from '../support/webhook-receiver';

let t: TestApp;
let receiver: WebhookReceiver;

beforeEach(async () => {
  t = await createTestApp();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

/** Adds a webhook straight to the store (the admin API's own checks are tested elsewhere). */
async function hook(over: Partial<Webhook> = {}): Promise<Webhook> {
  const site = await t.store.findSiteByKey('demo');
  if (!site) throw new Error('no demo site');
  const webhook: Webhook = {
    id: t.newId(),
    siteId: site.id,
    url: `${receiver.url}/hook`,
    format: 'standard',
    events: ['inquiry.created'],
    secret: newWebhookSecret(),
    active: true,
    createdAt: t.now.value.toISOString(),
    ...over,
  };
  await t.store.createWebhook(webhook);
  return webhook;
}

async function webhookRows() {
  return t.db.selectFrom('deliveries').selectAll().where('kind', '=', WEBHOOK).execute();
}

/** Moves the clock past every scheduled retry. */
const later = (ms = 3_600_000) => (t.now.value = new Date(t.now.value.getTime() + ms));

describe('webhook delivery', () => {
  it('retries after a 500 and a 429 with the same webhook-id, each attempt signed', async () => {
    const { secret } = await hook();
    const worker = webhookWorker(t);
    receiver.answer([500, 'oops'], [429]);
    await sendInquiry(t);
    expect((await worker.runOnce()).find((r) => r.outcome !== 'sent')).toMatchObject({
      outcome: 'retry',
      error: 'the receiver answered 500: oops',
    });
    later();
    expect((await worker.runOnce()).map((r) => r.outcome)).toContain('retry');
    later();
    await worker.runOnce();
    const calls = receiver.callsTo('/hook');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['webhook-id'])).size).toBe(1);
    for (const call of calls) new Verifier(secret).verify(call.body, signatureHeaders(call));
    expect((await webhookRows()).map((r) => [r.state, r.attempts])).toEqual([['sent', 3]]);
  });

  it('a 4xx fails for good at once, is reported to the admins and listed as undelivered', async () => {
    await hook();
    receiver.answer([401, '{"error":"bad signature"}']);
    const { id } = await sendInquiry(t);
    await webhookWorker(t).runOnce();
    later();
    await webhookWorker(t).runOnce();
    expect(receiver.calls).toHaveLength(1);
    const [row] = await webhookRows();
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row?.lastError).toBe('the receiver answered 401: {"error":"bad signature"}');
    const notices = await t.db
      .selectFrom('deliveries')
      .select('payload')
      .where('kind', '=', 'delivery-failed-notice')
      .execute();
    expect(notices.map((n) => JSON.parse(n.payload) as unknown)).toEqual([
      { deliveryId: row?.id, siteId: (await t.store.findSiteByKey('demo'))?.id },
    ]);

    const cookie = await signInAsDemoAdmin(t);
    const stats = (await (
      await inboxRequest(t, cookie, 'GET', '/admin/stats')
    ).json()) as AdminStats;
    expect(stats.undelivered).toEqual([
      expect.objectContaining({ id: row?.id, kind: WEBHOOK, inquiryId: id, attempts: 1 }),
    ]);
  });

  it('410 Gone switches the webhook off', async () => {
    const webhook = await hook();
    receiver.answer([410]);
    await sendInquiry(t);
    await webhookWorker(t).runOnce();
    expect((await t.store.findWebhook(webhook.id))?.active).toBe(false);
    await sendInquiry(t, { email: 'second@buyer.example' });
    await webhookWorker(t).runOnce();
    expect(receiver.calls).toHaveLength(1);
  });

  it.each<[WebhookFormat, (text: string) => unknown]>([
    ['slack', (text) => ({ text })],
    ['wecom', (content) => ({ msgtype: 'text', text: { content } })],
    ['dingtalk', (content) => ({ msgtype: 'text', text: { content } })],
  ])('%s gets its own text message, unsigned', async (format, shape) => {
    await hook({ format });
    const { id } = await sendInquiry(t, { name: 'Jane <!channel> Buyer' });
    await webhookWorker(t).runOnce();
    const [call] = receiver.callsTo('/hook');
    if (!call) throw new Error('no call');
    const name = format === 'slack' ? 'Jane &lt;!channel&gt; Buyer' : 'Jane <!channel> Buyer';
    expect(JSON.parse(call.body)).toEqual(
      shape(
        `[Liaison] New inquiry from ${name} (Buyer GmbH, Germany) about Ball Valve DN50, ` +
          `for Mr. Moore Liu: ${PUBLIC_URL}/inbox/inquiries/${id}`,
      ),
    );
    expect(call.headers['webhook-signature']).toBeUndefined();
  });

  it('quotes what a visitor typed on one line: a name cannot add a line of its own', async () => {
    await hook({ format: 'wecom' });
    await sendInquiry(t, {
      name: 'Jane\n[Liaison] URGENT: sign in again at https://login.evil.example',
      company: 'Buyer\r\nGmbH\u2028Ltd',
      product: { name: `Valve${' very long'.repeat(20)}` },
    });
    await webhookWorker(t).runOnce();
    const [call] = receiver.callsTo('/hook');
    if (!call) throw new Error('no call');
    const text = (JSON.parse(call.body) as { text: { content: string } }).text.content;
    expect(text.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
    expect(text).toContain(
      'New inquiry from Jane [Liaison] URGENT: sign in again at https://login.evil.example ' +
        '(Buyer GmbH Ltd, Germany) about Valve very long',
    );
    const product = /about (.*), for Mr\. Moore Liu:/.exec(text)?.[1] ?? '';
    expect(product).toMatch(/^Valve very long .*…$/);
    expect(product.length).toBe(80);
  });

  it('cuts a long value between characters, never inside one', async () => {
    await hook({ format: 'slack' });
    // A family: four people joined by zero-width joiners, one character to a reader.
    await sendInquiry(t, { name: `${'a'.repeat(78)}👨‍👩‍👧‍👦bbb` });
    await webhookWorker(t).runOnce();
    const [call] = receiver.callsTo('/hook');
    if (!call) throw new Error('no call');
    const text = (JSON.parse(call.body) as { text: string }).text;
    // No lone surrogate: half of one.
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
    expect(text).toContain(`${'a'.repeat(78)}👨‍👩‍👧‍👦…`);
  });

  it('DingTalk and WeCom errors in a 200 answer: a mistake fails for good, "too fast" retries', async () => {
    await hook({ format: 'dingtalk' });
    receiver.answer([200, '{"errcode":130101,"errmsg":"send too fast"}']);
    receiver.answer([200, '{"errcode":310000,"errmsg":"keywords not in content"}']);
    await sendInquiry(t);
    const worker = webhookWorker(t);
    expect((await worker.runOnce()).map((r) => r.outcome)).toContain('retry');
    later();
    expect((await worker.runOnce()).map((r) => r.outcome)).toContain('failed');
    expect((await webhookRows())[0]?.lastError).toMatch(/errcode 310000/);
  });

  it('without the allowance, loopback and http are refused and never called', async () => {
    await hook({ url: `${receiver.url}/plain-http` });
    await hook({ url: `https://127.0.0.1:${new URL(receiver.url).port}/https-loopback` });
    await sendInquiry(t);
    await webhookWorker(t, { allowPrivate: false }).runOnce();
    const rows = await webhookRows();
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['failed', 1],
      ['failed', 1],
    ]);
    expect(rows.map((r) => r.lastError).sort()).toEqual([
      expect.stringMatching(/Must be an https:\/\/ address/),
      expect.stringMatching(/not a local or private one/),
    ]);
    // Named by origin: a robot's URL carries its credential in the path.
    for (const row of rows) expect(row.lastError).not.toMatch(/plain-http|https-loopback/);
    expect(receiver.calls).toEqual([]);
  });

  it('a name that resolves to a private address is refused when connecting', async () => {
    const url = new URL(`http://localhost:${new URL(receiver.url).port}/by-name`);
    await expect(
      postWebhook(url, '{}', {}, { allowPrivate: false, timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(RefusedAddressError);
    expect(receiver.calls).toEqual([]);
    await expect(
      postWebhook(url, '{}', {}, { allowPrivate: true, timeoutMs: 2000 }),
    ).resolves.toMatchObject({ status: 200 });
  });
});
