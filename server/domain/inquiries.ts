import type { InquiryCreated, ValidInquiry } from '../../contract';
import type { Inquiry, Message, NewConversationToken, NewDelivery, Site } from '../storage/store';
import { assign } from './assignment';
import type { ConversationDeps } from './conversation';
import { newConversationToken } from './conversation-tokens';
import { REP_NOTIFICATION } from './rep-notification';

export type InquiryDeps = ConversationDeps & {
  /** Derives conversation tokens (see conversation-tokens.ts). */
  secret: string;
};

/**
 * Stores a visitor's inquiry: assigns it, then writes the inquiry, its first message and the
 * rep's notification in one transaction. Mail goes out later, from the outbox.
 */
export async function receiveInquiry(
  { store, clock, newId, secret, events }: InquiryDeps,
  site: Site,
  input: ValidInquiry,
): Promise<InquiryCreated> {
  const [requested, defaultRep] = await Promise.all([
    input.rep ? store.findRepByHandle(site.id, input.rep) : null,
    site.defaultRepId ? store.findRep(site.defaultRepId) : null,
  ]);
  const assignment = assign({ site, requested, defaultRep });

  const now = clock().toISOString();
  const inquiry: Inquiry = {
    id: newId(),
    siteId: site.id,
    repId: assignment.rep?.id ?? null,
    status: 'new',
    visitor: {
      name: given(input.name),
      email: input.email,
      company: given(input.company),
      country: given(input.country),
      phone: given(input.phone),
    },
    quantity: input.quantity ?? null,
    unit: input.quantity === undefined ? null : (input.unit ?? null),
    products: input.product
      ? [
          {
            name: input.product.name,
            ...(given(input.product.sku) && { sku: input.product.sku }),
            ...(input.product.url && { url: input.product.url }),
            ...(input.product.image && { image: input.product.image }),
          },
        ]
      : [],
    page: {
      url: given(input.page?.url),
      referrer: given(input.page?.referrer),
      language: given(input.page?.language),
      timezone: given(input.page?.timezone),
    },
    assignmentReason: assignment.reason,
    unread: true,
    awaitingReply: true,
    lastActivityAt: now,
    createdAt: now,
  };
  const message: Message = {
    id: newId(),
    inquiryId: inquiry.id,
    authorKind: 'visitor',
    authorRepId: null,
    body: input.message,
    channel: input.page ? 'widget' : 'api',
    createdAt: now,
  };
  // The visitor's token answers the 201 and rides in their mails; the rep's brings the rep's
  // mailed answers back into this thread.
  const visitor = newConversationToken(secret, {
    id: newId(),
    inquiryId: inquiry.id,
    party: 'visitor',
    repId: null,
  });
  const tokens: NewConversationToken[] = [visitor.record];
  if (assignment.rep) {
    tokens.push(
      newConversationToken(secret, {
        id: newId(),
        inquiryId: inquiry.id,
        party: 'rep',
        repId: assignment.rep.id,
      }).record,
    );
  }
  const deliveries: NewDelivery[] = assignment.rep
    ? [
        {
          id: newId(),
          kind: REP_NOTIFICATION,
          payload: { inquiryId: inquiry.id, messageId: message.id },
          dedupeKey: `${REP_NOTIFICATION}:${message.id}`,
        },
      ]
    : [];

  await store.createInquiry({ inquiry, message, tokens, deliveries });
  events.publish({
    type: 'inquiry',
    siteId: site.id,
    repId: inquiry.repId,
    inquiryId: inquiry.id,
    visitorVisible: true,
  });
  return {
    id: inquiry.id,
    rep: assignment.rep ? { name: assignment.rep.name } : null,
    token: visitor.token,
  };
}

// A site owner's own form may post "" for a field left blank: store that as absent.
function given(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
