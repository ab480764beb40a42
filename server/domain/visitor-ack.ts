import { renderVisitorAck } from '../mail/visitor-ack-mail';
import type { Delivery } from '../storage/store';
import { rawConversationToken } from './conversation-tokens';
import { messageIdFor, payloadString, replyAddressFor, type MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';

/** The delivery kind that acknowledges a new inquiry to its visitor. */
export const VISITOR_ACK = 'visitor-ack';

/** What the acknowledgement needs beyond any mail: the rep's working hours. */
export interface VisitorAckContext extends MailContext {
  /** When the rep is next on duty after `at`; null when on duty then, or unknown. */
  backAt: (repId: string, at: Date) => Promise<Date | null>;
}

/**
 * Mails the visitor, in their language, that their inquiry arrived: who answers it and by when,
 * their message quoted back, and the conversation link. From the rep's name (else the site's),
 * Reply-To the visitor's own reply address, else the rep's mailbox. Spam gets nothing.
 */
export const visitorAckHandler = (ctx: VisitorAckContext): DeliveryHandler =>
  async function visitorAck(delivery: Delivery) {
    const { store, clock } = ctx;
    const inquiryId = payloadString(delivery.payload, 'inquiryId');
    const inquiry = await store.findInquiry(inquiryId);
    if (!inquiry) throw new Error(`inquiry ${inquiryId} not found`);
    // Checked when sending, not when queueing: a rep may mark it spam before the worker runs,
    // and an answer would confirm to a spammer that the address is read.
    if (inquiry.status === 'spam') return;

    const [site, settings, messages, token, rep] = await Promise.all([
      store.findSite(inquiry.siteId),
      store.findSiteSettings(inquiry.siteId),
      store.listMessages(inquiryId),
      store.findPartyToken(inquiryId, 'visitor'),
      inquiry.repId ? store.findRep(inquiry.repId) : null,
    ]);
    const first = messages.find((m) => m.authorKind === 'visitor');
    if (!site || !settings || !first || !token || (inquiry.repId && !rep))
      throw new Error(`inquiry ${inquiryId} is incomplete`);

    const mail = renderVisitorAck({
      site,
      repName: rep?.name ?? null,
      visitorName: inquiry.visitor.name,
      productName: inquiry.products[0]?.name ?? null,
      message: first.body,
      language: inquiry.page.language ?? settings.defaultLanguage,
      visitorTimeZone: inquiry.page.timezone,
      replyPromiseHours: settings.replyPromiseHours,
      backAt: rep ? await ctx.backAt(rep.id, clock()) : null,
      conversationUrl: `${ctx.publicUrl}/c/${rawConversationToken(ctx.secret, token)}`,
    });
    const replyTo = replyAddressFor(ctx, token);
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, delivery.id),
      fromName: rep?.name ?? site.name,
      to: {
        ...(inquiry.visitor.name && { name: inquiry.visitor.name }),
        address: inquiry.visitor.email,
      },
      ...(replyTo
        ? { replyTo: { address: replyTo } }
        : rep && { replyTo: { name: rep.name, address: rep.email } }),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  };
