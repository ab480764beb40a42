import { createHmac } from 'node:crypto';
import type { Webhook } from '../storage/webhook-queries';

// DingTalk custom robots in signed mode (加签): each call's URL carries `timestamp` (ms) and
// `sign`, base64 HMAC-SHA256 of "timestamp\nsecret" keyed with the secret; DingTalk refuses a
// timestamp more than an hour from its clock, so the signature is made at each attempt.
// https://open.dingtalk.com/document/robots/customize-robot-security-settings

/** The robot's signing secret (kept in the webhook's `secret`), or null for an unsigned one. */
export function dingtalkSecret(hook: Pick<Webhook, 'format' | 'secret'>): string | null {
  // A webhook keeps a `whsec_` secret whatever its format; only DingTalk's start with SEC.
  return hook.format === 'dingtalk' && hook.secret.startsWith('SEC') ? hook.secret : null;
}

/** The robot's address with `timestamp` and `sign` for the instant `at`. */
export function signedDingtalkUrl(url: string, secret: string, at: Date): URL {
  const timestamp = String(at.getTime());
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const signed = new URL(url);
  // set, not append: an address pasted with an old timestamp and sign gets fresh ones.
  // URLSearchParams encodes the base64's + / = as DingTalk asks (urlEncode).
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('sign', sign);
  return signed;
}
