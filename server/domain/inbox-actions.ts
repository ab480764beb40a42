import type { InquiryUpdate } from '../../contract';
import type { Inquiry, InquiryPatch, NewDelivery, Rep } from '../storage/store';
import { addSystemMessage, type ConversationDeps } from './conversation';
import { newConversationToken } from './conversation-tokens';
import { DomainError } from './errors';
import { statusEvent } from './events';
import { arrivalDeliveries } from './inquiries';
import { REP_NOTIFICATION } from './rep-notification';

export type InboxDeps = ConversationDeps & { secret: string };

/**
 * The rep opened the inquiry: it is read, and a new one becomes open, if it is still new when
 * written (a spam mark or a reply committed since, from the read, stays).
 */
export async function markRead({ store, events }: InboxDeps, inquiry: Inquiry): Promise<void> {
  if (!inquiry.unread && inquiry.status !== 'new') return;
  await store.updateInquiry(inquiry.id, {
    unread: false,
    ...(inquiry.status === 'new' && { status: 'open', statusFrom: ['new'] }),
  });
  events.publish(statusEvent(inquiry));
}

/** Changes status and (admins) the assigned rep; each change is a system event in the thread. */
export async function updateInquiry(
  deps: InboxDeps,
  rep: Rep,
  inquiry: Inquiry,
  update: InquiryUpdate,
): Promise<void> {
  let current = inquiry;
  if (update.repId !== undefined && update.repId !== inquiry.repId) {
    if (rep.role !== 'admin')
      throw new DomainError('FORBIDDEN', 'Only admins can reassign inquiries.');
    const target = await deps.store.findRep(update.repId);
    if (!target || target.siteId !== inquiry.siteId || !target.active) {
      throw new DomainError('VALIDATION_FAILED', 'That rep cannot take this inquiry.', {
        repId: 'Choose an active rep of this site.',
      });
    }
    await reassignInquiry(deps, current, target, `by ${rep.name}`);
    current = { ...current, repId: target.id };
  }
  if (update.status !== undefined && update.status !== current.status) {
    const notSpam = current.status === 'spam';
    // "Not spam": what the filters held back is delivered now, written with the change.
    const [first] = notSpam ? await deps.store.listMessages(current.id) : [];
    await addSystemMessage(
      deps,
      current,
      notSpam
        ? `Marked as not spam by ${rep.name}`
        : `Status changed to ${update.status} by ${rep.name}`,
      {
        status: update.status,
        ...(update.status !== 'new' && { unread: false }),
        // Its rep gets it only now: the promise of a reply runs from here.
        ...(notSpam && { handedAt: deps.clock().toISOString() }),
      },
      first ? arrivalDeliveries(deps.newId, current, first.id) : [],
    );
  }
}

/**
 * Hands an inquiry to `target`, saying why in the thread ("by Mr. Moore Liu"); answers whether
 * it was handed over. See `handOver`.
 */
export async function reassignInquiry(
  deps: InboxDeps,
  inquiry: Inquiry,
  target: Rep,
  why: string,
): Promise<boolean> {
  const handing = await handOver(deps, inquiry, target);
  const moved = await addSystemMessage(
    deps,
    inquiry,
    `Reassigned to ${target.name} ${why}`,
    handing.patch,
    handing.deliveries,
  );
  await handing.settle(moved !== null);
  return moved !== null;
}

/** What handing an inquiry to another rep writes with the change that does it. */
export interface HandOver {
  /** The new rep, from when they have it; `whileUnanswered`: only while still unanswered. */
  patch: InquiryPatch;
  /** The new rep's mail of the first message (none while the inquiry is held as spam). */
  deliveries: NewDelivery[];
  /** After the change: revokes the old rep's token, or the new one when nothing was written. */
  settle(moved: boolean): Promise<void>;
}

/**
 * Makes ready to hand `inquiry` to `target`, in a change the caller writes (a reassignment's
 * own system event, or an escalation's). The new rep gets a reply token of their own and the
 * first message by mail; the previous rep's token stops working, so their mailed answers no
 * longer land in this thread. `whileUnanswered`: only if the inquiry is still with the rep it
 * was read with, unanswered, new or open (an escalation).
 */
export async function handOver(
  deps: InboxDeps,
  inquiry: Inquiry,
  target: Rep,
  { whileUnanswered = false }: { whileUnanswered?: boolean } = {},
): Promise<HandOver> {
  const { store, clock, newId, secret } = deps;
  const now = clock().toISOString();
  // The new rep's token first: should the change not be made, it is revoked again (and a token
  // of a rep the inquiry is not with opens nothing by mail meanwhile).
  const { record } = newConversationToken(secret, {
    id: newId(),
    inquiryId: inquiry.id,
    party: 'rep',
    repId: target.id,
  });
  await store.createConversationToken(record);
  // The new rep's mail of the first message, written with the change; none for an inquiry
  // held as spam, whose mails wait for "Not spam" (which then mails the rep it has).
  const [first] = await store.listMessages(inquiry.id);
  return {
    patch: {
      repId: target.id,
      // The new rep has the whole promise of a reply from now.
      handedAt: now,
      ...(whileUnanswered && { whileUnansweredBy: inquiry.repId }),
    },
    deliveries:
      first && inquiry.status !== 'spam'
        ? [
            {
              id: newId(),
              kind: REP_NOTIFICATION,
              siteId: inquiry.siteId,
              inquiryId: inquiry.id,
              payload: { inquiryId: inquiry.id, messageId: first.id },
              // By the new token: a rep the inquiry comes back to (A, B, then A again) is mailed
              // again, with a Reply-To that works; the first mail's token was revoked.
              dedupeKey: `${REP_NOTIFICATION}:${first.id}:${target.id}:${record.id}`,
            },
          ]
        : [],
    async settle(moved) {
      const at = clock().toISOString();
      if (!moved) {
        await store.revokeConversationToken(record.id, at);
        return;
      }
      if (inquiry.repId) {
        const old = await store.findPartyToken(inquiry.id, 'rep', inquiry.repId);
        if (old) await store.revokeConversationToken(old.id, at);
      }
    },
  };
}
