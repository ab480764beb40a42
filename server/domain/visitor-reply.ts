import { renderVisitorReply } from '../mail/visitor-reply-mail';
import type { Delivery } from '../storage/store';
import { rawConversationToken } from './conversation-tokens';
import { messageIdFor, payloadString, replyAddressFor, type MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';

/**
 * Mails a rep's reply to the visitor: From the rep's name, Reply-To the visitor's own reply
 * address (or the rep's mailbox when no inbound receiver runs), with the conversation link.
 */
export const visitorReplyHandler = (ctx: MailContext): DeliveryHandler =>
  async function visitorReply(delivery: Delivery) {
    const { store } = ctx;
    const inquiryId = payloadString(delivery.payload, 'inquiryId');
    const messageId = payloadString(delivery.payload, 'messageId');
    const [inquiry, messages, token] = await Promise.all([
      store.findInquiry(inquiryId),
      store.listMessages(inquiryId),
      store.findPartyToken(inquiryId, 'visitor'),
    ]);
    const message = messages.find((m) => m.id === messageId);
    if (!inquiry || !message?.authorRepId || !token)
      throw new Error(`reply ${messageId} is incomplete`);
    const [site, rep] = await Promise.all([
      store.findSite(inquiry.siteId),
      store.findRep(message.authorRepId),
    ]);
    if (!site || !rep) throw new Error(`reply ${messageId} has no site or rep`);

    const conversationUrl = `${ctx.publicUrl}/c/${rawConversationToken(ctx.secret, token)}`;
    const replyTo = replyAddressFor(ctx, token);
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, delivery.id),
      fromName: rep.name,
      to: {
        ...(inquiry.visitor.name && { name: inquiry.visitor.name }),
        address: inquiry.visitor.email,
      },
      replyTo: replyTo ? { address: replyTo } : { name: rep.name, address: rep.email },
      ...renderVisitorReply({ site, rep, inquiry, message, conversationUrl }),
    });
  };
