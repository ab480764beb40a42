import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { AdminWebhookSecret, WebhookEvent, WebhookFormat } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import type { WebhookPayload } from '../../server/domain/webhook-payload';
import type { Rep } from '../../server/storage/store';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { newWebhookSecret } from '../../server/domain/webhooks-admin';
import { createTestApp, inquiryBody, PUBLIC_URL, type TestApp } from '../support/test-app';
import {
  signatureHeaders,
  startWebhookReceiver,
  webhookWorker,
  type ReceivedCall,
  type WebhookReceiver,
} from '../support/webhook-receiver';

const ALL: WebhookEvent[] = [
  'inquiry.created',
  'message.created',
  'inquiry.status_changed',
  'inquiry.assigned',
];

let t: TestApp;
let receiver: WebhookReceiver;
let admin: string;
let moore: Rep;

beforeEach(async () => {
  t = await createTestApp({}, { allowPrivateWebhooks: true });
  receiver = await startWebhookReceiver();
  const found = await t.store.findRepByEmail('moore.liu@example.com');
  if (!found) throw new Error('no demo rep');
  moore = found;
  await t.store.setPasswordHash(moore.id, await hashPassword('password-123'));
  admin = await signInAs(t, moore.email);
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

async function addHook(
  path: string,
  events: WebhookEvent[] = ALL,
  { format = 'standard', active = true }: { format?: WebhookFormat; active?: boolean } = {},
): Promise<AdminWebhookSecret> {
  const res = await inboxRequest(t, admin, 'POST', '/admin/webhooks', {
    url: `${receiver.url}${path}`,
    format,
    events,
    active,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AdminWebhookSecret;
}

/** Verifies a call's Standard Webhooks signature and returns its payload. */
function verified(secret: string, call: ReceivedCall): WebhookPayload {
  return new Webhook(secret).verify(call.body, signatureHeaders(call)) as WebhookPayload;
}

async function drain(worker = webhookWorker(t)) {
  for (let i = 0; i < 5; i++) await worker.runOnce();
}

/** Calls in the order their events happened (webhook-id is the delivery's UUIDv7). */
const inOrder = (calls: ReceivedCall[]) =>
  [...calls].sort((a, b) =>
    String(a.headers['webhook-id']).localeCompare(String(b.headers['webhook-id'])),
  );

const types = (calls: ReceivedCall[]) =>
  calls.map((c) => (JSON.parse(c.body) as WebhookPayload).type);

describe('webhook events', () => {
  it('reach each webhook that takes them, once, signed; other sites and switched-off hooks get nothing', async () => {
    const all = await addHook('/all');
    const created = await addHook('/created', ['inquiry.created']);
    await addHook('/off', ALL, { active: false });
    const ana = await addRep(t, { email: 'ana.wu@example.com', name: 'Ms. Ana Wu' });
    // Another site, with a webhook of its own and an inquiry of its own.
    const other = await addRep(t, { email: 'sam@other.example', siteKey: 'other' });
    await t.store.setDefaultRep(other.siteId, other.id);
    const otherSecret = newWebhookSecret();
    await t.store.createWebhook({
      id: 'hook-other',
      siteId: other.siteId,
      url: `${receiver.url}/other`,
      format: 'standard',
      events: ALL,
      secret: otherSecret,
      active: true,
      createdAt: t.now.value.toISOString(),
    });
    const otherInquiry = await t.app.request('/api/v1/sites/other/inquiries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(inquiryBody()),
    });
    expect(otherInquiry.status).toBe(201);

    const inquiry = await sendInquiry(t);
    const followUp = await t.app.request(`/api/v1/conversations/${inquiry.token}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Also 20 pieces of DN80?' }),
    });
    expect(followUp.status).toBe(201);
    const base = `/inquiries/${inquiry.id}`;
    for (const [method, path, body] of [
      ['POST', `${base}/messages`, { body: 'Quoted, see attached.', kind: 'reply' }],
      ['POST', `${base}/messages`, { body: 'internal: check stock', kind: 'note' }],
      ['PATCH', base, { status: 'closed' }],
      ['PATCH', base, { repId: ana.id }],
    ] as const) {
      const res = await inboxRequest(t, admin, method, path, body);
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    }
    await drain();
    await drain(); // nothing twice

    const calls = inOrder(receiver.callsTo('/all'));
    expect(types(calls)).toEqual([
      'inquiry.created',
      'message.created',
      'message.created',
      'inquiry.status_changed',
      'inquiry.status_changed',
      'inquiry.assigned',
    ]);
    const payloads = calls.map((c) => verified(all.secret, c));
    expect(new Set(calls.map((c) => c.headers['webhook-id'])).size).toBe(calls.length);
    expect(types(receiver.callsTo('/created'))).toEqual(['inquiry.created']);
    verified(created.secret, receiver.callsTo('/created')[0]!);
    expect(receiver.callsTo('/off')).toEqual([]);
    const [fromOther, ...more] = receiver.callsTo('/other');
    expect(more).toEqual([]);
    expect(verified(otherSecret, fromOther!).data.siteKey).toBe('other');

    const [first, visitorMessage, repMessage, waiting, closed, assigned] = payloads;
    expect(first?.data).toEqual({
      siteKey: 'demo',
      inquiry: {
        id: inquiry.id,
        url: `${PUBLIC_URL}/inbox/inquiries/${inquiry.id}`,
        status: 'new',
        createdAt: t.now.value.toISOString(),
        visitor: { name: 'Jane Buyer', company: 'Buyer GmbH', country: 'Germany' },
        products: [{ name: 'Ball Valve DN50', sku: 'BV-50', quantity: 500 }],
        rep: { id: moore.id, name: moore.name, email: moore.email },
      },
    });
    expect(visitorMessage?.data.message).toMatchObject({ author: 'visitor', rep: null });
    expect(repMessage?.data.message).toMatchObject({ author: 'rep', rep: { id: moore.id } });
    expect(waiting?.data).toMatchObject({ previousStatus: 'new', inquiry: { status: 'waiting' } });
    expect(closed?.data).toMatchObject({
      previousStatus: 'waiting',
      inquiry: { status: 'closed' },
    });
    expect(assigned?.data).toMatchObject({
      previousRep: { id: moore.id },
      inquiry: { rep: { id: ana.id, name: 'Ms. Ana Wu' } },
    });
    // What a webhook never carries: the visitor's address, phone and words, and their token.
    for (const call of calls) {
      for (const secret of ['jane@buyer.example', '1234567', 'Please quote', 'DN80', 'internal']) {
        expect(call.body).not.toContain(secret);
      }
      expect(call.body).not.toContain(inquiry.token);
    }
  });

  it('a signature fails for another body, another id or another secret', async () => {
    const { secret } = await addHook('/all');
    await sendInquiry(t);
    await drain();
    const [call] = receiver.callsTo('/all');
    if (!call) throw new Error('no call');
    expect(verified(secret, call).type).toBe('inquiry.created');
    const hook = new Webhook(secret);
    const headers = signatureHeaders(call);
    expect(() => hook.verify(call.body.replace('Jane', 'John'), headers)).toThrow();
    expect(() => hook.verify(call.body, { ...headers, 'webhook-id': 'other' })).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(call.body, headers),
    ).toThrow();
  });

  it('an inquiry held as spam sends nothing until "Not spam", which sends inquiry.created', async () => {
    await addHook('/all');
    const inquiry = await sendInquiry(t, { client: { honeypot: 'buy now' } });
    await drain();
    expect(receiver.calls).toEqual([]);
    const res = await inboxRequest(t, admin, 'PATCH', `/inquiries/${inquiry.id}`, {
      status: 'new',
    });
    expect(res.status).toBe(200);
    await drain();
    expect(types(inOrder(receiver.callsTo('/all')))).toEqual([
      'inquiry.created',
      'inquiry.status_changed',
    ]);
  });

  it('an inquiry marked spam and then "Not spam" is heard back from spam', async () => {
    const { secret } = await addHook('/all');
    const inquiry = await sendInquiry(t);
    for (const status of ['spam', 'open']) {
      const res = await inboxRequest(t, admin, 'PATCH', `/inquiries/${inquiry.id}`, { status });
      expect(res.status).toBe(200);
    }
    await drain();
    const calls = inOrder(receiver.callsTo('/all'));
    // Announced once: "Not spam" sends no second inquiry.created.
    expect(types(calls)).toEqual([
      'inquiry.created',
      'inquiry.status_changed',
      'inquiry.status_changed',
    ]);
    expect(verified(secret, calls[2]!).data).toMatchObject({
      previousStatus: 'spam',
      inquiry: { status: 'open' },
    });
  });

  it('a rotated secret signs what is sent afterwards', async () => {
    const { webhook, secret: old } = await addHook('/all');
    const res = await inboxRequest(t, admin, 'POST', `/admin/webhooks/${webhook.id}/secret`);
    const { secret } = (await res.json()) as AdminWebhookSecret;
    expect(secret).not.toBe(old);
    await sendInquiry(t);
    await drain();
    const [call] = receiver.callsTo('/all');
    if (!call) throw new Error('no call');
    expect(verified(secret, call).type).toBe('inquiry.created');
    expect(() => verified(old, call)).toThrow();
  });
});
