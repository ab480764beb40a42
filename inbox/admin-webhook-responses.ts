import {
  type AdminWebhook,
  type AdminWebhookSecret,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
} from '../contract/admin';
import { isRecord, listOf, oneOf } from './read-values';

// Readers of the webhook answers of the admin API (see admin-responses.ts).

/** Reads one webhook. */
export function readAdminWebhook(body: unknown): AdminWebhook | null {
  if (!isRecord(body)) return null;
  const { id, url, createdAt } = body;
  const format = oneOf(WEBHOOK_FORMATS, body.format);
  const events = listOf(body.events, (e) => oneOf(WEBHOOK_EVENTS, e));
  if (typeof id !== 'string' || typeof url !== 'string' || typeof createdAt !== 'string')
    return null;
  if (!format || !events) return null;
  const active = body.active === true;
  return { id, url, format, events, active, signed: body.signed === true, createdAt };
}

/** Reads a webhook with its secret (creation, a new secret). */
export function readWebhookSecret(body: unknown): AdminWebhookSecret | null {
  if (!isRecord(body) || typeof body.secret !== 'string') return null;
  const webhook = readAdminWebhook(body.webhook);
  return webhook && { webhook, secret: body.secret };
}

/** Reads the queued test event's delivery id. */
export function readTestQueued(body: unknown): string | null {
  return isRecord(body) && typeof body.deliveryId === 'string' ? body.deliveryId : null;
}
