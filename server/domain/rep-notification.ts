import { renderRepNotification } from '../mail/rep-notification-mail';
import type { Delivery } from '../storage/store';
import { messageIdFor, payloadString, replyAddressFor, type MailContext } from './mail-context';
import { PermanentDeliveryError, type DeliveryHandler } from './outbox';

/** The delivery kind that mails an inquiry's visitor message to its assigned rep. */
export const REP_NOTIFICATION = 'rep-notification';

/**
 * Mails a visitor's message (the first, or a follow-up) to the assigned rep. Reply-To brings
 * the rep's answer back into the thread (their own reply token), or goes to the visitor
 * directly when no inbound receiver runs.
 */
export const repNotificationHandler = (ctx: MailContext): DeliveryHandler =>
  async function repNotification(delivery: Delivery) {
    const { store } = ctx;
    const inquiryId = payloadString(delivery.payload, 'inquiryId');
    const messageId = payloadString(delivery.payload, 'messageId');
    const inquiry = await store.findInquiry(inquiryId);
    if (!inquiry?.repId) throw new Error(`inquiry ${inquiryId} has no rep`);
    const [site, rep, messages, token] = await Promise.all([
      store.findSite(inquiry.siteId),
      store.findRep(inquiry.repId),
      store.listMessages(inquiryId),
      store.findPartyToken(inquiryId, 'rep', inquiry.repId),
    ]);
    const attachments = await store.listAttachments(inquiryId);
    const message = messages.find((m) => m.id === messageId);
    if (!site || !rep || !message) throw new Error(`inquiry ${inquiryId} is incomplete`);
    // A rep who has left is mailed nothing more: the delivery fails at once, so the site's
    // admins are told it was not delivered, with the inquiry to reassign.
    if (!rep.active) {
      throw new PermanentDeliveryError(`${rep.name} is deactivated: reassign the inquiry`);
    }

    const threadUrl = `${ctx.publicUrl}/inbox/inquiries/${inquiry.id}`;
    const followUp = messages[0]?.id !== message.id;
    const mail = renderRepNotification({
      site,
      rep,
      inquiry,
      message,
      followUp,
      threadUrl,
      attachments,
    });
    const replyTo = replyAddressFor(ctx, token);
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, delivery.id),
      to: { name: rep.name, address: rep.email },
      replyTo: replyTo
        ? { address: replyTo }
        : {
            ...(inquiry.visitor.name && { name: inquiry.visitor.name }),
            address: inquiry.visitor.email,
          },
      ...mail,
    });
  };
