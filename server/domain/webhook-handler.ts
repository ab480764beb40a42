import { Webhook as Signer } from 'standardwebhooks';
import type { Delivery, Store } from '../storage/store';
import { type DeliveryHandler, PermanentDeliveryError } from './outbox';
import { webhookUrlProblem } from './webhook-address';
import { dingtalkSecret, signedDingtalkUrl } from './webhook-dingtalk';
import { WebhookFact } from './webhook-events';
import { buildPayload, renderBody } from './webhook-payload';
import { postWebhook, RefusedAddressError, type PostAnswer } from './webhook-post';

/** What the webhook sender needs besides the store. */
export interface WebhookSendOptions {
  /** http:// and loopback or private addresses allowed (WEBHOOKS_ALLOW_PRIVATE; tests). */
  allowPrivate?: boolean;
  /** Give up on an answer after this long; well within the outbox lease (main.ts: lease / 3). */
  timeoutMs?: number;
  /** The clock of webhook-timestamp and DingTalk's timestamp: real time, as receivers' own. */
  now?: () => Date;
}

// DingTalk and WeCom answer 200 with an error code in the body; these codes mean "too fast,
// later" (DingTalk 130101, WeCom 45009 and 45033), every other non-zero one a mistake.
const CHAT_RETRY_CODES = new Set([130101, 45009, 45033]);

/**
 * Whether an answer means delivered; throws to retry (5xx, 408, 429, timeouts) and
 * PermanentDeliveryError for what a retry cannot mend (other 4xx, redirects, chat errors).
 */
function judge(format: string, answer: PostAnswer): void {
  const { status, body } = answer;
  const said = body.trim().slice(0, 200);
  if (status >= 200 && status < 300) {
    if (format !== 'wecom' && format !== 'dingtalk') return;
    const code = chatErrorCode(body);
    if (code === 0) return;
    const error = `the receiver answered errcode ${code}: ${said}`;
    if (CHAT_RETRY_CODES.has(code)) throw new Error(error);
    throw new PermanentDeliveryError(error);
  }
  const error = `the receiver answered ${status}${said ? `: ${said}` : ''}`;
  if (status === 408 || status === 429 || status >= 500) throw new Error(error);
  throw new PermanentDeliveryError(
    status >= 300 && status < 400 ? `${error} (redirects are not followed)` : error,
  );
}

function chatErrorCode(body: string): number {
  try {
    const parsed: unknown = JSON.parse(body);
    const code =
      typeof parsed === 'object' && parsed ? (parsed as { errcode?: unknown }).errcode : 0;
    return typeof code === 'number' ? code : 0;
  } catch {
    // Not JSON: not one of their error answers.
    return 0;
  }
}

/**
 * POSTs one event to one webhook: Standard Webhooks JSON signed with the webhook's secret
 * (webhook-id is the delivery's id, the same on every retry), or a chat tool's text message
 * (to a signed DingTalk robot with a fresh signature in the URL). A webhook deleted or switched off since the event drops it.
 */
export const webhookHandler = (
  { store, publicUrl }: { store: Store; publicUrl: string },
  { allowPrivate = false, timeoutMs = 10_000, now = () => new Date() }: WebhookSendOptions = {},
): DeliveryHandler =>
  async function webhook(delivery: Delivery) {
    const { webhookId, event } = delivery.payload;
    const fact = WebhookFact.safeParse(event);
    if (typeof webhookId !== 'string' || !fact.success) {
      throw new PermanentDeliveryError('the delivery does not name a webhook and an event');
    }
    const hook = await store.findWebhook(webhookId);
    // A test event goes to a webhook that is off too: to try it before switching it on.
    if (!hook || (!hook.active && delivery.payload.test !== true)) return;
    const site = await store.findSite(hook.siteId);
    const payload = site && (await buildPayload({ store, publicUrl }, site.key, fact.data));
    if (!payload) return;
    const body = renderBody(hook.format, payload);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Liaison-Webhooks/1',
    };
    const at = now();
    if (hook.format === 'standard') {
      headers['webhook-id'] = delivery.id;
      headers['webhook-timestamp'] = String(Math.floor(at.getTime() / 1000));
      headers['webhook-signature'] = new Signer(hook.secret).sign(delivery.id, at, body);
    }
    // Checked again here: the server's allowance may have been withdrawn since it was added.
    const problem = webhookUrlProblem(hook.url, allowPrivate);
    // Named by its origin only: a chat robot's URL carries its credential in the path or query,
    // and this message goes to the log, the delivery's row and the admins' mail.
    if (problem) throw new PermanentDeliveryError(`${originOf(hook.url)}: ${problem}`);
    const robotSecret = dingtalkSecret(hook);
    const url = robotSecret ? signedDingtalkUrl(hook.url, robotSecret, at) : new URL(hook.url);
    let answer: PostAnswer;
    try {
      answer = await postWebhook(url, body, headers, { allowPrivate, timeoutMs });
    } catch (err) {
      if (err instanceof RefusedAddressError) throw new PermanentDeliveryError(err.message);
      throw err;
    }
    // 410 Gone: the receiver is no more; the spec asks senders to stop calling it.
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
    if (answer.status === 410) await store.updateWebhook(hook.id, { active: false });
    judge(hook.format, answer);
  };

/** A webhook URL's scheme, host and port, or a placeholder when it cannot be read. */
function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : 'a webhook URL';
}
