import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import { ConfigFileError } from '../../server/config-file';
import { newWebhookSecret, rotateWebhookSecret } from '../../server/domain/webhooks-admin';
import type { Webhook } from '../../server/storage/webhook-queries';
import { applyConfig } from '../support/config-file';
import { startDingtalkRobot, type DingtalkRobot } from '../support/dingtalk-robot';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  signatureHeaders,
  startWebhookReceiver,
  webhookWorker,
  type WebhookReceiver,
} from '../support/webhook-receiver';

// Webhooks declared per site in liaison.config.json, known by their URL.

const ROBOT_SECRET = `SEC${'0123456789abcdef'.repeat(4)}`;
const HOOKS = 'https://hooks.example.com';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const site = (webhooks: unknown[]) => ({ sites: [{ key: 'demo', name: 'Hengda', webhooks }] });

async function stored(): Promise<Webhook[]> {
  const demo = await t.store.findSiteByKey('demo');
  return t.store.listWebhooks(demo?.id ?? '');
}

describe('webhooks in liaison.config.json', () => {
  const file = site([
    { url: `${HOOKS}/crm`, events: ['inquiry.created', 'inquiry.assigned'] },
    {
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      format: 'dingtalk',
      events: ['inquiry.created'],
      secret: ROBOT_SECRET,
    },
    { url: `${HOOKS}/slack`, format: 'slack', events: ['message.created'], active: false },
  ]);

  it('adds them, and applying the same file again changes nothing', async () => {
    expect(await applyConfig(t, file)).toEqual([
      'site demo: 0 reps, 0 teams, rules unchanged, 3 webhooks',
    ]);
    const first = await stored();
    expect(first).toMatchObject([
      {
        url: `${HOOKS}/crm`,
        format: 'standard',
        active: true,
        secret: expect.stringMatching(/^whsec_/),
      },
      { format: 'dingtalk', events: ['inquiry.created'], active: true, secret: ROBOT_SECRET },
      { url: `${HOOKS}/slack`, format: 'slack', events: ['message.created'], active: false },
    ]);
    await applyConfig(t, file);
    expect(await stored()).toEqual(first);
  });

  it('changes a webhook in place, keeps Liaison’s secret and leaves those the file drops', async () => {
    await applyConfig(t, file);
    const [crm, robot, slack] = await stored();
    if (!crm || !robot || !slack) throw new Error('not added');
    // An admin's new secret survives a restart: the file gives none.
    const { secret } = await rotateWebhookSecret(
      { store: t.store, newId: t.newId, clock: () => t.now.value },
      crm.siteId,
      crm.id,
    );
    await applyConfig(
      t,
      site([
        { url: `${HOOKS}/crm`, events: ['message.created'], active: false },
        {
          url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
          format: 'dingtalk',
          events: ['inquiry.created'],
          secret: null,
        },
      ]),
    );
    const after = await stored();
    expect(after.map((w) => w.id)).toEqual([crm.id, robot.id, slack.id]);
    expect(after[0]).toMatchObject({ events: ['message.created'], active: false, secret });
    expect(after[1]?.secret).toMatch(/^whsec_/);
    expect(after[2]).toEqual(slack);
  });

  it('keeps a switch the file does not set: a webhook turned off stays off', async () => {
    await applyConfig(t, site([{ url: `${HOOKS}/crm`, events: ['inquiry.created'] }]));
    const [crm] = await stored();
    await t.store.updateWebhook(crm?.id ?? '', { active: false });
    await applyConfig(t, site([{ url: `${HOOKS}/crm`, events: ['inquiry.created'] }]));
    expect((await stored())[0]?.active).toBe(false);
  });

  it.each([
    [{ url: 'http://hooks.example.com/x', events: ['inquiry.created'] }, /webhooks\[0\]\.url: /],
    [{ url: 'https://127.0.0.1/x', events: ['inquiry.created'] }, /webhooks\[0\]\.url: .*private/],
    [{ url: `${HOOKS}/x`, events: [] }, /webhooks\[0\]\.events: Choose at least one event/],
    [{ url: `${HOOKS}/x`, events: ['inquiry.created'], format: 'teams' }, /webhooks\[0\]\.format/],
    [{ url: `${HOOKS}/x`, events: ['inquiry.created'], colour: 1 }, /unknown field\(s\) colour/],
    [
      { url: `${HOOKS}/x`, format: 'dingtalk', events: ['inquiry.created'], secret: 'abc' },
      /webhooks\[0\]\.secret: a DingTalk signing secret is SEC/,
    ],
    [
      { url: `${HOOKS}/x`, format: 'wecom', events: ['inquiry.created'], secret: ROBOT_SECRET },
      /webhooks\[0\]\.secret: a wecom webhook takes no secret/,
    ],
    [
      { url: `${HOOKS}/x`, events: ['inquiry.created'], secret: 'whsec_c2hvcnQ=' },
      /webhooks\[0\]\.secret: must be whsec_ and the base64 of 24 to 64 random bytes/,
    ],
    [
      { url: `${HOOKS}/x`, events: ['inquiry.created'], secret: null },
      /webhooks\[0\]\.secret: must be whsec_/,
    ],
  ])('refuses %j naming the entry, and adds nothing', async (hook, message) => {
    const content = site([hook]);
    await expect(applyConfig(t, content)).rejects.toThrow(ConfigFileError);
    await expect(applyConfig(t, content)).rejects.toThrow(message);
    expect(await stored()).toEqual([]);
  });

  it('refuses a URL listed twice', async () => {
    const hook = { url: `${HOOKS}/crm`, events: ['inquiry.created'] };
    await expect(applyConfig(t, site([hook, hook]))).rejects.toThrow(
      /sites\[0\]\.webhooks\[1\]\.url: https:\/\/hooks\.example\.com\/crm is listed twice/,
    );
    expect(await stored()).toEqual([]);
  });
});

describe('webhooks from the file are delivered', () => {
  let receiver: WebhookReceiver;
  let robot: DingtalkRobot;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    robot = await startDingtalkRobot(ROBOT_SECRET);
  });
  afterEach(async () => {
    await receiver.close();
    await robot.close();
  });

  it('signed with the file’s Standard Webhooks secret, and to the signed robot', async () => {
    const secret = newWebhookSecret();
    const events = ['inquiry.created'];
    await applyConfig(
      t,
      site([
        { url: `${receiver.url}/crm`, events, secret },
        { url: robot.url, format: 'dingtalk', events, secret: ROBOT_SECRET },
      ]),
      { allowPrivateWebhooks: true },
    );
    await sendInquiry(t);
    await webhookWorker(t).runOnce();
    const [call] = receiver.callsTo('/crm');
    if (!call) throw new Error('no call');
    expect(new Verifier(secret).verify(call.body, signatureHeaders(call))).toMatchObject({
      type: 'inquiry.created',
    });
    expect(robot.calls.map((c) => c.errcode)).toEqual([0]);
  });
});
