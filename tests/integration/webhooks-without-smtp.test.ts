import { afterAll, beforeAll, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startServerProcess } from '../support/server-process';
import { inquiryBody } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const KEY: Record<string, string> =
  TEST_ENGINE === 'postgres' ? { SECRET_KEY: 'webhook-test-secret-webhook-test-secret' } : {};
const SECRET = `whsec_${Buffer.from('a webhook secret of 32 bytes!!!!').toString('base64')}`;
let db: TestDatabase;
let receiver: WebhookReceiver;
beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await db.close();
});

it('the real server without SMTP_URL still calls webhooks, while mail waits in the outbox', async () => {
  const env = {
    DATABASE_URL: db.url,
    ...KEY,
    OUTBOX_POLL_MS: '50',
    // The receiver is on 127.0.0.1: a lab setting, named as such.
    WEBHOOKS_ALLOW_PRIVATE: '1',
  };
  // The first start seeds the demo site; its webhook is stored as the admin API would.
  await (await startServerProcess(env)).stop();
  const site = await db.store.findSiteByKey('demo');
  await db.store.createWebhook({
    id: 'wh-1',
    siteId: site?.id ?? '',
    url: `${receiver.url}/hook`,
    format: 'standard',
    events: ['inquiry.created'],
    secret: SECRET,
    active: true,
    createdAt: new Date().toISOString(),
  });

  const server = await startServerProcess(env);
  try {
    const res = await fetch(`${server.url}/api/v1/sites/demo/inquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(inquiryBody()),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => receiver.callsTo('/hook').length, { timeout: 10_000 }).toBe(1);
    const [call] = receiver.callsTo('/hook');
    const headers = Object.fromEntries(
      Object.entries(call?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    expect(new Webhook(SECRET).verify(call?.body ?? '', headers)).toMatchObject({
      type: 'inquiry.created',
    });
    // The rep's mail is still pending: no process here can send it.
    expect(await db.store.countDeliveries('pending')).toBeGreaterThan(0);
    expect(await db.store.countDeliveries('failed')).toBe(0);
  } finally {
    await server.stop();
  }
});
