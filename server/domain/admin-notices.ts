import { escapeHtml } from '../mail/html';
import type { Delivery, Inquiry, Rep, Store } from '../storage/store';
import { messageIdFor, payloadString, type MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';

/** An inquiry nobody could take waits in the site's queue: its admins are mailed. */
export const UNASSIGNED_NOTICE = 'unassigned-notice';
/** An inquiry without a first reply past the site's promise: its rep and admins are mailed. */
export const ESCALATION_NOTICE = 'escalation-notice';

async function admins(store: Store, siteId: string): Promise<Rep[]> {
  return (await store.listReps(siteId)).filter((r) => r.active && r.role === 'admin');
}

function summary(inquiry: Inquiry): string {
  const who =
    [inquiry.visitor.name, inquiry.visitor.company].filter(Boolean).join(', ') ||
    inquiry.visitor.email;
  const product = inquiry.products[0]?.name;
  return product ? `${who} about ${product}` : who;
}

// One mail per recipient, each with a stable Message-ID: a retry after a partial failure sends
// to everyone again, and mail clients show a message they already have only once.
async function notify(
  ctx: MailContext,
  delivery: Delivery,
  to: Rep[],
  subject: string,
  lines: string[],
): Promise<void> {
  for (const [i, rep] of to.entries()) {
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, `${delivery.id}-${i}`),
      to: { name: rep.name, address: rep.email },
      subject,
      text: lines.join('\n'),
      html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
    });
  }
}

/** Mails the site's admins that an inquiry waits in the unassigned queue. */
export const unassignedNoticeHandler = (ctx: MailContext): DeliveryHandler =>
  async function unassignedNotice(delivery) {
    const inquiry = await ctx.store.findInquiry(payloadString(delivery.payload, 'inquiryId'));
    if (!inquiry || inquiry.repId || inquiry.status === 'spam') return;
    await notify(
      ctx,
      delivery,
      await admins(ctx.store, inquiry.siteId),
      `Unassigned inquiry: ${summary(inquiry)}`.slice(0, 200),
      [
        `No rep could take the inquiry from ${summary(inquiry)}; it waits in the unassigned queue.`,
        `(${inquiry.assignmentReason})`,
        `Assign it: ${ctx.publicUrl}/inbox/inquiries/${inquiry.id}`,
      ],
    );
  };

/** Mails the rep and the site's admins that an inquiry has had no reply within the promise. */
export const escalationNoticeHandler = (ctx: MailContext): DeliveryHandler =>
  async function escalationNotice(delivery) {
    const inquiry = await ctx.store.findInquiry(payloadString(delivery.payload, 'inquiryId'));
    if (!inquiry || inquiry.status === 'spam') return;
    const hours = payloadString(delivery.payload, 'hours');
    const rep = inquiry.repId ? await ctx.store.findRep(inquiry.repId) : null;
    const to = [
      ...(rep ? [rep] : []),
      ...(await admins(ctx.store, inquiry.siteId)).filter((a) => a.id !== rep?.id),
    ];
    await notify(
      ctx,
      delivery,
      to,
      `No reply within ${hours} hours: ${summary(inquiry)}`.slice(0, 200),
      [
        `The inquiry from ${summary(inquiry)} has had no reply within the ${hours} hours promised.`,
        rep ? `It is assigned to ${rep.name}.` : 'It is in the unassigned queue.',
        `Answer it: ${ctx.publicUrl}/inbox/inquiries/${inquiry.id}`,
      ],
    );
  };
