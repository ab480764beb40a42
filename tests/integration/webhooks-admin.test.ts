import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AdminWebhook,
  AdminWebhookSecret,
  ErrorBody,
  WebhookTestQueued,
} from '../../contract';
import { addRep, inboxRequest, signInAs, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  signatureHeaders,
  startWebhookReceiver,
  webhookWorker,
  type WebhookReceiver,
} from '../support/webhook-receiver';
import { Webhook } from 'standardwebhooks';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await t.close();
});

const call = (method: string, path: string, body?: unknown, cookie = admin) =>
  inboxRequest(t, cookie, method, `/admin/webhooks${path}`, body);

const valid = {
  url: 'https://hooks.example.com/liaison',
  format: 'standard',
  events: ['inquiry.created'],
  active: true,
};

async function stored(): Promise<number> {
  const site = await t.store.findSiteByKey('demo');
  return (await t.store.listWebhooks(site?.id ?? '')).length;
}

describe('the webhooks admin API', () => {
  it('adds, lists, changes and deletes; the secret is shown on creation only', async () => {
    const res = await call('POST', '', valid);
    expect(res.status).toBe(201);
    const { webhook, secret } = (await res.json()) as AdminWebhookSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({ ...valid, signed: true, id: expect.any(String) });

    const list = await call('GET', '');
    const text = await list.clone().text();
    expect((await list.json()) as AdminWebhook[]).toEqual([webhook]);
    expect(text).not.toContain(secret.slice(6));

    const changed = { ...valid, format: 'slack', events: ['inquiry.created', 'inquiry.assigned'] };
    const put = await call('PUT', `/${webhook.id}`, changed);
    // A Slack message is not signed (its address is its secret), though the secret is kept.
    expect(await put.json()).toEqual({ ...webhook, ...changed, signed: false });
    expect((await t.store.findWebhook(webhook.id))?.secret).toBe(secret);

    expect((await call('DELETE', `/${webhook.id}`)).status).toBe(204);
    expect(await stored()).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['plain http', { url: 'http://hooks.example.com/x' }, 'url'],
    ['a loopback address', { url: 'https://127.0.0.1/x' }, 'url'],
    ['localhost', { url: 'https://localhost:8443/x' }, 'url'],
    ['a private address', { url: 'https://192.168.1.10/x' }, 'url'],
    ['not a URL', { url: 'hooks' }, 'url'],
    ['no events', { events: [] }, 'events'],
    ['an unknown event', { events: ['inquiry.deleted'] }, 'events.0'],
    ['an event twice', { events: ['inquiry.created', 'inquiry.created'] }, 'events'],
    ['an unknown format', { format: 'teams' }, 'format'],
  ])('refuses %s with a field message and stores nothing', async (_, over, field) => {
    const res = await call('POST', '', { ...valid, ...over });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
    expect(await stored()).toBe(0);
  });

  it('refuses unknown fields, other sites’ webhooks and reps who are not admins', async () => {
    const extra = await call('POST', '', { ...valid, signingKey: 'whsec_mine' });
    expect(extra.status).toBe(400);
    // Liaison makes the Standard Webhooks secret; `secret` is a DingTalk robot's only.
    const own = await call('POST', '', { ...valid, secret: 'whsec_mine' });
    expect(own.status).toBe(400);
    const { webhook } = (await (await call('POST', '', valid)).json()) as AdminWebhookSecret;

    const outsider = await addRep(t, {
      email: 'sam@other.example',
      siteKey: 'other',
      role: 'admin',
    });
    const theirs = await signInAs(t, outsider.email);
    for (const [method, path, body] of [
      ['PUT', `/${webhook.id}`, valid],
      ['DELETE', `/${webhook.id}`, undefined],
      ['POST', `/${webhook.id}/secret`, undefined],
      ['POST', `/${webhook.id}/test`, undefined],
    ] as const) {
      const res = await call(method, path, body, theirs);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
    }
    expect((await call('GET', '', undefined, theirs)).status).toBe(200);

    await addRep(t, { email: 'ana.wu@example.com' });
    const rep = await signInAs(t, 'ana.wu@example.com');
    expect((await call('GET', '', undefined, rep)).status).toBe(403);
    expect((await call('POST', '', valid, rep)).status).toBe(403);
    expect(await t.store.findWebhook(webhook.id)).toMatchObject({ url: valid.url });
  });
});

describe('send test event', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    await t.close();
    t = await createTestApp({}, { allowPrivateWebhooks: true });
    receiver = await startWebhookReceiver();
    admin = await signInAsDemoAdmin(t);
  });
  afterEach(async () => {
    await receiver.close();
  });

  it('queues a signed webhook.test to the webhook, even one switched off', async () => {
    const res = await call('POST', '', { ...valid, url: `${receiver.url}/t`, active: false });
    const { webhook, secret } = (await res.json()) as AdminWebhookSecret;
    const queued = await call('POST', `/${webhook.id}/test`);
    expect(queued.status).toBe(202);
    const { deliveryId } = (await queued.json()) as WebhookTestQueued;
    await webhookWorker(t).runOnce();
    const [sent] = receiver.callsTo('/t');
    if (!sent) throw new Error('no call');
    expect(sent.headers['webhook-id']).toBe(deliveryId);
    expect(new Webhook(secret).verify(sent.body, signatureHeaders(sent))).toEqual({
      type: 'webhook.test',
      timestamp: t.now.value.toISOString(),
      data: { siteKey: 'demo' },
    });
  });
});
