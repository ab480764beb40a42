import type { Channel } from '../../contract';
import {
  InquiryGone,
  type IdempotencyRecord,
  type Inquiry,
  type InquiryPatch,
  type Message,
  type NewDelivery,
  type Rep,
  type Store,
  type TeamTurn,
} from '../storage/store';
import type { KeptFile } from './attachments';
import { DomainError } from './errors';
import { statusEvent, type EventBus } from './events';
import { REP_NOTIFICATION } from './rep-notification';
import { messageFacts, webhookDeliveries } from './webhook-events';

/** The delivery kind that mails a rep's reply to the visitor. */
export const VISITOR_REPLY = 'visitor-reply';

/** What a message may bring besides its text, stored in its transaction. */
export interface MessageExtras {
  /** A pre-made id and the Idempotency-Key record to store with the message. */
  once?: { id: string; idempotency: IdempotencyRecord } | null;
  /** Files that came with it (a mailed reply's), kept as its inquiry's attachments. */
  files?: KeptFile[];
  /** The most files its inquiry may hold with these (Store.addMessage: TooManyFiles). */
  filesMax?: number;
}

export interface ConversationDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  events: EventBus;
}

// Every message, whoever writes it and however it arrives (widget, inbox, mail), goes through
// `post`: one transaction for the message, its effect on the inquiry and its deliveries (mail,
// what the change sets off, and the site's webhooks for the message, a status change, a new
// rep), then one live event. Null when nothing was stored (InquiryPatch.escalatedAt).
async function post(
  { store, clock, newId, events }: ConversationDeps,
  inquiry: Inquiry,
  draft: Pick<Message, 'authorKind' | 'authorRepId' | 'body' | 'channel'>,
  patch: InquiryPatch,
  {
    notify = null,
    deliveries: caused = [],
    once = null,
    files = [],
    filesMax,
    teamTurn,
  }: MessageExtras & {
    /** The delivery kind that sends this message on (to the rep, to the visitor). */
    notify?: string | null;
    /** What else the change sets off, written with it. */
    deliveries?: NewDelivery[];
    /**
     * A team's round-robin turn the change takes, written after its claim (Store.addMessage:
     * TurnTaken): an escalation's system message only.
     */
    teamTurn?: TeamTurn | null;
  } = {},
): Promise<Message | null> {
  const message: Message = {
    id: once?.id ?? newId(),
    inquiryId: inquiry.id,
    createdAt: clock().toISOString(),
    ...draft,
  };
  const deliveries: NewDelivery[] = notify
    ? [
        {
          id: newId(),
          kind: notify,
          siteId: inquiry.siteId,
          inquiryId: inquiry.id,
          payload: { inquiryId: inquiry.id, messageId: message.id },
          dedupeKey: `${notify}:${message.id}`,
        },
      ]
    : [];
  deliveries.push(
    ...caused,
    ...(await webhookDeliveries(
      { store, newId },
      inquiry.siteId,
      messageFacts(inquiry, message, patch),
      message.id,
    )),
  );
  const stored = await store
    .addMessage({
      message,
      patch,
      deliveries,
      ...(once && { idempotency: once.idempotency }),
      ...(filesMax !== undefined && { filesMax }),
      ...(teamTurn && { teamTurn }),
      attachments: files.map((file) => ({
        ...file,
        id: newId(),
        siteId: inquiry.siteId,
        size: file.data.length,
        createdAt: message.createdAt,
      })),
    })
    .catch((err: unknown) => {
      // Deleted since it was read (the retention purge, an erasure): a 404, not a 500.
      if (!(err instanceof InquiryGone)) throw err;
      throw draft.authorKind === 'visitor'
        ? new DomainError('CONVERSATION_NOT_FOUND', 'This conversation no longer exists.')
        : new DomainError('NOT_FOUND', 'This inquiry no longer exists.');
    });
  if (!stored) return null;
  const repId = patch.repId === undefined ? inquiry.repId : patch.repId;
  events.publish({
    type: 'message',
    siteId: inquiry.siteId,
    repId,
    inquiryId: inquiry.id,
    visitorVisible: draft.authorKind === 'visitor' || draft.authorKind === 'rep',
  });
  // Handed on: the former rep's inbox drops it (a rep sees only their own inquiries).
  if (repId !== inquiry.repId) events.publish(statusEvent(inquiry));
  return message;
}

/** A message whose patch sets nothing once is always stored. */
function always(message: Message | null): Message {
  if (!message) throw new Error('a message without a set-once change was not stored');
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
  extras: MessageExtras = {},
): Promise<Message> {
  const now = deps.clock().toISOString();
  return post(
    deps,
    inquiry,
    { authorKind: 'visitor', authorRepId: null, body, channel },
    {
      unread: true,
      awaitingReply: true,
      lastActivityAt: now,
      // Decided as it is written: a rep closing it meanwhile does not leave it closed.
      status: 'open',
      statusFrom: ['waiting', 'closed'],
    },
    { notify: inquiry.repId && inquiry.status !== 'spam' ? REP_NOTIFICATION : null, ...extras },
  ).then(always);
}

/** A rep's reply (mailed to the visitor; the ball is then with them) or internal note. */
export function addRepMessage(
  deps: ConversationDeps,
  rep: Rep,
  inquiry: Inquiry,
  body: string,
  kind: 'reply' | 'note',
  channel: Channel,
  extras: MessageExtras = {},
): Promise<Message> {
  if (kind === 'note') {
    return post(
      deps,
      inquiry,
      { authorKind: 'note', authorRepId: rep.id, body, channel },
      {},
      extras,
    ).then(always);
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
      // Not out of spam: a spam mark set meanwhile stays.
      status: 'waiting',
      statusFrom: ['new', 'open', 'waiting', 'closed'],
    },
    { notify: VISITOR_REPLY, ...extras },
  ).then(always);
}

/**
 * A system event in the thread ("Reassigned to ..."), with the change it records and what that
 * sets off (`deliveries`, written in the same transaction). Null when nothing was stored: the
 * patch sets `escalatedAt` or `whileUnansweredBy`, and the inquiry was escalated already, was
 * answered, closed or marked spam, or (whileUnansweredBy) is no longer with that rep.
 */
export function addSystemMessage(
  deps: ConversationDeps,
  inquiry: Inquiry,
  body: string,
  patch: InquiryPatch,
  deliveries: NewDelivery[] = [],
  { teamTurn }: { teamTurn?: TeamTurn | null } = {},
): Promise<Message | null> {
  return post(
    deps,
    inquiry,
    { authorKind: 'system', authorRepId: null, body, channel: 'inbox' },
    patch,
    { deliveries, teamTurn },
  );
}
