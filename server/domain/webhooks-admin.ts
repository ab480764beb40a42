// The admin section's webhooks: add, change, remove, a new secret, a test event. The contract
// has checked each body's shape; here the URL is checked against what this server may call.
// Secrets are kept as given (HMAC needs them), in the webhook's one `secret` column: the
// `whsec_` one Liaison makes, or a signed DingTalk robot's `SEC...` (webhook-dingtalk.ts).
import { randomBytes } from 'node:crypto';
import type {
  AdminWebhook,
  AdminWebhookSecret,
  WebhookFormat,
  WebhookInput,
  WebhookTestQueued,
} from '../../contract';
import type { Webhook } from '../storage/webhook-queries';
import type { AdminDeps } from './admin';
import { DomainError } from './errors';
import { webhookUrlProblem } from './webhook-address';
import { dingtalkSecret } from './webhook-dingtalk';
import { TEST_EVENT, WEBHOOK } from './webhook-events';

/** What the webhook admin functions need; `allowPrivateWebhooks` as WEBHOOKS_ALLOW_PRIVATE. */
export type WebhookAdminDeps = AdminDeps & { allowPrivateWebhooks?: boolean };

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64 (the spec asks 24 to 64). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const view = (hook: Webhook): AdminWebhook => ({
  id: hook.id,
  url: hook.url,
  format: hook.format,
  events: hook.events,
  active: hook.active,
  signed: hook.format === 'standard' || dingtalkSecret(hook) !== null,
  createdAt: hook.createdAt,
});

const ROBOT_SECRET_ONLY =
  'Only a DingTalk robot takes a signing secret; Liaison makes the Standard Webhooks one.';

/**
 * The secret to keep: a DingTalk robot's when given (absent keeps the robot's current one),
 * otherwise the webhook's `whsec_` secret, or a new one where there is none (a new webhook, or
 * one that was a signed robot: the admin sees it with "New secret").
 */
function secretFor(
  format: WebhookFormat,
  given: string | null | undefined,
  stored: Webhook | null,
): string {
  if (given && format !== 'dingtalk') {
    throw new DomainError('VALIDATION_FAILED', ROBOT_SECRET_ONLY, { secret: ROBOT_SECRET_ONLY });
  }
  if (given) return given;
  if (!stored) return newWebhookSecret();
  const robot = dingtalkSecret(stored);
  if (!robot) return stored.secret;
  return format === 'dingtalk' && given === undefined ? robot : newWebhookSecret();
}

function checkUrl(deps: WebhookAdminDeps, url: string): void {
  const problem = webhookUrlProblem(url, deps.allowPrivateWebhooks ?? false);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { url: problem });
}

async function ownWebhook(deps: WebhookAdminDeps, siteId: string, id: string): Promise<Webhook> {
  const hook = await deps.store.findWebhook(id);
  if (!hook || hook.siteId !== siteId) throw new DomainError('NOT_FOUND', 'No such webhook.');
  return hook;
}

/** The site's webhooks, oldest first. */
export async function adminWebhooks(
  { store }: WebhookAdminDeps,
  siteId: string,
): Promise<AdminWebhook[]> {
  return (await store.listWebhooks(siteId)).map(view);
}

/**
 * Adds a webhook with a new secret, which the answer shows this once (or a DingTalk robot with
 * the signing secret it was given).
 */
export async function createWebhook(
  deps: WebhookAdminDeps,
  siteId: string,
  { secret, ...input }: WebhookInput,
): Promise<AdminWebhookSecret> {
  checkUrl(deps, input.url);
  const hook: Webhook = {
    id: deps.newId(),
    siteId,
    ...input,
    secret: secretFor(input.format, secret, null),
    createdAt: deps.clock().toISOString(),
  };
  await deps.store.createWebhook(hook);
  return { webhook: view(hook), secret: hook.secret };
}

/**
 * Changes a webhook's URL, format, events or switch, and a DingTalk robot's signing secret;
 * its Standard Webhooks secret stays.
 */
export async function updateWebhook(
  deps: WebhookAdminDeps,
  siteId: string,
  id: string,
  { secret, ...input }: WebhookInput,
): Promise<AdminWebhook> {
  const hook = await ownWebhook(deps, siteId, id);
  checkUrl(deps, input.url);
  const patch = { ...input, secret: secretFor(input.format, secret, hook) };
  await deps.store.updateWebhook(id, patch);
  return view({ ...hook, ...patch });
}

/** Removes a webhook; its pending calls are dropped when they come due. */
export async function deleteWebhook(
  deps: WebhookAdminDeps,
  siteId: string,
  id: string,
): Promise<void> {
  await ownWebhook(deps, siteId, id);
  await deps.store.deleteWebhook(id);
}

/** Replaces a webhook's secret at once (calls still pending are signed with the new one). */
export async function rotateWebhookSecret(
  deps: WebhookAdminDeps,
  siteId: string,
  id: string,
): Promise<AdminWebhookSecret> {
  const hook = await ownWebhook(deps, siteId, id);
  // A preset does not use it, and a DingTalk robot's secret is DingTalk's, not ours to replace.
  if (hook.format !== 'standard') {
    const message = 'Only a Standard Webhooks webhook has a secret made by Liaison.';
    throw new DomainError('VALIDATION_FAILED', message, { format: message });
  }
  const secret = newWebhookSecret();
  await deps.store.updateWebhook(id, { secret });
  return { webhook: view(hook), secret };
}

/**
 * Queues a `webhook.test` event to one webhook (active or not, so it can be tried before it is
 * switched on): the outbox sends it like any other, and a refusal shows as undelivered.
 */
export async function sendTestEvent(
  deps: WebhookAdminDeps,
  siteId: string,
  id: string,
): Promise<WebhookTestQueued> {
  await ownWebhook(deps, siteId, id);
  const deliveryId = deps.newId();
  const at = deps.clock().toISOString();
  await deps.store.enqueue(
    [
      {
        id: deliveryId,
        kind: WEBHOOK,
        siteId,
        inquiryId: null,
        payload: { siteId, webhookId: id, test: true, event: { type: TEST_EVENT, at } },
        dedupeKey: `${WEBHOOK}:${id}:${TEST_EVENT}:${deliveryId}`,
      },
    ],
    at,
  );
  return { deliveryId };
}
