import type { Channel } from '../../contract';
import type {
  IdempotencyRecord,
  Inquiry,
  InquiryPatch,
  Message,
  NewDelivery,
  Rep,
  Store,
} from '../storage/store';
import type { EventBus } from './events';
import { REP_NOTIFICATION } from './rep-notification';
import { messageFacts, webhookDeliveries } from './webhook-events';

/** The delivery kind that mails a rep's reply to the visitor. */
export const VISITOR_REPLY = 'visitor-reply';

export interface ConversationDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  events: EventBus;
}

// Every message, whoever writes it and however it arrives (widget, inbox, mail), goes through
// `post`: one transaction for the message, its effect on the inquiry and its deliveries (mail,
// and the site's webhooks for the message, a status change, a new rep), then one live event.
async function post(
  { store, clock, newId, events }: ConversationDeps,
  inquiry: Inquiry,
  draft: Pick<Message, 'authorKind' | 'authorRepId' | 'body' | 'channel'>,
  patch: InquiryPatch,
  deliveryKind: string | null,
  once: { id: string; idempotency: IdempotencyRecord } | null = null,
): Promise<Message> {
  const message: Message = {
    id: once?.id ?? newId(),
    inquiryId: inquiry.id,
    createdAt: clock().toISOString(),
    ...draft,
  };
  const deliveries: NewDelivery[] = deliveryKind
    ? [
        {
          id: newId(),
          kind: deliveryKind,
          payload: { inquiryId: inquiry.id, messageId: message.id },
          dedupeKey: `${deliveryKind}:${message.id}`,
        },
      ]
    : [];
  deliveries.push(
    ...(await webhookDeliveries(
      { store, newId },
      inquiry.siteId,
      messageFacts(inquiry, message, patch),
      message.id,
    )),
  );
  await store.addMessage({
    message,
    patch,
    deliveries,
    ...(once && { idempotency: once.idempotency }),
  });
  events.publish({
    type: 'message',
    siteId: inquiry.siteId,
    repId: patch.repId === undefined ? inquiry.repId : patch.repId,
    inquiryId: inquiry.id,
    visitorVisible: draft.authorKind === 'visitor' || draft.authorKind === 'rep',
  });
  return message;
}

/**
 * A visitor's follow-up: it reopens a waiting or closed inquiry, marks it unread and awaiting
 * a reply, and notifies the assigned rep (not for spam: that waits for "Not spam").
 */
export function addVisitorMessage(
  deps: ConversationDeps,
  inquiry: Inquiry,
  body: string,
  channel: Channel,
  /** A pre-made id and the Idempotency-Key record to store with the message. */
  once: { id: string; idempotency: IdempotencyRecord } | null = null,
): Promise<Message> {
  const now = deps.clock().toISOString();
  const reopen = inquiry.status === 'waiting' || inquiry.status === 'closed';
  return post(
    deps,
    inquiry,
    { authorKind: 'visitor', authorRepId: null, body, channel },
    { unread: true, awaitingReply: true, lastActivityAt: now, ...(reopen && { status: 'open' }) },
    inquiry.repId && inquiry.status !== 'spam' ? REP_NOTIFICATION : null,
    once,
  );
}

/** A rep's reply (mailed to the visitor; the ball is then with them) or internal note. */
export function addRepMessage(
  deps: ConversationDeps,
  rep: Rep,
  inquiry: Inquiry,
  body: string,
  kind: 'reply' | 'note',
  channel: Channel,
): Promise<Message> {
  if (kind === 'note') {
    return post(
      deps,
      inquiry,
      { authorKind: 'note', authorRepId: rep.id, body, channel },
      {},
      null,
    );
  }
  return post(
    deps,
    inquiry,
    { authorKind: 'rep', authorRepId: rep.id, body, channel },
    {
      unread: false,
      awaitingReply: false,
      lastActivityAt: deps.clock().toISOString(),
      // Kept only if it is the first: reply-time statistics and escalation read it.
      firstReplyAt: deps.clock().toISOString(),
      ...(inquiry.status !== 'spam' && { status: 'waiting' }),
    },
    VISITOR_REPLY,
  );
}

/** A system event in the thread ("Reassigned to ..."), with the change it records. */
export function addSystemMessage(
  deps: ConversationDeps,
  inquiry: Inquiry,
  body: string,
  patch: InquiryPatch,
): Promise<Message> {
  return post(
    deps,
    inquiry,
    { authorKind: 'system', authorRepId: null, body, channel: 'inbox' },
    patch,
    null,
  );
}
