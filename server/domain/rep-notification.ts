import type { Mailer } from '../mail/mailer';
import { renderRepNotification } from '../mail/rep-notification-mail';
import type { Delivery, Store } from '../storage/store';
import type { DeliveryHandler } from './outbox';

/** The delivery kind that mails an inquiry's message to its assigned rep. */
export const REP_NOTIFICATION = 'rep-notification';

export interface RepNotificationOptions {
  store: Store;
  mailer: Mailer;
  /** Host part of Message-IDs, e.g. the public URL's host. */
  messageIdDomain: string;
}

/** Sends one rep notification: To the rep, Reply-To the visitor. */
export const repNotificationHandler = ({
  store,
  mailer,
  messageIdDomain,
}: RepNotificationOptions): DeliveryHandler =>
  async function repNotification(delivery: Delivery) {
    const { inquiryId, messageId } = delivery.payload;
    if (typeof inquiryId !== 'string' || typeof messageId !== 'string') {
      throw new Error('rep-notification payload lacks inquiryId or messageId');
    }
    const inquiry = await store.findInquiry(inquiryId);
    if (!inquiry?.repId) throw new Error(`inquiry ${inquiryId} has no rep`);
    const [site, rep, messages] = await Promise.all([
      store.findSite(inquiry.siteId),
      store.findRep(inquiry.repId),
      store.listMessages(inquiryId),
    ]);
    const message = messages.find((m) => m.id === messageId);
    if (!site || !rep || !message) throw new Error(`inquiry ${inquiryId} is incomplete`);

    const mail = renderRepNotification({ site, rep, inquiry, message });
    await mailer.send({
      messageId: `<${delivery.id}@${messageIdDomain}>`,
      to: { name: rep.name, address: rep.email },
      replyTo: {
        ...(inquiry.visitor.name && { name: inquiry.visitor.name }),
        address: inquiry.visitor.email,
      },
      ...mail,
    });
  };
