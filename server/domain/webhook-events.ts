import * as z from 'zod/mini';
import { type Channel, STATUSES, WEBHOOK_EVENTS, type WebhookEvent } from '../../contract';
import type {
  Inquiry,
  InquiryPatch,
  InquiryStatus,
  Message,
  NewDelivery,
  Site,
  Store,
} from '../storage/store';

/** The delivery kind that POSTs one event to one webhook. */
export const WEBHOOK = 'webhook';

/** The outbox lane of a webhook's deliveries: sent in order, put off together while it fails. */
export const webhookLane = (webhookId: string) => `${WEBHOOK}:${webhookId}`;

/** Sent by the admin's "Send test event": no inquiry, only proof that the URL answers. */
export const TEST_EVENT = 'webhook.test';

const CHANNELS = ['widget', 'email', 'inbox', 'api'] as const satisfies readonly Channel[];

/**
 * One event as the outbox keeps it: ids and states at the moment of the change, nothing a
 * visitor typed. Names are looked up when it is sent (webhook-payload.ts), so deleting a
 * visitor's inquiries also leaves nothing of theirs in pending webhook calls.
 */
export const WebhookFact = z.object({
  type: z.enum([...WEBHOOK_EVENTS, TEST_EVENT]),
  /** When it happened (ISO). */
  at: z.string(),
  inquiryId: z.optional(z.string()),
  /** The inquiry's status and rep once the change is made. */
  status: z.optional(z.enum(STATUSES)),
  repId: z.optional(z.nullable(z.string())),
  // message.created
  messageId: z.optional(z.string()),
  author: z.optional(z.enum(['visitor', 'rep'])),
  authorRepId: z.optional(z.nullable(z.string())),
  channel: z.optional(z.enum(CHANNELS)),
  // inquiry.status_changed, inquiry.assigned
  previousStatus: z.optional(z.enum(STATUSES)),
  previousRepId: z.optional(z.nullable(z.string())),
});
export type WebhookFact = z.infer<typeof WebhookFact>;

/** The status `patch` leaves an inquiry of status `current` in (InquiryPatch.statusFrom). */
export function statusAfter(current: InquiryStatus, patch: InquiryPatch): InquiryStatus {
  if (patch.status === undefined) return current;
  return !patch.statusFrom || patch.statusFrom.includes(current) ? patch.status : current;
}

/**
 * The events one message sets off (conversation.ts `post`): the message itself (the visitor's
 * or a rep's; notes and system lines stay inside), a status change, a new rep. An inquiry held
 * as spam sends nothing until "Not spam", which is its `inquiry.created` (if it was never
 * announced) and a status change from spam.
 */
export function messageFacts(
  inquiry: Inquiry,
  message: Pick<Message, 'id' | 'authorKind' | 'authorRepId' | 'channel' | 'createdAt'>,
  patch: InquiryPatch,
): WebhookFact[] {
  const status = statusAfter(inquiry.status, patch);
  const repId = patch.repId === undefined ? inquiry.repId : patch.repId;
  const base = { at: message.createdAt, inquiryId: inquiry.id, status, repId };
  if (inquiry.status === 'spam') {
    if (status === 'spam') return [];
    // "Not spam": new to a receiver that never heard of it (once per inquiry), and back from
    // spam to one that heard it marked so; both carry its rep, who may have changed meanwhile.
    return [
      { ...base, type: 'inquiry.created' },
      { ...base, type: 'inquiry.status_changed', previousStatus: 'spam' },
    ];
  }
  const facts: WebhookFact[] = [];
  if (message.authorKind === 'visitor' || message.authorKind === 'rep') {
    facts.push({
      ...base,
      type: 'message.created',
      messageId: message.id,
      author: message.authorKind,
      authorRepId: message.authorRepId,
      channel: message.channel,
    });
  }
  if (status !== inquiry.status) {
    facts.push({ ...base, type: 'inquiry.status_changed', previousStatus: inquiry.status });
  }
  if (repId !== inquiry.repId && repId !== null) {
    facts.push({ ...base, type: 'inquiry.assigned', previousRepId: inquiry.repId });
  }
  return facts;
}

/** The event of a new inquiry accepted at once (not held as spam). */
export function createdFact(inquiry: Inquiry): WebhookFact {
  return {
    type: 'inquiry.created',
    at: inquiry.createdAt,
    inquiryId: inquiry.id,
    status: inquiry.status,
    repId: inquiry.repId,
  };
}

/**
 * One delivery per fact and per active webhook of the site that takes its type, to be written
 * in the transaction of the change. `causeId` (the message that records the change) makes each
 * dedupe key; an inquiry is created once, whatever caused it.
 */
export async function webhookDeliveries(
  { store, newId }: { store: Store; newId: () => string },
  /** The site as the request read it (its kept configuration holds the webhooks), or its id. */
  site: Site | string,
  facts: WebhookFact[],
  causeId: string,
): Promise<NewDelivery[]> {
  if (facts.length === 0) return [];
  const siteId = typeof site === 'string' ? site : site.id;
  const hooks =
    typeof site === 'string'
      ? await store.activeWebhooks(siteId)
      : (await store.siteConfig(site)).webhooks;
  return facts.flatMap((fact) =>
    hooks
      .filter((hook) => hook.events.includes(fact.type as WebhookEvent))
      .map((hook) => ({
        id: newId(),
        kind: WEBHOOK,
        siteId,
        inquiryId: fact.inquiryId ?? null,
        payload: { inquiryId: fact.inquiryId, siteId, webhookId: hook.id, event: fact },
        lane: webhookLane(hook.id),
        dedupeKey: `${WEBHOOK}:${hook.id}:${fact.type}:${
          fact.type === 'inquiry.created' ? fact.inquiryId : causeId
        }`,
      })),
  );
}
