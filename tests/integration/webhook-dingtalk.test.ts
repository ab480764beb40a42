import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminWebhook, AdminWebhookSecret, ErrorBody } from '../../contract';
import { WEBHOOK } from '../../server/domain/webhook-events';
import { dingtalkSign, startDingtalkRobot, type DingtalkRobot } from '../support/dingtalk-robot';
import { inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { webhookWorker } from '../support/webhook-receiver';

// DingTalk custom robots in signed mode (加签): the admin gives the robot's secret, each call's
// URL carries a timestamp and a sign made when it is sent, and the robot checks both.

const SECRET = `SEC${'0123456789abcdef'.repeat(4)}`;

let t: TestApp;
let admin: string;
let robot: DingtalkRobot;

beforeEach(async () => {
  t = await createTestApp({}, { allowPrivateWebhooks: true });
  admin = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await robot.close();
  await t.close();
});

const call = (method: string, path: string, body?: unknown) =>
  inboxRequest(t, admin, method, `/admin/webhooks${path}`, body);

const robotInput = (over: Record<string, unknown> = {}) => ({
  url: robot.url,
  format: 'dingtalk',
  events: ['inquiry.created'],
  active: true,
  ...over,
});

async function addRobot(over: Record<string, unknown> = {}): Promise<AdminWebhookSecret> {
  const res = await call('POST', '', robotInput(over));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AdminWebhookSecret;
}

async function webhookRows() {
  return t.db.selectFrom('deliveries').selectAll().where('kind', '=', WEBHOOK).execute();
}

describe('a signed DingTalk robot', () => {
  it('gets timestamp and sign in its URL, which the robot accepts', async () => {
    robot = await startDingtalkRobot(SECRET);
    const { webhook } = await addRobot({ secret: SECRET });
    expect(webhook).toMatchObject({ format: 'dingtalk', signed: true });
    const before = Date.now();
    await sendInquiry(t);
    await webhookWorker(t).runOnce();

    const [sent] = robot.calls;
    if (!sent) throw new Error('no call');
    expect(sent.errcode).toBe(0);
    expect(JSON.parse(sent.body)).toMatchObject({ msgtype: 'text' });
    const query = new URLSearchParams(sent.query);
    expect(query.get('access_token')).toBe('0123456789abcdef');
    // Made when sent, with the real clock (not the app's test clock, which is in 2026).
    const timestamp = Number(query.get('timestamp'));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
    // The sign as DingTalk documents it, URL-encoded (base64's + / = escaped).
    const sign = encodeURIComponent(dingtalkSign(SECRET, String(timestamp)));
    expect(sent.query).toContain(`&sign=${sign}`);
    expect((await webhookRows()).map((r) => r.state)).toEqual(['sent']);
  });

  it('signs each attempt afresh', async () => {
    robot = await startDingtalkRobot(SECRET);
    await addRobot({ secret: SECRET });
    robot.answer(130101);
    await sendInquiry(t);
    const worker = webhookWorker(t);
    expect((await worker.runOnce()).map((r) => r.outcome)).toContain('retry');
    t.now.value = new Date(t.now.value.getTime() + 3_600_000);
    await worker.runOnce();
    expect(robot.calls.map((c) => c.errcode)).toEqual([130101, 0]);
    expect((await webhookRows()).map((r) => r.state)).toEqual(['sent']);
  });

  it('with the wrong secret is refused by the robot and fails for good', async () => {
    robot = await startDingtalkRobot(SECRET);
    await addRobot({ secret: `SEC${'f'.repeat(64)}` });
    await sendInquiry(t);
    await webhookWorker(t).runOnce();
    expect(robot.calls.map((c) => c.errcode)).toEqual([310000]);
    const [row] = await webhookRows();
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row?.lastError).toMatch(/errcode 310000: .*sign not match/);
  });

  it('without a secret stays unsigned: no timestamp or sign', async () => {
    robot = await startDingtalkRobot(null);
    const { webhook } = await addRobot();
    expect(webhook.signed).toBe(false);
    await sendInquiry(t);
    await webhookWorker(t).runOnce();
    expect(robot.calls.map((c) => [c.query, c.errcode])).toEqual([
      ['access_token=0123456789abcdef', 0],
    ]);
  });

  it('a signed robot without signing is refused by it', async () => {
    robot = await startDingtalkRobot(SECRET);
    await addRobot();
    await sendInquiry(t);
    await webhookWorker(t).runOnce();
    expect(robot.calls.map((c) => c.errcode)).toEqual([310000]);
  });
});

describe('the robot’s secret in the admin API', () => {
  beforeEach(async () => {
    robot = await startDingtalkRobot(SECRET);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a secret without SEC', { secret: '0123456789abcdef0123456789abcdef' }, 'SEC'],
    ['a secret with spaces', { secret: 'SEC 0123456789abcdef 0123456789' }, 'SEC'],
    ['a short secret', { secret: 'SEC0123' }, 'SEC'],
    ['a secret for Standard Webhooks', { format: 'standard', secret: SECRET }, 'DingTalk'],
    ['a secret for Slack', { format: 'slack', secret: SECRET }, 'DingTalk'],
  ])('refuses %s with a message on the secret field', async (_, over, says) => {
    const res = await call('POST', '', robotInput(over));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.secret).toContain(says);
    const site = await t.store.findSiteByKey('demo');
    expect(await t.store.listWebhooks(site?.id ?? '')).toEqual([]);
  });

  it('keeps the secret when a change leaves it out, removes it on null, never lists it', async () => {
    const { webhook } = await addRobot({ secret: ` ${SECRET} ` });
    expect((await t.store.findWebhook(webhook.id))?.secret).toBe(SECRET);
    expect(await (await call('GET', '')).text()).not.toContain(SECRET.slice(3));

    const kept = await call('PUT', `/${webhook.id}`, robotInput({ events: ['inquiry.assigned'] }));
    expect(((await kept.json()) as AdminWebhook).signed).toBe(true);
    expect((await t.store.findWebhook(webhook.id))?.secret).toBe(SECRET);

    const other = `SEC${'a1'.repeat(32)}`;
    await call('PUT', `/${webhook.id}`, robotInput({ secret: other }));
    expect((await t.store.findWebhook(webhook.id))?.secret).toBe(other);

    const dropped = await call('PUT', `/${webhook.id}`, robotInput({ secret: null }));
    expect(((await dropped.json()) as AdminWebhook).signed).toBe(false);
    expect((await t.store.findWebhook(webhook.id))?.secret).toMatch(/^whsec_/);
  });

  it('a robot turned into a Standard Webhook gets a secret of its own, not the robot’s', async () => {
    const { webhook } = await addRobot({ secret: SECRET });
    const rotate = await call('POST', `/${webhook.id}/secret`);
    expect(rotate.status).toBe(400);
    expect((await t.store.findWebhook(webhook.id))?.secret).toBe(SECRET);

    const res = await call('PUT', `/${webhook.id}`, robotInput({ format: 'standard' }));
    expect((await res.json()) as AdminWebhook).toMatchObject({ format: 'standard', signed: true });
    expect((await t.store.findWebhook(webhook.id))?.secret).toMatch(/^whsec_/);
    const rotated = await call('POST', `/${webhook.id}/secret`);
    expect(((await rotated.json()) as AdminWebhookSecret).secret).toMatch(/^whsec_/);
  });
});
